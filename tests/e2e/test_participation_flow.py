"""The participation loop in a real browser, with and without JavaScript, checked by axe on every page.

Sign up (code sent by e-mail), open a process, propose (once with an error), support once the supports
phase runs, comment, report, log out and back in. Smaller tests pin down behaviours axe cannot see.
"""

import datetime as dt
import re

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import Page, expect

from bouquet.accounts.models import User
from bouquet.processes.models import Phase, PhaseKind
from bouquet.processes.services import reschedule_phase
from bouquet.proposals.models import Comment, Proposal, Report, Support
from tests.e2e.accessibility import AxeChecker
from tests.factories import DistrictFactory, ProcessFactory, ProposalFactory, UserFactory

BOTH_WAYS = pytest.mark.parametrize("js_enabled", [True, False], ids=["with-js", "without-js"])

EMAIL = "camille.martin@exemple.fr"
PASSWORD = "Tilleuls-et-platanes-2026"
PASSWORD_LABEL = re.compile(r"^Mot de passe\W*$")  # not « Mot de passe (confirmation) »
TITLE = "Des fontaines à eau sur la place du marché"
BODY = "Installer deux fontaines d'eau potable près des bancs, pour les familles et les personnes âgées."
COMMENT = "Bonne idée, et une troisième près de l'aire de jeux ?"
REASON = "Ce texte donne le nom et l'adresse d'un voisin."
CODE_LINE = re.compile(r"^\s*([A-Z0-9]{3,}(?:-[A-Z0-9]{3,})*)\s*$", re.MULTILINE)
SUPPORTS_CLOSED = "Les soutiens ne sont pas ouverts pendant cette phase."


def _code_from(message: mail.EmailMessage) -> str:
    found = CODE_LINE.findall(str(message.body))
    assert len(found) == 1, f"no single verification code in the e-mail:\n{message.body}"
    return found[0]


def _mark_document(page: Page) -> None:
    """Tag the document and the support box: a page load loses both, an htmx swap of the box's children neither."""
    page.evaluate(
        "() => { window.__sameDocument = true; document.getElementById('soutien').dataset.kept = '1'; }"
    )


def _same_document(page: Page) -> bool:
    return bool(page.evaluate("() => window.__sameDocument === true"))


