"""The provider: a fresh ``nonce`` with every sign-in, kept in the sign-in's state (checked against the ID token
by ``IdentityProviderAdapter.pre_social_login``)."""

import secrets
from typing import Any

from allauth.socialaccount.providers.openid_connect.provider import OpenIDConnectProvider
from django.http import HttpRequest, HttpResponse

from bouquet.www.accounts.oidc.views import StateProviderAdapter

NONCE_BYTES = 24


class StateProvider(OpenIDConnectProvider):
    id = "openid_connect"
    package = "bouquet.www.accounts.oidc"
    oauth2_adapter_class = StateProviderAdapter

    def redirect(
        self, request: HttpRequest, process: Any, next_url: str | None = None, data: Any = None, **kwargs: Any
    ) -> HttpResponse:
        nonce = secrets.token_urlsafe(NONCE_BYTES)
        auth_params = kwargs.pop("auth_params", None)
        if auth_params is None:
            auth_params = self.get_auth_params()
        kwargs["auth_params"] = {**auth_params, "nonce": nonce}
        return super().redirect(request, process, next_url, data, nonce=nonce, **kwargs)  # type: ignore[no-any-return]


provider_classes = [StateProvider]
