"""Map pages through Django's test client, as a browser without JavaScript sees them."""

import re

import pytest
from django.urls import reverse

from bouquet.places.models import Article, FeatureKind
from bouquet.places.services import add_map_feature
from bouquet.proposals.models import Proposal
from tests.factories import DistrictFactory, MapFeatureFactory, ProposalFactory

pytestmark = pytest.mark.django_db

MARKET = {
    "type": "Polygon",
    "coordinates": [[[1.0, 47.0], [1.001, 47.0], [1.001, 47.001], [1.0, 47.001], [1.0, 47.0]]],
}


@pytest.fixture
def town() -> None:
    DistrictFactory(name="Centre", outlined=True)
    add_map_feature(kind=FeatureKind.SQUARE, name="place du Marché", article=Article.LA, shape=MARKET)
    MapFeatureFactory(name="Loirette", kind=FeatureKind.RIVER)


def test_proposal_page_draws_its_place_and_says_it_in_words(client, town, proposals_process):
    proposal = ProposalFactory(process=proposals_process, latitude=47.0004, longitude=1.0006)
    html = client.get(proposal.get_absolute_url()).content.decode()
    # The plan, not one of the icons drawn beside words (they are hidden from assistive technologies).
    svg = re.search(r'<svg(?![^>]*class="icon")[^>]*>.*?</svg>', html, re.DOTALL).group(0)
    assert 'role="img"' in svg and 'aria-labelledby="plan-lieu-titre plan-lieu-desc"' in svg
    assert '<title id="plan-lieu-titre">Plan : Centre</title>' in svg
    assert "un repère rouge marque le lieu : Près de la place du Marché, quartier Centre" in svg
    assert 'class="svg-map-outline"' in svg and 'class="svg-map-river"' in svg and "svg-map-marker" in svg
    # The address in words beside the map, and never the raw coordinates.
    assert "<figcaption>Près de la place du Marché, quartier Centre</figcaption>" in html
    text = re.sub(r"<[^>]+>", " ", re.sub(r"<(svg|script)\b.*?</\1>", "", html, flags=re.DOTALL))
    assert "47,0004" not in text and "47.0004" not in text and "Coordonnées" not in text


def test_a_proposal_without_a_place_has_no_map(client, town, proposals_process):
    proposal = ProposalFactory(process=proposals_process)
    html = client.get(proposal.get_absolute_url()).content.decode()
    plans = re.findall(r'<svg(?![^>]*class="icon")', html.split("<main", 1)[-1])
    assert not plans and "leaflet.js" not in html


def test_the_form_refuses_a_point_outside_and_keeps_the_rest(logged_client, town, proposals_process):
    url = reverse("proposals:create", args=[proposals_process.slug])
    data = {
        "title": "Un abri à vélos",
        "body": "Pour ranger les vélos à l'abri de la pluie près du marché.",
        "address": "devant les halles",
        "latitude": "46.92321",
        "longitude": "1.35736",
    }
    response = logged_client.post(url, data)
    assert response.status_code == 422
    html = response.content.decode()
    assert "Ce point est en dehors du territoire de la collectivité" in html
    assert 'value="Un abri à vélos"' in html and 'value="devant les halles"' in html
    assert "Pour ranger les vélos" in html
    assert Proposal.objects.count() == 0
    # The picker opens on the territory.
    assert 'data-area="46.980000,0.980000,47.030000,1.040000"' in html


def test_the_search_page_leads_back_to_the_form_with_the_place(logged_client, town, proposals_process):
    search = reverse("places:search")
    html = logged_client.get(search, {"q": "marche", "demarche": proposals_process.slug}).content.decode()
    assert "place du Marché" in html
    link = re.search(r'href="([^"]*nouvelle/\?latitude=[^"]*)"', html).group(1).replace("&amp;", "&")
    form = logged_client.get(link).content.decode()
    assert 'value="47.000500"' in form and 'value="1.000500"' in form and 'value="place du Marché"' in form
    empty = logged_client.get(search, {"q": "zzzz"}).content.decode()
    assert "Aucun lieu du territoire ne correspond" in empty
    assert logged_client.get(search, {"q": "a"}).status_code == 422


def test_search_and_territory_as_json(client, town):
    found = client.get(reverse("places:search"), {"q": "Marché", "format": "json"}).json()
    assert found["results"] == [
        {"label": "place du Marché", "context": "Centre", "latitude": 47.0005, "longitude": 1.0005}
    ]
    layers = client.get(reverse("places:territory"))
    assert layers["Cache-Control"] == "public, max-age=300"
    kinds = [f["properties"]["kind"] for f in layers.json()["features"]]
    assert kinds == ["district", "river", "square"]  # features by kind, then name