@BOTH_WAYS
def test_participation_flow(page: Page, axe: AxeChecker, js_enabled: bool, mailoutbox: list) -> None:
    today = timezone.localdate()
    district = DistrictFactory(name="Centre-ville")
    process = ProcessFactory(title="Un été plus frais", current_phase=PhaseKind.PROPOSALS)
    proposals_phase = process.phases.get(kind=PhaseKind.PROPOSALS)
    supports_phase = Phase.objects.create(
        process=process,
        kind=PhaseKind.SUPPORTS,
        starts_on=proposals_phase.ends_on + dt.timedelta(days=1),
        ends_on=proposals_phase.ends_on + dt.timedelta(days=30),
    )
    neighbour = ProposalFactory(
        process=process, district=district, title="Des bancs à l'ombre des tilleuls", located=True
    )

    # Home page, then sign up.
    page.goto("/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Participez aux projets de Val-de-Loirette")
    axe(page, "accueil")
    page.get_by_role("link", name="Créer un compte").first.click()
    expect(page).to_have_url(re.compile(r"/compte/signup/$"))
    expect(page).to_have_title(re.compile(r"^Inscription · "))
    expect(page.get_by_label(PASSWORD_LABEL)).to_have_accessible_description(
        re.compile("au minimum 10 caractères")
    )
    axe(page, "inscription")
    page.get_by_label("Courriel").fill(EMAIL)
    page.get_by_label(PASSWORD_LABEL).fill(PASSWORD)
    page.get_by_label("Mot de passe (confirmation)").fill(PASSWORD)
    page.get_by_role("button", name="Création de compte").click()

    # The code sent by e-mail.
    expect(page).to_have_url(re.compile(r"/compte/confirm-email/$"))
    expect(page).to_have_title(re.compile(r"^Saisissez le code"))
    axe(page, "saisie du code")
    assert len(mailoutbox) == 1 and mailoutbox[0].to == [EMAIL]
    page.get_by_label("Code").fill(_code_from(mailoutbox[0]))
    page.get_by_role("button", name="Confirmer").click()
    expect(page.get_by_role("button", name="Se déconnecter")).to_be_visible()
    user = User.objects.get(email=EMAIL)
    assert user.emailaddress_set.get().verified

    # The process, its proposals as a list and on the map.
    page.goto("/")
    page.get_by_role("link", name=process.title).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(process.title)
    axe(page, "page de la démarche")
    page.get_by_role("link", name="Voir la proposition").click()
    expect(page.get_by_role("link", name=neighbour.title)).to_be_visible()
    axe(page, "liste des propositions")
    page.get_by_role("link", name="Afficher la carte").click()
    expect(page).to_have_url(re.compile(r"[?&]vue=carte"))
    if js_enabled:
        expect(page.locator("#carte path.leaflet-interactive")).to_have_count(1)  # the located proposal
        expect(page.get_by_role("button", name="Zoom avant")).to_be_visible()
    axe(page, "liste avec la carte")

    # Propose: first with a description too short, then right.
    page.get_by_role("link", name="Déposer une proposition").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Déposer une proposition")
    if js_enabled:
        expect(page.get_by_role("region", name="Carte pour placer la proposition")).to_be_visible()
    axe(page, "formulaire de dépôt")
    page.get_by_label("Titre").fill(TITLE)
    page.get_by_label("Description").fill("Trop bref")
    page.get_by_label("Quartier").select_option(label=district.name)
    page.get_by_role("button", name="Publier ma proposition").click()
    expect(page.get_by_role("alert")).to_contain_text("Le formulaire contient des erreurs")
    body_field = page.locator(".field", has=page.locator("#id_body"))
    expect(body_field.locator(".error")).to_have_text(
        re.compile(r"Écrivez au moins 10 caractères \(vous en avez écrit 9\)")
    )
    expect(page.get_by_label("Description")).to_have_attribute("aria-invalid", "true")
    expect(page.get_by_label("Description")).to_have_value("Trop bref")
    expect(page.get_by_label("Titre")).to_have_value(TITLE)
    expect(page.get_by_label("Quartier")).to_have_value(str(district.pk))
    axe(page, "formulaire de dépôt avec erreurs")
    assert not Proposal.objects.filter(title=TITLE).exists()
    page.get_by_label("Description").fill(BODY)
    page.get_by_role("button", name="Publier ma proposition").click()
    expect(page.locator(".messages")).to_contain_text("Merci ! Votre proposition est publiée.")
    proposal = Proposal.objects.get(title=TITLE)
    assert (proposal.author, proposal.district, proposal.body) == (user, district, BODY)
    expect(page).to_have_url(re.compile(rf"/propositions/{proposal.pk}/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(page.locator("#soutien")).to_contain_text("Les soutiens ne sont pas ouverts pendant cette étape.")
    axe(page, "fiche de la proposition")

    # The agent moves the calendar: the proposals phase ended yesterday, the supports phase runs today.
    yesterday = today - dt.timedelta(days=1)
    reschedule_phase(phase=proposals_phase, starts_on=today - dt.timedelta(days=30), ends_on=yesterday)
    reschedule_phase(phase=supports_phase, starts_on=today, ends_on=today + dt.timedelta(days=30))
    page.reload()

    # Support it.
    support_box = page.locator("#soutien")
    expect(support_box.locator(".support-count")).to_have_text("Aucun soutien pour l'instant")
    if js_enabled:
        _mark_document(page)
    support_box.get_by_role("button", name="Soutenir cette proposition").click()
    # With htmx the note comes in the box; without, in the messages of the page redirected to.
    expect(support_box if js_enabled else page.locator(".messages")).to_contain_text(
        "Merci, votre soutien est enregistré."
    )
    expect(support_box.locator(".support-count strong")).to_have_text("1")
    expect(support_box.get_by_role("button", name="Retirer mon soutien")).to_be_visible()
    if js_enabled:
        assert _same_document(page), "htmx should swap the support box in place, not load a new page"
        expect(support_box).to_have_attribute("data-kept", "1")  # the live region stayed, so it is read out
        expect(support_box.get_by_role("button", name="Retirer mon soutien")).to_be_focused()
    assert Support.objects.filter(proposal=proposal, citizen=user).count() == 1
    axe(page, "fiche après le soutien")

    # Comment on it.
    page.get_by_label("Votre commentaire").fill(COMMENT)
    page.get_by_role("button", name="Publier le commentaire").click()
    thread = page.locator("#fil")
    expect(thread.locator(".comment").filter(has_text=COMMENT)).to_have_count(1)
    comment = Comment.objects.get(proposal=proposal)
    assert (comment.author, comment.body) == (user, COMMENT)
    if js_enabled:
        assert _same_document(page), "htmx should append the comment in place"
        expect(thread.get_by_role("status")).to_have_text("Votre commentaire est publié.")
        expect(page.get_by_label("Votre commentaire")).to_have_value("")
    else:
        expect(page).to_have_url(re.compile(rf"/propositions/{proposal.pk}/#commentaire-{comment.pk}$"))
        expect(page.locator(".messages")).to_contain_text("Votre commentaire est publié.")
    axe(page, "fiche après le commentaire")

    # Report the neighbour's proposal: once without a reason, then with one.
    page.get_by_role("navigation", name="Fil d’Ariane").get_by_role("link", name="Propositions").click()
    page.get_by_role("link", name=neighbour.title).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(neighbour.title)
    page.get_by_role("link", name="Signaler cette proposition").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Signaler un contenu")
    axe(page, "formulaire de signalement")
    page.get_by_role("button", name="Envoyer le signalement").click()
    reason = page.get_by_label("Pourquoi ce contenu pose-t-il problème ?")
    expect(page.locator(".field", has=reason).locator(".error")).to_have_text(
        re.compile("Ce champ est obligatoire")
    )
    axe(page, "formulaire de signalement avec erreurs")
    reason.fill(REASON)
    page.get_by_role("button", name="Envoyer le signalement").click()
    expect(page.locator(".messages")).to_contain_text(
        "Merci, votre signalement est transmis à la modération."
    )
    expect(page).to_have_url(re.compile(rf"/propositions/{neighbour.pk}/$"))
    assert Report.objects.get(reporter=user).proposal == neighbour

    # Log out, and back in with the password.
    page.get_by_role("button", name="Se déconnecter").click()
    expect(page.get_by_role("link", name="Se connecter")).to_be_visible()
    expect(page.get_by_role("button", name="Se déconnecter")).to_have_count(0)
    page.get_by_role("link", name="Se connecter").click()
    expect(page).to_have_url(re.compile(r"/compte/login/$"))
    expect(page).to_have_title(re.compile(r"^Connexion · "))
    axe(page, "connexion")
    page.get_by_label("Courriel").fill(EMAIL)
    page.get_by_label(PASSWORD_LABEL).fill(PASSWORD)
    page.get_by_role("button", name="Connexion").click()
    expect(page.get_by_role("button", name="Se déconnecter")).to_be_visible()

    assert len(axe.checked) == 14, axe.checked


@BOTH_WAYS
def test_support_refused_once_the_phase_is_over(page: Page, log_in, js_enabled: bool) -> None:
    """The page was opened while supports ran; the phase ends before the click: the reason is shown."""
    process = ProcessFactory(current_phase=PhaseKind.SUPPORTS)
    proposal = ProposalFactory(process=process)
    log_in(UserFactory())
    page.goto(proposal.get_absolute_url())
    support_box = page.locator("#soutien")
    button = support_box.get_by_role("button", name="Soutenir cette proposition")
    expect(button).to_be_visible()

    phase = process.phases.get(kind=PhaseKind.SUPPORTS)
    reschedule_phase(
        phase=phase, starts_on=phase.starts_on, ends_on=timezone.localdate() - dt.timedelta(days=1)
    )
    button.click()

    # htmx gets a 403 with the box: it must show it rather than silently drop it.
    expect(support_box if js_enabled else page.locator(".messages")).to_contain_text(SUPPORTS_CLOSED)
    expect(support_box).to_contain_text("Les soutiens ne sont pas ouverts pendant cette étape.")
    expect(support_box.locator(".support-count")).to_have_text("Aucun soutien pour l'instant")
    assert not Support.objects.exists()


def _contrast(first: str, second: str) -> float:
    """WCAG contrast ratio of two CSS ``rgb()``/``rgba()`` colours (alpha ignored)."""

    def luminance(colour: str) -> float:
        channels = [int(c) / 255 for c in re.findall(r"[\d.]+", colour)[:3]]
        r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_keyboard_focus_is_visible_on_the_header(page: Page) -> None:
    """WCAG 2.4.7 and 1.4.11, which axe does not check: the focus ring stands out from the coloured header."""
    page.goto("/")
    header_colour = page.locator(".site-header").evaluate("e => getComputedStyle(e).backgroundColor")
    seen = []
    for _ in range(12):
        page.keyboard.press("Tab")
        focused = page.evaluate(
            """() => {
                const e = document.activeElement, s = getComputedStyle(e);
                return {name: (e.innerText || e.getAttribute('aria-label') || e.name || e.tagName).trim(),
                        inHeader: !!e.closest('.site-header') || e.classList.contains('skip-link'),
                        style: s.outlineStyle, width: parseFloat(s.outlineWidth), colour: s.outlineColor};
            }"""
        )
        if not focused["inHeader"]:
            break
        seen.append(focused["name"])
        assert focused["style"] != "none" and focused["width"] >= 2, focused
        ratio = _contrast(focused["colour"], header_colour)
        assert ratio >= 3, f"focus ring of « {focused['name']} »: contrast {ratio:.2f}:1 with the header"
    assert {"Aller au contenu", "Démarches", "Se connecter", "Changer"} <= set(seen), seen


def test_comment_error_is_shown_with_htmx(page: Page, log_in) -> None:
    proposal = ProposalFactory(process=ProcessFactory(current_phase=PhaseKind.PROPOSALS))
    log_in(UserFactory())
    page.goto(proposal.get_absolute_url())
    page.get_by_label("Votre commentaire").fill("a")
    page.get_by_role("button", name="Publier le commentaire").click()
    expect(page.locator(".comments")).to_contain_text("Écrivez au moins 2 caractères", timeout=2_000)


def test_two_comments_in_a_row_with_htmx_are_two_comments(page: Page, log_in) -> None:
    # Each posted form gets a fresh submission key (out of band), so the second comment is not taken for a
    # double post of the first.
    proposal = ProposalFactory(process=ProcessFactory(current_phase=PhaseKind.PROPOSALS))
    log_in(UserFactory())
    page.goto(proposal.get_absolute_url())
    for text in ("Premier avis sur le projet.", "Second avis, après réflexion."):
        page.get_by_label("Votre commentaire").fill(text)
        page.get_by_role("button", name="Publier le commentaire").click()
        expect(page.locator("#fil .comment").filter(has_text=text)).to_have_count(1)
    assert Comment.objects.filter(proposal=proposal).count() == 2


def test_service_error_is_in_the_field_description(page: Page, log_in) -> None:
    process = ProcessFactory(current_phase=PhaseKind.PROPOSALS)
    log_in(UserFactory())
    page.goto(f"/demarches/{process.slug}/propositions/nouvelle/")
    page.get_by_label("Titre").fill(TITLE)
    page.get_by_label("Description").fill("Trop bref")
    page.get_by_role("button", name="Publier ma proposition").click()
    expect(page.get_by_role("alert")).to_be_visible()
    expect(page.get_by_label("Description")).to_have_accessible_description(
        re.compile("Écrivez au moins 10 caractères"), timeout=1_000
    )
