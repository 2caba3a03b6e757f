"""People and moderation in a real browser, with and without JavaScript, checked by axe on every page.

An agent invites a moderator for one process from the back-office; the invitee opens the link of the e-mail,
creates an account and accepts; as moderator of that process, they hide a comment with a reason, then restore it.
"""

import re

import pytest
from django.core import mail
from playwright.sync_api import Page, expect

from bouquet.accounts.models import Role, User
from bouquet.proposals.models import Comment, Moderation
from bouquet.roles.models import RoleGrant
from tests.e2e.accessibility import AxeChecker
from tests.factories import CommentFactory, ProcessFactory, ProposalFactory, UserFactory

BOTH_WAYS = pytest.mark.parametrize("js_enabled", [True, False], ids=["with-js", "without-js"])
INVITEE = "sacha.modo@exemple.fr"
LINK = re.compile(r"https?://\S+/invitation/\S+/")


@BOTH_WAYS
def test_an_agent_invites_a_moderator_who_hides_then_restores_a_comment(
    page: Page, axe: AxeChecker, js_enabled: bool, log_in, mailoutbox: list
) -> None:
    process = ProcessFactory(title="Les berges de la Loirette")
    ProcessFactory(title="Une autre démarche")
    proposal = ProposalFactory(process=process, title="Un ponton pour les pêcheurs")
    comment = CommentFactory(proposal=proposal, body="Un commentaire hors sujet et blessant")
    log_in(UserFactory(agent=True, display_name="Agnès"))

    # The agent invites a moderator for this process.
    page.goto("/gestion/personnes/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Personnes et rôles")
    axe(page, "personnes et rôles")
    page.get_by_role("link", name="Inviter une personne").click()
    axe(page, "inviter")
    page.get_by_label("Adresse e-mail de la personne").fill(INVITEE)
    page.get_by_label(re.compile(r"^Rôle")).select_option(label="Modérateur·rice")
    page.get_by_label("Une démarche", exact=True).check()
    page.get_by_label(re.compile(r"^Démarche \(si")).select_option(label="Les berges de la Loirette")
    page.get_by_role("button", name="Envoyer l'invitation").click()
    expect(page.get_by_text("L'invitation est envoyée par e-mail.")).to_be_visible()
    expect(page.get_by_role("cell", name="Démarche « Les berges de la Loirette »")).to_be_visible()
    axe(page, "invitation envoyée")

    # The invitee opens the link of the e-mail, in a browser of their own (no session).
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [INVITEE]
    found = LINK.search(str(mail.outbox[0].body))
    assert found is not None
    page.context.clear_cookies()
    page.goto(found.group(0))
    expect(page.get_by_text("Modérateur·rice de la démarche « Les berges de la Loirette »")).to_be_visible()
    axe(page, "page d'invitation")
    page.get_by_label("Nom affiché").fill("Sacha")
    page.get_by_label(re.compile(r"^Mot de passe")).fill("Berges-et-pontons-2026")
    page.get_by_label("Le même mot de passe, encore une fois").fill("Berges-et-pontons-2026")
    page.get_by_role("button", name="Créer mon compte et accepter").click()
    expect(page.get_by_text("Votre compte est créé")).to_be_visible()
    sacha = User.objects.get(email=INVITEE)
    assert sacha.role == Role.INHABITANT
    assert RoleGrant.objects.filter(person=sacha, process=process, role=Role.MODERATOR).exists()

    # The new moderator hides the comment from the proposal's page, with a reason.
    page.goto(proposal.get_absolute_url())
    box = page.locator(f"#commentaire-{comment.pk}")
    box.get_by_text("Modérer").click()
    box.get_by_label("Motif de la décision (l'auteur le lira)").fill("Propos blessants envers un voisin")
    axe(page, "proposition, modération ouverte")
    box.get_by_role("button", name="Masquer").click()
    expect(page.get_by_text("Le contenu est masqué ; son auteur voit le motif.")).to_be_visible()
    assert Comment.objects.get(pk=comment.pk).moderation == Moderation.HIDDEN

    # The queue lists the decision; then the moderator restores the comment.
    page.goto("/moderation/")
    expect(page.get_by_role("cell", name="Propos blessants envers un voisin")).to_be_visible()
    axe(page, "file de modération")
    page.goto(proposal.get_absolute_url())
    box = page.locator(f"#commentaire-{comment.pk}")
    expect(box.get_by_text("Motif, le")).to_be_visible()
    box.get_by_text("Rétablir").first.click()
    box.get_by_label("Motif de la décision (l'auteur le lira)").fill("Reformulé après échange avec l'auteur")
    box.get_by_role("button", name="Rétablir").click()
    expect(page.get_by_text("Le contenu est rétabli.")).to_be_visible()
    assert Comment.objects.get(pk=comment.pk).moderation == Moderation.PUBLISHED
    axe(page, "commentaire rétabli")
