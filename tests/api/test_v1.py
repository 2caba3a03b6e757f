"""The JSON API: public reads, authenticated writes, clear French errors, unknown fields refused."""

import json

import pytest
from django.test import Client

from bouquet.accounts.services import issue_api_token
from bouquet.proposals.models import Comment, Proposal, Support
from tests.factories import DistrictFactory, ProposalFactory, UserFactory

pytestmark = pytest.mark.django_db


def _post(client: Client, url: str, data: object, token: str | None = None):
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return client.post(url, data=json.dumps(data), content_type="application/json", headers=headers)


@pytest.fixture
def token(citizen) -> str:
    return issue_api_token(user=citizen, name="tests")


def test_openapi_schema(client):
    schema = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/processes/{slug}/proposals" in schema["paths"]
    assert "post" in schema["paths"]["/api/v1/proposals/{pk}/support"]


def test_read_processes_and_proposals(client, proposals_process):
    ProposalFactory(process=proposals_process, title="Des arbres rue Pasteur")
    processes = client.get("/api/v1/processes").json()
    assert processes["count"] == 1
    assert processes["items"][0]["current_phase"]["kind"] == "proposals"
    detail = client.get(f"/api/v1/processes/{proposals_process.slug}").json()
    assert [p["kind"] for p in detail["phases"]] == ["information", "proposals"]
    proposals = client.get(f"/api/v1/processes/{proposals_process.slug}/proposals", {"q": "arbres"}).json()
    assert [p["title"] for p in proposals["items"]] == ["Des arbres rue Pasteur"]


def test_create_proposal_with_token(client, proposals_process, token):
    district = DistrictFactory()
    response = _post(
        client,
        f"/api/v1/processes/{proposals_process.slug}/proposals",
        {
            "title": "Un composteur collectif",
            "body": "Au pied de la résidence des Lilas.",
            "district_id": district.pk,
            "latitude": 47.02,
            "longitude": 1.01,
        },
        token,
    )
    assert response.status_code == 201, response.content
    assert response.json()["district_id"] == district.pk
    assert Proposal.objects.get().title == "Un composteur collectif"


def test_writes_need_authentication(client, proposals_process):
    response = _post(
        client,
        f"/api/v1/processes/{proposals_process.slug}/proposals",
        {"title": "Sans compte", "body": "Pas connecté du tout."},
    )
    assert response.status_code == 401
    assert "message" in response.json()
    assert Proposal.objects.count() == 0


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        (
            {"title": "Assez long titre", "body": "Assez long corps de texte.", "support_count": 999},
            "support_count",
        ),
        ({"title": "Assez long titre", "body": "Assez long corps de texte.", "author_id": 1}, "author_id"),
        ({"title": "Assez long titre"}, "body"),
        ({"title": "x" * 200, "body": "Assez long corps de texte."}, "title"),
        (
            {
                "title": "Assez long titre",
                "body": "Assez long corps de texte.",
                "latitude": 123.0,
                "longitude": 2.0,
            },
            "latitude",
        ),
        ({"title": "Assez long titre", "body": "Assez long corps de texte.", "latitude": 45.0}, "longitude"),
        (
            {"title": "Assez long titre", "body": "Assez long corps de texte.", "district_id": 99999},
            "district_id",
        ),
        ({"title": "Ok", "body": "Assez long corps de texte."}, "title"),
    ],
)
def test_bad_input_is_refused_per_field(client, proposals_process, token, payload, field):
    response = _post(client, f"/api/v1/processes/{proposals_process.slug}/proposals", payload, token)
    assert response.status_code == 422, response.content
    body = response.json()
    assert field in body["errors"], body
    assert body["message"]
    assert Proposal.objects.count() == 0


def test_malformed_json_is_a_clear_error(client, proposals_process, token):
    response = client.post(
        f"/api/v1/processes/{proposals_process.slug}/proposals",
        data="{pas du json",
        content_type="application/json",
        headers={"Authorization": f"Bearer {token}"},
    )
    assert response.status_code in (400, 422)
    assert "message" in response.json()


def test_support_once_then_409(client, supports_process, token):
    proposal = ProposalFactory(process=supports_process)
    first = _post(client, f"/api/v1/proposals/{proposal.pk}/support", {}, token)
    second = _post(client, f"/api/v1/proposals/{proposal.pk}/support", {}, token)
    assert first.status_code == 201 and first.json()["support_count"] == 1
    assert second.status_code == 409 and "déjà" in second.json()["message"]
    assert Support.objects.count() == 1


def test_support_outside_phase_is_403(client, proposals_process, token):
    proposal = ProposalFactory(process=proposals_process)
    response = _post(client, f"/api/v1/proposals/{proposal.pk}/support", {}, token)
    assert response.status_code == 403
    assert "phase" in response.json()["message"]


