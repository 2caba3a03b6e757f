"""How a refusal reaches an agent on the bouquets pages: a posted form comes back with its errors, any other
refusal is the middleware's refusal page, with the service's status."""

import pytest
from django.urls import reverse
from django.utils.html import escape

from bouquet.accounts.models import Role
from bouquet.bouquets.models import Bouquet, Clustering, Topic
from tests.bouquets.conftest import bouquet_of, regroup
from tests.factories import ProposalFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def grouped(client, agent, process_with_needs, django_capture_on_commit_callbacks):
    process, ids = process_with_needs
    regroup(agent, process, django_capture_on_commit_callbacks)
    client.force_login(agent)
    return process, ids, Bouquet.objects.get(pk=bouquet_of(ids["ombre"][0]))


def test_a_refused_regrouping_form_comes_back_with_its_errors(client, grouped):
    process, _ids, _shade = grouped
    response = client.post(reverse("bouquets:regroup", args=[process.slug]), {"themes": "99"})
    assert response.status_code == 422
    assert 'value="99"' in response.content.decode() and "Lancer un regroupement" in response.content.decode()
    assert Clustering.objects.count() == 1


def test_a_refused_merge_form_comes_back_open_on_the_bouquet_page(client, grouped):
    _process, _ids, shade = grouped
    response = client.post(reverse("bouquets:merge", args=[shade.pk]), {})
    html = response.content.decode()
    assert response.status_code == 422 and "<details open>" in html and escape(shade.label) in html


def test_other_refusals_are_the_refusal_page_with_the_services_status(client, grouped):
    process, _ids, shade = grouped
    unplaced = ProposalFactory(process=process)
    moved = client.post(reverse("bouquets:move", args=[shade.pk, unplaced.pk]), {"to": ""})
    assert moved.status_code == 409 and "lancez d&#x27;abord un regroupement" in moved.content.decode()
    topic = Topic.objects.filter(process=process).first()
    renamed = client.post(reverse("bouquets:rename-topic", args=[topic.pk]), {"label": "x"})
    assert renamed.status_code == 422 and "Entre 3 et 200 caractères." in renamed.content.decode()


def test_inhabitants_get_a_refusal_not_an_agents_form(client, grouped):
    _process, _ids, shade = grouped
    client.force_login(UserFactory(role=Role.INHABITANT))
    assert client.post(reverse("bouquets:pin", args=[shade.pk]), {"pinned": "1"}).status_code == 403
    assert client.post(reverse("bouquets:split", args=[shade.pk]), {"label": "Arbres"}).status_code == 403
    shade.refresh_from_db()
    assert not shade.pinned
