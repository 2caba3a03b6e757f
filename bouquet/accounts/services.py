"""Writes on accounts."""

import secrets

from django.db import transaction

from bouquet.accounts.models import ApiToken, User


@transaction.atomic
def issue_api_token(*, user: User, name: str) -> str:
    """Create an API token for a person and return its clear value (shown once)."""
    key = secrets.token_urlsafe(32)
    ApiToken.objects.create(user=user, name=name[:80], key_hash=ApiToken.hash_key(key))
    return key