def test_comments_read_and_write(client, proposals_process, token):
    proposal = ProposalFactory(process=proposals_process)
    created = _post(client, f"/api/v1/proposals/{proposal.pk}/comments", {"body": "Je suis pour."}, token)
    assert created.status_code == 201
    reply = _post(
        client,
        f"/api/v1/proposals/{proposal.pk}/comments",
        {"body": "Moi aussi.", "parent_id": created.json()["id"]},
        token,
    )
    assert reply.status_code == 201
    thread = client.get(f"/api/v1/proposals/{proposal.pk}/comments").json()
    assert thread["count"] == 1 and thread["items"][0]["replies"][0]["body"] == "Moi aussi."
    assert Comment.objects.count() == 2


def test_session_auth_requires_csrf(proposals_process, citizen):
    client = Client(enforce_csrf_checks=True)
    client.force_login(citizen)
    response = _post(
        client,
        f"/api/v1/processes/{proposals_process.slug}/proposals",
        {"title": "Avec session", "body": "Sans jeton CSRF ici."},
    )
    assert response.status_code in (401, 403)
    assert Proposal.objects.count() == 0


def test_list_query_count_is_flat(client, proposals_process, django_assert_max_num_queries):
    for _ in range(40):
        ProposalFactory(process=proposals_process, author=UserFactory())
    with django_assert_max_num_queries(4):
        response = client.get(f"/api/v1/processes/{proposals_process.slug}/proposals")
    assert len(response.json()["items"]) == 20


@pytest.mark.parametrize(
    "query", ["page=8681736869307106304", "page=0", "page=-3", "page_size=100000", "page=abc"]
)
def test_absurd_page_numbers_are_refused_with_a_message_not_a_server_error(client, query):
    proposal = ProposalFactory()
    for url in (
        "/api/v1/processes",
        f"/api/v1/processes/{proposal.process.slug}/proposals",
        f"/api/v1/proposals/{proposal.pk}/comments",
    ):
        response = client.get(f"{url}?{query}")
        assert response.status_code == 422, (url, query)
        assert response.json()["message"]


def test_the_last_allowed_page_is_an_empty_page(client):
    proposal = ProposalFactory()
    response = client.get(f"/api/v1/processes/{proposal.process.slug}/proposals?page=100000")
    assert response.status_code == 200
    assert response.json()["items"] == []


def test_api_root_points_to_the_docs_and_the_schema() -> None:
    """`/api/v1/` answered 404: it now says where the documentation and the schema are."""
    index = Client().get("/api/v1/")
    assert index.status_code == 200
    body = index.json()
    assert body["docs_url"].endswith("/api/v1/docs")
    assert body["schema_url"].endswith("/api/v1/openapi.json")
    assert Client().get(body["schema_url"]).json()["info"]["title"] == body["title"]


def test_api_docs_load_only_packaged_files_with_the_nonce() -> None:
    """The docs page took Swagger UI from a CDN (blank under the Content-Security-Policy)."""
    response = Client().get("/api/v1/docs")
    html = response.content.decode()
    nonce = response.headers["Content-Security-Policy"].split("'nonce-")[1].split("'")[0]
    assert "cdn" not in html.lower() and "https://" not in html
    assert html.count(f'nonce="{nonce}"') == 4  # the style sheet, the settings and both scripts
    assert '<script src="/static/ninja/swagger-ui-bundle.js"' in html


HUGE = "26048164966478815232"  # beyond a 64-bit row id: overflowed the query (500) before


@pytest.mark.parametrize("query", [f"theme={HUGE}", f"district={HUGE}", f"district=-{HUGE}"])
def test_list_filters_refuse_ids_beyond_the_database_with_422(client, query):
    proposal = ProposalFactory()
    response = client.get(f"/api/v1/processes/{proposal.process.slug}/proposals?{query}")
    assert response.status_code == 422
    assert response.json()["errors"][query.split("=")[0]] == "Valeur hors des limites permises."


@pytest.mark.parametrize(
    "url",
    [
        f"/api/v1/initiatives?district=-{HUGE}",
        "/api/v1/initiatives?sdg=18",
        f"/api/v1/places?district_id={HUGE}",
        f"/api/v1/projects?year={HUGE}",
        f"/api/v1/gap?year={HUGE}",
    ],
)
def test_other_lists_refuse_numbers_beyond_their_range_with_422(client, url):
    response = client.get(url)
    assert response.status_code == 422, response.content
    name = url.split("?")[1].split("=")[0]
    assert response.json()["errors"][name] == "Valeur hors des limites permises."


def test_writes_refuse_ids_beyond_the_database_with_422(client, token):
    proposal = ProposalFactory()
    created = _post(
        client,
        f"/api/v1/processes/{proposal.process.slug}/proposals",
        {"title": "Un banc", "body": "Devant l'école.", "district_id": int(HUGE), "theme_id": int(HUGE)},
        token,
    )
    assert created.status_code == 422
    assert set(created.json()["errors"]) == {"district_id", "theme_id"}
    reply = _post(
        client, f"/api/v1/proposals/{proposal.pk}/comments", {"body": "Oui", "parent_id": int(HUGE)}, token
    )
    assert reply.status_code == 422 and "parent_id" in reply.json()["errors"]
