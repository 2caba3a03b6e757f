import html

import pytest
from django.test import Client

from tests.factories import UserFactory


def text(response: object) -> str:
    """A page's HTML with its entities decoded (« l'image » is written « l&#x27;image »)."""
    return html.unescape(response.content.decode())  # type: ignore[attr-defined]


@pytest.fixture
def agent_client(client: Client) -> Client:
    client.force_login(UserFactory(agent=True))
    return client
