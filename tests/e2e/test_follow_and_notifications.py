"""Following a proposal and reading one's notifications in a real browser, with and without JavaScript, checked
by axe on every page."""

import re

import pytest
from allauth.account.models import EmailAddress
from playwright.sync_api import Page, expect

from bouquet.notifications.models import Follow, Notification, Preference
from bouquet.processes.models import PhaseKind
from bouquet.proposals.models import Status
from bouquet.proposals.services import answer_proposal
from tests.e2e.accessibility import AxeChecker
from tests.factories import ProcessFactory, ProposalFactory, UserFactory

BOTH_WAYS = pytest.mark.parametrize("js_enabled", [True, False], ids=["with-js", "without-js"])


@BOTH_WAYS
def test_an_inhabitant_follows_a_proposal_and_reads_the_answer_in_their_space(
    page: Page, axe: AxeChecker, js_enabled: bool, log_in, mailoutbox: list
) -> None:
    process = ProcessFactory(title="Les berges de la Loirette", current_phase=PhaseKind.SUPPORTS)
    proposal = ProposalFactory(process=process, title="Un ponton pour les pêcheurs")
    camille = UserFactory(display_name="Camille")
    EmailAddress.objects.create(user=camille, email=camille.email, verified=True, primary=True)
    log_in(camille)

    page.goto(proposal.get_absolute_url())
    follow = page.get_by_role("button", name="Suivre", exact=True)
    follow.click()
    expect(page.get_by_role("button", name=re.compile("^Suivi"))).to_be_visible()
    assert Follow.objects.filter(user=camille, object_id=proposal.pk).count() == 1
    axe(page, "proposition suivie")

    # The town hall answers: Camille is told, in her space and by e-mail.
    answer_proposal(
        agent=UserFactory(agent=True),
        proposal=proposal,
        status=Status.ACCEPTED,
        answer="Le ponton sera posé.",
    )
    assert [m.to for m in mailoutbox] == [[camille.email]]
    page.goto(process.get_absolute_url())
    page.get_by_role("link", name=re.compile(r"^Notifications 1")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mes notifications")
    expect(page.get_by_text("1 notification non lue.")).to_be_visible()
    expect(
        page.get_by_role("link", name=re.compile("La collectivité a répondu à « Un ponton"))
    ).to_be_visible()
    axe(page, "mes notifications")
    page.get_by_role("button", name=re.compile("^Marquer comme lue")).click()
    expect(page.get_by_text("Aucune notification non lue.")).to_be_visible()
    assert Notification.objects.get().read_at is not None

    # She asks for a weekly summary of answers instead of an e-mail each time.
    page.get_by_role("link", name="Choisir les e-mails que je reçois").click()
    axe(page, "mes e-mails")
    page.get_by_role("group", name="Réponse de la collectivité à une proposition").get_by_label(
        "Un résumé chaque semaine"
    ).check()
    page.get_by_role("button", name="Enregistrer").click()
    expect(page.get_by_text("Vos choix d'e-mails sont enregistrés.")).to_be_visible()
    assert Preference.objects.get(user=camille, kind="proposals.answered").frequency == "weekly"
