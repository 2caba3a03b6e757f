"""Sign-in with FranceConnect (or ProConnect) against the fake provider the tests start: the account it creates,
the identity it passes on to the verification, what is not kept, and the refusals a person may meet."""

import datetime as dt
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
import requests
from allauth.socialaccount.models import SocialAccount
from django.http import HttpResponse
from django.test import Client
from django.urls import reverse

from bouquet.accounts import verification
from bouquet.accounts.models import User, Verification, VerificationMethod
from bouquet.core.errors import Conflict
from bouquet.privacy.services import erase_account
from bouquet.www.accounts.identity_providers import confirmed_identity
from config.settings.base import identity_provider
from tests.oidc_provider import FakeProvider, inhabitant

pytestmark = pytest.mark.django_db


def login_url(provider_id: str = "franceconnect") -> str:
    return reverse("openid_connect_login", kwargs={"provider_id": provider_id})


class Verifications:
    """Stands in for accounts.verification.verify_with_provider: records each call, refuses when told to."""

    def __init__(self) -> None:
        self.calls: list[dict[str, Any]] = []
        self.refusal: Conflict | None = None

    def __call__(self, **kwargs: Any) -> None:
        self.calls.append(kwargs)
        if self.refusal is not None:
            raise self.refusal


@pytest.fixture
def verifications(monkeypatch: pytest.MonkeyPatch) -> Verifications:
    recorder = Verifications()
    monkeypatch.setattr(verification, "verify_with_provider", recorder)
    return recorder


def sign_in(
    client: Client, provider: FakeProvider, *, next_url: str = "", provider_id: str = "franceconnect"
) -> HttpResponse:
    """Press « Se connecter avec FranceConnect », let the provider answer, and come back to the site."""
    leaving = client.post(login_url(provider_id), {"next": next_url} if next_url else {})
    assert leaving.status_code == 302 and leaving["Location"].startswith(f"{provider.url}/authorize?")
    answer = requests.get(leaving["Location"], allow_redirects=False, timeout=5)
    assert answer.status_code == 302
    back = urlsplit(answer.headers["Location"])
    return client.get(f"{back.path}?{back.query}")


def signed_in(client: Client) -> User | None:
    user_id = client.session.get("_auth_user_id")
    return User.objects.get(pk=user_id) if user_id else None


def test_the_buttons_show_only_when_a_provider_is_configured(client: Client, settings: Any) -> None:
    settings.SOCIALACCOUNT_PROVIDERS = {"openid_connect": {"APPS": []}}
    assert "Se connecter avec" not in client.get(reverse("account_login")).content.decode()


def test_the_sign_in_and_sign_up_pages_offer_franceconnect(
    client: Client, oidc_provider: FakeProvider
) -> None:
    for page in ("account_login", "account_signup"):
        html = client.get(reverse(page)).content.decode()
        assert f'action="{login_url()}?process=login"' in html
        assert ">Se connecter avec FranceConnect</button>" in html
        assert "<img" not in html.split("fournisseurs-identite")[1]  # our own button, no third-party image


def test_a_new_person_gets_an_account_in_their_name_and_is_verified(
    client: Client, oidc_provider: FakeProvider, verifications: Verifications
) -> None:
    response = sign_in(client, oidc_provider, next_url="/demarches/")

    person = signed_in(client)
    assert person is not None and response.status_code == 302 and response["Location"] == "/demarches/"
    assert person.email == "camille.martin@exemple.fr"
    assert person.display_name == "Camille M."  # their first given name; the family name stays private
    assert not person.has_usable_password()
    assert person.emailaddress_set.get().verified
    assert verifications.calls == [
        {
            "user": person,
            "provider": "franceconnect",
            "given_name": "Camille Louise",
            "family_name": "Martin",
            "birthdate": dt.date(1984, 7, 14),
            "address": "12 rue des Tilleuls 45000 Val-de-Loirette",
        }
    ]
    asked = oidc_provider.asked[0]
    assert set(asked["scope"].split()) == {
        "openid",
        "given_name",
        "family_name",
        "birthdate",
        "email",
        "address",
    }
    assert asked["code_challenge_method"] == "S256"
    # Only the link to the provider is kept: the identity went to the verification.
    link = SocialAccount.objects.get(user=person)
    assert (link.provider, link.uid, link.extra_data) == ("franceconnect", oidc_provider.person["sub"], {})


def test_a_returning_person_signs_in_to_the_same_account_verified_again(
    client: Client, oidc_provider: FakeProvider, verifications: Verifications
) -> None:
    sign_in(client, oidc_provider)
    client.logout()
    oidc_provider.person["family_name"] = "Martin-Durand"  # the provider's records changed meanwhile

    sign_in(client, oidc_provider)

    person = signed_in(client)
    assert person is not None and User.objects.count() == 1
    assert [call["family_name"] for call in verifications.calls] == ["Martin", "Martin-Durand"]
    assert SocialAccount.objects.get().extra_data == {}


