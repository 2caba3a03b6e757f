"""Sign-in through the State's identity providers, FranceConnect and ProConnect (allauth's OpenID Connect
provider, configured in ``config.settings.base.IDENTITY_PROVIDERS``).

The identity a provider confirms (names, birth date, address) verifies the person's account through
``accounts.verification.verify_with_provider``; when the identity already verifies another account, the sign-in
is refused and nothing is saved. The attributes themselves are not kept with the link to
the provider: allauth would store them whole in ``SocialAccount.extra_data``, this adapter empties it."""

import datetime as dt
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from allauth.core.exceptions import ImmediateHttpResponse
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from allauth.socialaccount.models import SocialAccount, SocialLogin
from allauth.socialaccount.providers.base import AuthProcess
from django.contrib import messages
from django.db import transaction
from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext_lazy

from bouquet.accounts import verification
from bouquet.accounts.models import User
from bouquet.core.errors import Conflict, DomainError
from bouquet.www.errors import refusal_page


@dataclass(frozen=True, slots=True)
class ConfirmedIdentity:
    """Who the provider says the person is."""

    provider: str
    given_name: str
    family_name: str
    birthdate: dt.date | None
    address: str

    @property
    def public_name(self) -> str:
        """The name shown beside their contributions: first given name and the family name's initial (the
        person may change it in their profile; their full legal name is never shown)."""
        first = self.given_name.split()[0] if self.given_name.strip() else ""
        initial = f"{self.family_name.strip()[0]}." if self.family_name.strip() else ""
        return f"{first} {initial}".strip()[:60]


def _birthdate(value: Any) -> dt.date | None:
    """An ISO date (``1984-07-14``); a partial or malformed one (``1984-00-00``) confirms no date."""
    try:
        return dt.date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def _address(value: Any) -> str:
    """OpenID Connect's address claim: an object whose ``formatted`` is the whole address, or its parts."""
    if isinstance(value, dict):
        if value.get("formatted"):
            return " ".join(str(value["formatted"]).split())
        parts = ("street_address", "postal_code", "locality", "country")
        return " ".join(" ".join(str(value[p]).split()) for p in parts if value.get(p))
    return " ".join(str(value or "").split())


def confirmed_identity(account: SocialAccount) -> ConfirmedIdentity:
    """The identity in what the provider answered (its userinfo answer over its ID token's claims).
    ProConnect names the family name ``usual_name``."""
    extra = account.extra_data or {}
    claims = {**(extra.get("id_token") or {}), **(extra.get("userinfo") or {})}
    return ConfirmedIdentity(
        provider=account.provider,
        given_name=str(claims.get("given_name") or "").strip(),
        family_name=str(claims.get("family_name") or claims.get("usual_name") or "").strip(),
        birthdate=_birthdate(claims.get("birthdate")),
        address=_address(claims.get("address")),
    )


class IdentityProviderAdapter(DefaultSocialAccountAdapter):
    """Verifies the person with what the provider confirmed, on every way in: a new account, a returning one,
    and a signed-in person linking a provider to their account."""

    def populate_user(self, request: HttpRequest, sociallogin: SocialLogin, data: dict[str, Any]) -> User:
        user: User = super().populate_user(request, sociallogin, data)
        user.display_name = confirmed_identity(sociallogin.account).public_name
        return user

    def pre_social_login(self, request: HttpRequest, sociallogin: SocialLogin) -> None:
        _check_nonce(request, sociallogin)
        if sociallogin.is_existing:
            person = sociallogin.user
        elif sociallogin.state.get("process") == AuthProcess.CONNECT and request.user.is_authenticated:
            person = request.user
        else:
            return  # a new account is verified as it is saved (save_user)
        identity = confirmed_identity(sociallogin.account)
        _forget_attributes(sociallogin.account)
        with _refused_as_a_page(request):
            _verify(request, person, identity, sociallogin.provider.name)

    def save_user(self, request: HttpRequest, sociallogin: SocialLogin, form: Any = None) -> User:
        identity = confirmed_identity(sociallogin.account)
        _forget_attributes(sociallogin.account)
        with _refused_as_a_page(request), transaction.atomic():
            person: User = super().save_user(request, sociallogin, form)
            _verify(request, person, identity, sociallogin.provider.name)
        return person


NOT_VERIFIED = gettext_lazy(
    "Vous êtes connecté, mais %(provider)s n'a pas transmis de quoi vérifier votre identité (nom, prénom et date "
    "de naissance) : certains votes la demandent. L'accueil de la mairie peut la vérifier sur présentation d'une "
    "pièce d'identité."
)


def _verify(request: HttpRequest, person: Any, identity: ConfirmedIdentity, provider_name: str) -> None:
    """The identity verifies the person. An identity that verifies another account (``Conflict``) refuses the
    sign-in (raised); one the provider gave incompletely (ProConnect sends no birth date) lets the person in,
    unverified and told so."""
    try:
        verification.verify_with_provider(
            user=person,
            provider=identity.provider,
            given_name=identity.given_name,
            family_name=identity.family_name,
            birthdate=identity.birthdate,
            address=identity.address,
        )
    except Conflict:
        raise
    except DomainError:
        messages.warning(request, NOT_VERIFIED % {"provider": provider_name})


REPLAYED = gettext_lazy(
    "La réponse du service d'identité ne correspond pas à cette connexion (elle a peut-être déjà servi) : "
    "rien n'a été enregistré. Recommencez la connexion depuis le début."
)


def _check_nonce(request: HttpRequest, sociallogin: SocialLogin) -> None:
    """The ID token must carry the nonce this browser's sign-in sent (``bouquet.www.accounts.oidc``): a token
    given for another sign-in, or replayed, is refused before anything is saved."""
    expected = (sociallogin.state or {}).get("nonce")
    if not expected:
        return
    id_token = (sociallogin.account.extra_data or {}).get("id_token") or {}
    if not secrets.compare_digest(str(id_token.get("nonce", "")), str(expected)):
        response = refusal_page(request, DomainError(REPLAYED), back=reverse("account_login"))
        raise ImmediateHttpResponse(response)


def _forget_attributes(account: SocialAccount) -> None:
    """Keep only the link (provider and subject) to the provider: the identity went to the verification."""
    account.extra_data = {}
    if account.pk:
        SocialAccount.objects.filter(pk=account.pk).update(extra_data={})


@contextmanager
def _refused_as_a_page(request: HttpRequest) -> Iterator[None]:
    """A verification refused by a conflict becomes the refusal page (with a way back to the sign-in page), and
    the sign-in stops there: allauth answers with it (``ImmediateHttpResponse``); what the block saved is rolled
    back."""
    try:
        yield
    except Conflict as error:
        response = refusal_page(request, error, back=reverse("account_login"))
        raise ImmediateHttpResponse(response) from error
