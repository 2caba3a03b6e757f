"""Robot checks (www.human_check.HumanCheck) on sign-up, proposals and comments: a field hidden from people and a minimum
time between showing a form and sending it, each refused with a French message that keeps what was typed."""

import re
import time
from typing import Any

import pytest
from django.core import signing
from django.test import Client
from django.urls import reverse

from bouquet.accounts.models import User
from bouquet.processes.models import Process
from bouquet.proposals.models import Comment, Proposal
from bouquet.www.human_check import SHOWN_AT_SALT
from tests.factories import CommentFactory, ProposalFactory

pytestmark = pytest.mark.django_db

ROBOT_FIELD = "un champ invisible était rempli"
TOO_FAST = "Ce formulaire a été envoyé trop vite après son affichage"
PASSWORD = "Tilleuls-et-platanes-2026"


@pytest.fixture(autouse=True)
def minimum_fill_time(settings: Any) -> None:
    settings.BOUQUET_MIN_FILL_SECONDS = 3


def shown(seconds_ago: float) -> str:
    """The signed stamp of a form shown that many seconds ago."""
    return signing.dumps(time.time() - seconds_ago, salt=SHOWN_AT_SALT)


def stamp_in(html: str) -> str:
    return re.search(r'name="affiche_le" value="([^"]+)"', html).group(1)  # type: ignore[union-attr]


def test_the_honeypot_is_hidden_by_a_class_and_skipped_by_browsers(client: Client) -> None:
    html = client.get(reverse("account_signup")).content.decode()

    honeypot = re.search(r'<div class="[^"]*honeypot[^"]*">.*?</div>', html, re.DOTALL)
    assert honeypot is not None, "the honeypot's wrapper carries the class the stylesheet hides"
    assert "Laissez ce champ vide" in honeypot.group(0)
    assert 'autocomplete="off"' in honeypot.group(0) and 'tabindex="-1"' in honeypot.group(0)
    assert "style=" not in html  # the Content-Security-Policy forbids inline styles
    assert signing.loads(stamp_in(html), salt=SHOWN_AT_SALT) == pytest.approx(time.time(), abs=5)


def test_sign_up_with_the_honeypot_filled_is_refused_and_keeps_the_address(client: Client) -> None:
    data = {"email": "robot@exemple.fr", "password1": PASSWORD, "password2": PASSWORD}

    response = client.post(
        reverse("account_signup"), data | {"affiche_le": shown(10), "site_web": "http://spam"}
    )

    html = response.content.decode()
    assert ROBOT_FIELD in html and 'value="robot@exemple.fr"' in html
    assert 'value="http://spam"' not in html  # comes back empty, so a person can send again
    assert not User.objects.exists()


def test_sign_up_sent_too_fast_is_refused_then_accepted_after_the_wait(client: Client) -> None:
    data = {"email": "camille@exemple.fr", "password1": PASSWORD, "password2": PASSWORD}

    refused = client.post(reverse("account_signup"), data | {"affiche_le": shown(1)})

    html = refused.content.decode()
    assert TOO_FAST in html and 'value="camille@exemple.fr"' in html
    assert not User.objects.exists()
    client.post(reverse("account_signup"), data | {"affiche_le": shown(4)})
    assert User.objects.filter(email="camille@exemple.fr").exists()


def test_a_missing_or_forged_stamp_is_refused_and_replaced_by_a_fresh_one(
    logged_client: Client, proposals_process: Process
) -> None:
    url = reverse("proposals:create", args=[proposals_process.slug])
    data = {"title": "Des bancs à l'ombre", "body": "Pour se reposer entre le marché et l'arrêt de bus."}
    for stamp in ("", signing.dumps(time.time() - 60, salt="autre-chose")):
        response = logged_client.post(url, data | {"affiche_le": stamp})

        assert response.status_code == 422 and TOO_FAST in response.content.decode()
        assert stamp_in(response.content.decode()) != stamp
    assert not Proposal.objects.exists()


def test_a_proposal_sent_too_fast_or_by_a_robot_is_refused_and_kept(
    logged_client: Client, proposals_process: Process
) -> None:
    url = reverse("proposals:create", args=[proposals_process.slug])
    data = {"title": "Des bancs à l'ombre", "body": "Pour se reposer entre le marché et l'arrêt de bus."}

    for extra, message in (
        ({"affiche_le": shown(1)}, TOO_FAST),
        ({"affiche_le": shown(9), "site_web": "x"}, ROBOT_FIELD),
    ):
        response = logged_client.post(url, data | extra)

        html = response.content.decode()
        assert response.status_code == 422 and message in html
        assert 'value="Des bancs à l&#x27;ombre"' in html and "Pour se reposer entre le marché" in html
    first_try = stamp_in(logged_client.post(url, data | {"affiche_le": shown(1)}).content.decode())
    assert (
        signing.loads(first_try, salt=SHOWN_AT_SALT) < time.time() - 0.5
    )  # the wait counts from the first display

    response = logged_client.post(url, data | {"affiche_le": shown(5)})

    assert response.status_code == 302 and Proposal.objects.count() == 1


def test_a_comment_sent_too_fast_is_refused_in_place_and_kept(
    logged_client: Client, proposals_process: Process
) -> None:
    proposal = ProposalFactory(process=proposals_process)
    url = reverse("proposals:comment", args=[proposal.pk])
    data = {"body": "Bonne idée, et une troisième près de l'aire de jeux ?", "affiche_le": shown(1)}

    with_htmx = logged_client.post(url, data, headers={"HX-Request": "true"})
    without = logged_client.post(url, data)

    for response in (with_htmx, without):
        html = response.content.decode()
        assert (
            response.status_code == 422 and TOO_FAST in html and "une troisième près de l&#x27;aire" in html
        )
    assert with_htmx["HX-Retarget"] == "#formulaire-commentaire"
    assert not Comment.objects.exists()
    assert logged_client.post(url, data | {"affiche_le": shown(5)}).status_code == 302
    assert Comment.objects.count() == 1


def test_a_reply_by_a_robot_is_refused(logged_client: Client, proposals_process: Process) -> None:
    proposal = ProposalFactory(process=proposals_process)
    parent = CommentFactory(proposal=proposal)
    url = reverse("proposals:comment", args=[proposal.pk])

    response = logged_client.post(
        url, {"body": "Tout à fait.", "parent": parent.pk, "affiche_le": shown(9), "site_web": "oui"}
    )

    assert response.status_code == 422 and ROBOT_FIELD in response.content.decode()
    assert Comment.objects.count() == 1


def test_each_reply_form_carries_the_checks_with_its_own_ids(
    logged_client: Client, proposals_process: Process
) -> None:
    proposal = ProposalFactory(process=proposals_process)
    first, second = CommentFactory(proposal=proposal), CommentFactory(proposal=proposal)

    html = logged_client.get(proposal.get_absolute_url()).content.decode()

    ids = re.findall(r'<input type="text" name="site_web"[^>]*id="([^"]+)"', html)
    assert f"id_site_web{first.pk}" in ids and f"id_site_web{second.pk}" in ids
    assert len(ids) == len(set(ids)) == 3  # the comment form and one per reply form
