"""Pages of the participation loop, through Django's test client: forms, errors in French, no JavaScript needed."""

import pytest
from django.test import Client
from django.urls import reverse

from bouquet.proposals.models import Comment, Proposal, Report, Support
from tests.factories import ProposalFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_home_and_process_pages(client, proposals_process):
    home = client.get("/")
    assert home.status_code == 200
    assert proposals_process.title in home.content.decode()
    page = client.get(proposals_process.get_absolute_url())
    assert page.status_code == 200
    assert "Les étapes" in page.content.decode()


def test_list_filters_and_map_data(client, proposals_process):
    ProposalFactory(process=proposals_process, title="Ombre sur la place", located=True)
    ProposalFactory(process=proposals_process, title="Terrain de basket", body="Pour les jeunes du quartier.")
    url = reverse("proposals:list", args=[proposals_process.slug])
    response = client.get(url, {"q": "ombre"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Ombre sur la place" in html and "Terrain de basket" not in html
    geo = client.get(reverse("proposals:map-data", args=[proposals_process.slug])).json()
    title = geo["fields"].index("title")
    assert [row[title] for row in geo["points"]] == ["Ombre sur la place"]
    assert client.get(url, {"page": "abc", "sort": "nimporte"}).status_code == 200


def test_submit_form_keeps_input_and_shows_french_errors(logged_client, proposals_process):
    url = reverse("proposals:create", args=[proposals_process.slug])
    response = logged_client.post(
        url, {"title": "Des bancs", "body": "court", "latitude": "95", "longitude": "2"}
    )
    assert response.status_code == 422
    html = response.content.decode()
    assert "Écrivez au moins" in html or "Doit être comprise" in html
    assert 'value="Des bancs"' in html
    assert Proposal.objects.count() == 0
    response = logged_client.post(
        url,
        {
            "title": "Des bancs à l'ombre",
            "body": "Pour se reposer entre le marché et l'arrêt de bus.",
            "latitude": "47,01",
            "longitude": "1.02",
        },
    )
    proposal = Proposal.objects.get()
    assert response.status_code == 302 and response["Location"] == proposal.get_absolute_url()
    assert proposal.latitude == 47.01


def test_support_without_and_with_htmx(supports_process, citizen):
    proposal = ProposalFactory(process=supports_process)
    client = Client()
    client.force_login(citizen)
    url = reverse("proposals:support", args=[proposal.pk])
    assert client.post(url).status_code == 302
    partial = client.post(url, headers={"HX-Request": "true"})
    assert partial.status_code == 200 and "Vous soutenez déjà" in partial.content.decode()
    assert Support.objects.filter(proposal=proposal).count() == 1


def test_support_refused_outside_phase_with_status(proposals_process, citizen):
    proposal = ProposalFactory(process=proposals_process)
    client = Client()
    client.force_login(citizen)
    response = client.post(reverse("proposals:support", args=[proposal.pk]), headers={"HX-Request": "true"})
    assert response.status_code == 403
    assert "pas ouverts" in response.content.decode()


def test_comment_and_report_flow(logged_client, proposals_process, moderator):
    proposal = ProposalFactory(process=proposals_process)
    response = logged_client.post(
        reverse("proposals:comment", args=[proposal.pk]), {"body": "Très bonne idée, voir https://exemple.fr"}
    )
    assert response.status_code == 302
    detail = logged_client.get(proposal.get_absolute_url()).content.decode()
    assert 'rel="nofollow ugc noopener noreferrer"' in detail
    comment = Comment.objects.get()
    for _ in range(3):
        other = Client()
        other.force_login(UserFactory())
        assert (
            other.post(
                reverse("proposals:report-comment", args=[comment.pk]), {"reason": "Publicité"}
            ).status_code
            == 302
        )
    assert Report.objects.count() == 3
    assert "Commentaire masqué" in Client().get(proposal.get_absolute_url()).content.decode()
    # Its author still reads it, told that it awaits a decision.
    assert (
        "masqué en attendant une décision" in logged_client.get(proposal.get_absolute_url()).content.decode()
    )
    mod = Client()
    mod.force_login(moderator)
    queue = mod.get(reverse("proposals:moderation"))
    assert queue.status_code == 200 and "Publicité" in queue.content.decode()
    mod.post(
        reverse("proposals:moderate", args=["commentaire", comment.pk]),
        {"verdict": "restore", "reason": "Lien utile"},
    )
    assert "Très bonne idée" in logged_client.get(proposal.get_absolute_url()).content.decode()


def test_moderation_queue_forbidden_to_inhabitants(logged_client):
    assert logged_client.get(reverse("proposals:moderation")).status_code == 403


def test_edit_by_someone_else_is_forbidden(logged_client, proposals_process):
    proposal = ProposalFactory(process=proposals_process, author=UserFactory())
    response = logged_client.post(
        reverse("proposals:edit", args=[proposal.pk]), {"title": "Piraté", "body": "Texte remplacé ici."}
    )
    assert response.status_code == 403
    assert Proposal.objects.get(pk=proposal.pk).title != "Piraté"


def test_english_is_available(client, proposals_process):
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert client.get("/").status_code == 200


def test_htmx_comment_error_comes_back_as_the_form(logged_client, proposals_process):
    proposal = ProposalFactory(process=proposals_process)
    response = logged_client.post(
        reverse("proposals:comment", args=[proposal.pk]), {"body": "a"}, headers={"HX-Request": "true"}
    )
    assert response.status_code == 422
    assert response["HX-Retarget"] == "#formulaire-commentaire"
    html = response.content.decode()
    assert "<html" not in html and "Écrivez au moins 2 caractères" in html
    assert 'aria-invalid="true"' in html and "id_body_error" in html


def test_htmx_support_when_logged_out_redirects_the_whole_page(client, supports_process):
    proposal = ProposalFactory(process=supports_process)
    response = client.post(reverse("proposals:support", args=[proposal.pk]), headers={"HX-Request": "true"})
    assert response.status_code == 204 and response["HX-Redirect"].startswith("/compte/login/")