def test_proconnect_s_usual_name_is_the_family_name(
    client: Client, oidc_provider: FakeProvider, verifications: Verifications, settings: Any
) -> None:
    app = oidc_provider.settings_app("proconnect", "ProConnect")
    app["settings"]["scope"] = ["openid", "given_name", "usual_name", "email"]
    settings.SOCIALACCOUNT_PROVIDERS = {"openid_connect": {"APPS": [app]}}
    oidc_provider.person = {k: v for k, v in inhabitant(usual_name="Lefèvre").items() if k != "family_name"}

    sign_in(client, oidc_provider, provider_id="proconnect")

    call = verifications.calls[0]
    assert (call["provider"], call["family_name"], call["birthdate"], call["address"]) == (
        "proconnect",
        "Lefèvre",
        None,
        "",
    )


@pytest.mark.parametrize(
    ("claims", "birthdate", "address"),
    [
        ({"birthdate": "1990-00-00"}, None, ""),  # a partial date confirms no date
        (
            {"birthdate": "2001-02-03", "address": "1 place de la Mairie"},
            dt.date(2001, 2, 3),
            "1 place de la Mairie",
        ),
        (
            {"address": {"street_address": "3 rue Basse", "postal_code": "45000", "locality": "Val"}},
            None,
            "3 rue Basse 45000 Val",
        ),
    ],
)
def test_the_identity_is_read_from_the_provider_s_claims(
    claims: dict[str, Any], birthdate: dt.date | None, address: str
) -> None:
    account = SocialAccount(provider="franceconnect", extra_data={"userinfo": {"given_name": "Léa"} | claims})

    identity = confirmed_identity(account)

    assert (identity.given_name, identity.birthdate, identity.address) == ("Léa", birthdate, address)
    assert identity.public_name == "Léa"


def test_the_identity_verifies_the_new_account(client: Client, oidc_provider: FakeProvider) -> None:
    sign_in(client, oidc_provider)

    person = signed_in(client)
    assert person is not None
    verified = Verification.objects.get(user=person)
    assert (verified.method, verified.provider, verified.birthdate) == (
        VerificationMethod.PROVIDER,
        "franceconnect",
        dt.date(1984, 7, 14),
    )


def test_a_second_account_with_the_same_identity_is_refused_and_nothing_is_saved(
    client: Client, oidc_provider: FakeProvider
) -> None:
    sign_in(client, oidc_provider)
    first = signed_in(client)
    client.logout()
    # The same person through another provider account: another subject, another e-mail address.
    oidc_provider.person = inhabitant(
        email="c.martin@ailleurs.fr", given_name="CAMILLE", family_name="martin"
    )

    response = sign_in(client, oidc_provider)

    assert response.status_code == 409
    html = response.content.decode()
    assert "Cette identité est déjà vérifiée sur un autre compte." in html
    assert reverse("account_login") in html  # a way back
    assert signed_in(client) is None
    assert list(User.objects.all()) == [first]
    assert SocialAccount.objects.get().user == first


def test_a_returning_person_whose_verification_conflicts_is_not_signed_in(
    client: Client, oidc_provider: FakeProvider, verifications: Verifications
) -> None:
    sign_in(client, oidc_provider)
    client.logout()
    verifications.refusal = Conflict("Cette identité est déjà vérifiée sur un autre compte.")

    response = sign_in(client, oidc_provider)

    assert response.status_code == 409 and signed_in(client) is None


def test_an_identity_without_birth_date_signs_in_unverified_and_says_so(
    client: Client, oidc_provider: FakeProvider, settings: Any
) -> None:
    app = oidc_provider.settings_app("proconnect", "ProConnect")
    app["settings"]["scope"] = ["openid", "given_name", "usual_name", "email"]
    settings.SOCIALACCOUNT_PROVIDERS = {"openid_connect": {"APPS": [app]}}

    response = sign_in(client, oidc_provider, provider_id="proconnect")

    person = signed_in(client)
    assert person is not None and not Verification.objects.filter(user=person).exists()
    page = client.get(response["Location"]).content.decode()
    assert "ProConnect n&#x27;a pas transmis de quoi vérifier votre identité" in page


def test_denied_consent_says_so_in_french(client: Client, oidc_provider: FakeProvider) -> None:
    oidc_provider.answer = "deny"

    response = sign_in(client, oidc_provider)

    assert response.status_code == 302
    page = client.get(response["Location"])
    assert "Connexion annulée" in page.content.decode()
    assert "rien n’a été enregistré" in page.content.decode()
    assert signed_in(client) is None and not User.objects.exists()


