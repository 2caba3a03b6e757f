"""Sign-in with FranceConnect in a real browser, against the fake OpenID provider the tests start: a person
presses « Se connecter avec FranceConnect », the provider answers, and they are back, signed in, their account
created in their name and their identity verified; the refusals they may meet read in French."""

import datetime as dt
import re

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from bouquet.accounts.models import User, Verification, VerificationMethod
from bouquet.accounts.verification import verify_with_provider
from tests.e2e.accessibility import AxeChecker
from tests.factories import UserFactory
from tests.oidc_provider import FakeProvider

BOTH_WAYS = pytest.mark.parametrize("js_enabled", [True, False], ids=["with-js", "without-js"])
BUTTON = "Se connecter avec FranceConnect"


def _reach(context: BrowserContext, provider: FakeProvider) -> None:
    """Let the browser reach the fake provider (the test context refuses every other origin)."""
    context.route(re.compile("^" + re.escape(provider.url) + "/"), lambda route: route.continue_())


@BOTH_WAYS
def test_a_person_signs_in_with_franceconnect_and_is_verified(
    page: Page, context: BrowserContext, axe: AxeChecker, oidc_provider: FakeProvider
) -> None:
    _reach(context, oidc_provider)
    page.goto("/compte/login/")
    button = page.get_by_role("button", name=BUTTON)
    expect(button).to_be_visible()
    axe(page, "connexion avec FranceConnect")

    button.click()

    expect(page).to_have_url(re.compile(r"/$"))
    expect(page.get_by_role("link", name=re.compile(r"^Camille M\."))).to_be_visible()
    person = User.objects.get(email="camille.martin@exemple.fr")
    assert person.display_name == "Camille M."
    verified = Verification.objects.get(user=person)
    assert (verified.method, verified.birthdate) == (VerificationMethod.PROVIDER, dt.date(1984, 7, 14))


@BOTH_WAYS
def test_a_second_account_for_a_verified_person_is_refused(
    page: Page, context: BrowserContext, axe: AxeChecker, oidc_provider: FakeProvider
) -> None:
    first = UserFactory(email="camille@exemple.fr")
    verify_with_provider(
        user=first,
        provider="franceconnect",
        given_name="Camille",
        family_name="Martin",
        birthdate=dt.date(1984, 7, 14),
    )
    _reach(context, oidc_provider)
    page.goto("/compte/login/")

    page.get_by_role("button", name=BUTTON).click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Action refusée")
    expect(page.get_by_role("alert")).to_contain_text("Cette identité est déjà vérifiée sur un autre compte.")
    axe(page, "second compte refusé")
    expect(page.get_by_role("link", name="Se connecter")).to_be_visible()  # nobody is signed in
    assert list(User.objects.all()) == [first]


@pytest.mark.parametrize(
    ("answer", "heading", "explanation"),
    [
        ("deny", "Connexion annulée", "rien n’a été enregistré"),
        (
            "wrong_state",
            "La connexion avec FranceConnect n’a pas abouti",
            "Cette réponse ne correspond à aucune demande de connexion faite depuis votre navigateur",
        ),
    ],
    ids=["denied-consent", "state-mismatch"],
)
def test_a_provider_refusal_is_explained_in_french(
    page: Page,
    context: BrowserContext,
    axe: AxeChecker,
    oidc_provider: FakeProvider,
    answer: str,
    heading: str,
    explanation: str,
) -> None:
    oidc_provider.answer = answer  # type: ignore[assignment]
    _reach(context, oidc_provider)
    page.goto("/compte/login/")

    page.get_by_role("button", name=BUTTON).click()

    expect(page.get_by_role("heading", level=1)).to_have_text(heading)
    expect(page.locator("main")).to_contain_text(explanation)
    axe(page, heading)
    page.get_by_role("link", name="Revenir à la page de connexion").click()
    expect(page.get_by_role("button", name=BUTTON)).to_be_visible()
    assert not User.objects.exists()