def test_an_answer_to_no_request_of_this_browser_is_refused(
    client: Client, oidc_provider: FakeProvider
) -> None:
    oidc_provider.answer = "wrong_state"

    response = sign_in(client, oidc_provider)

    assert response.status_code == 401
    html = response.content.decode()
    assert "La connexion avec FranceConnect n’a pas abouti" in html
    assert "ne correspond à aucune demande de connexion faite depuis votre navigateur" in html
    assert signed_in(client) is None and not User.objects.exists()


def test_a_provider_that_fails_gets_a_french_message(client: Client, oidc_provider: FakeProvider) -> None:
    leaving = client.post(login_url())
    state = parse_qs(urlsplit(leaving["Location"]).query)["state"][0]
    callback = reverse("openid_connect_callback", kwargs={"provider_id": "franceconnect"})

    response = client.get(callback, {"code": "un-code-inconnu", "state": state})

    assert response.status_code == 401
    assert "FranceConnect n’a pas pu confirmer votre identité" in response.content.decode()
    assert signed_in(client) is None


def test_erasing_the_account_forgets_the_link_to_the_provider(
    client: Client, oidc_provider: FakeProvider, verifications: Verifications
) -> None:
    sign_in(client, oidc_provider)
    person = signed_in(client)
    assert person is not None

    erase_account(person=person, confirmation=person.email)

    assert not SocialAccount.objects.exists()


def test_a_provider_is_offered_only_when_its_three_variables_are_set(monkeypatch: pytest.MonkeyPatch) -> None:
    for key, value in (
        ("CLIENT_ID", "bouquet"),
        ("SECRET", "s3cret"),
        ("SERVER_URL", "https://fc.example.gouv.fr"),
    ):
        monkeypatch.setenv(f"FRANCECONNECT_{key}", value)
    monkeypatch.setenv("FRANCECONNECT_SCOPE", "openid given_name family_name birthdate email address")

    (app,) = identity_provider(
        "FRANCECONNECT", "FranceConnect", scope="openid", auth_params={"acr_values": "eidas1"}
    )

    assert (app["provider_id"], app["name"], app["client_id"], app["secret"]) == (
        "franceconnect",
        "FranceConnect",
        "bouquet",
        "s3cret",
    )
    assert app["settings"]["server_url"] == "https://fc.example.gouv.fr"
    assert app["settings"]["scope"] == [
        "openid",
        "given_name",
        "family_name",
        "birthdate",
        "email",
        "address",
    ]
    assert app["settings"]["auth_params"] == {"acr_values": "eidas1"}
    monkeypatch.setenv("FRANCECONNECT_SECRET", " ")
    assert identity_provider("FRANCECONNECT", "FranceConnect", scope="openid") == []


# ---- what FranceConnect v2 asks of a client: a nonce checked in the ID token, and a signed userinfo ------------


def test_each_sign_in_sends_a_fresh_nonce(client: Client, oidc_provider: FakeProvider) -> None:
    sign_in(client, oidc_provider)
    client.logout()
    sign_in(client, oidc_provider)

    nonces = [asked.get("nonce", "") for asked in oidc_provider.asked]
    assert len(nonces) == 2 and all(len(nonce) >= 32 for nonce in nonces)
    assert nonces[0] != nonces[1]


def test_an_id_token_with_another_nonce_is_refused_and_nothing_is_saved(
    client: Client, oidc_provider: FakeProvider
) -> None:
    oidc_provider.answer = "wrong_nonce"

    response = sign_in(client, oidc_provider)

    html = response.content.decode()
    assert response.status_code == 400
    assert "ne correspond pas à cette connexion" in html
    assert signed_in(client) is None
    assert not User.objects.exists() and not SocialAccount.objects.exists()


def test_a_signed_userinfo_is_read_and_verifies_the_person(
    client: Client, oidc_provider: FakeProvider, verifications: Verifications
) -> None:
    oidc_provider.signed_userinfo = True

    sign_in(client, oidc_provider)

    person = signed_in(client)
    assert person is not None and person.email == "camille.martin@exemple.fr"
    assert verifications.calls[0]["birthdate"] == dt.date(1984, 7, 14)


def test_a_userinfo_signed_by_another_key_is_refused(client: Client, oidc_provider: FakeProvider) -> None:
    oidc_provider.signed_userinfo = True
    genuine = oidc_provider.key
    forger = FakeProvider().key

    def forged(authorization: str) -> tuple[int, dict[str, str], bytes]:
        oidc_provider.key = forger
        try:
            return FakeProvider.userinfo(oidc_provider, authorization)
        finally:
            oidc_provider.key = genuine

    oidc_provider.userinfo = forged  # type: ignore[method-assign]

    response = sign_in(client, oidc_provider)

    assert signed_in(client) is None and not User.objects.exists()
    assert "La connexion avec FranceConnect n’a pas abouti" in response.content.decode()
