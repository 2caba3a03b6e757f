"""A fake OpenID Connect provider the tests start, standing in for FranceConnect or ProConnect.

A threaded HTTP server on 127.0.0.1 with discovery, ``authorize`` (consents at once: redirects back with a code
and the state), ``token`` (an ID token signed RS256 with a key made at start, and an access token),
``userinfo`` (the person's claims, limited to the scopes asked) and ``jwks``. ``person`` says who signs in;
``answer`` makes ``authorize`` deny consent or send back another state, as a real provider or an attacker might.
"""

import json
import secrets
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Literal
from urllib.parse import parse_qs, urlencode, urlsplit

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa
from jwt.algorithms import RSAAlgorithm

CLIENT_ID = "bouquet-test"
CLIENT_SECRET = "secret-de-test"  # noqa: S105 - the fake provider's own
KEY_ID = "cle-de-test"

# Which claims each scope releases (OpenID Connect's standard scopes, and FranceConnect's one-claim scopes).
SCOPE_CLAIMS = {
    "openid": ("sub",),
    "profile": ("given_name", "family_name", "birthdate"),
    "email": ("email", "email_verified"),
    "address": ("address",),
    "given_name": ("given_name",),
    "family_name": ("family_name",),
    "usual_name": ("usual_name",),
    "birthdate": ("birthdate",),
}

# "wrong_nonce": the ID token carries a nonce other than the one the sign-in sent (a replayed token)
Answer = Literal["consent", "deny", "wrong_state", "wrong_nonce"]


def inhabitant(**claims: Any) -> dict[str, Any]:
    """Claims of a person as FranceConnect gives them (change any with keywords)."""
    return {
        "sub": secrets.token_hex(16),
        "given_name": "Camille Louise",
        "family_name": "Martin",
        "birthdate": "1984-07-14",
        "email": "camille.martin@exemple.fr",
        "email_verified": True,
        "address": {"formatted": "12 rue des Tilleuls\n45000 Val-de-Loirette"},
    } | claims


@dataclass
class FakeProvider:
    """The provider's state: who signs in, how ``authorize`` answers, and what it was asked."""

    url: str = ""
    person: dict[str, Any] = field(default_factory=inhabitant)
    answer: Answer = "consent"
    signed_userinfo: bool = (
        False  # userinfo as a JWT signed with the provider's key, as FranceConnect v2 sends it
    )
    asked: list[dict[str, str]] = field(default_factory=list)  # query of each authorize request
    key: rsa.RSAPrivateKey = field(default_factory=lambda: rsa.generate_private_key(65537, 2048))
    _codes: dict[str, dict[str, Any]] = field(default_factory=dict)
    _tokens: dict[str, dict[str, Any]] = field(default_factory=dict)

    @property
    def discovery(self) -> dict[str, Any]:
        return {
            "issuer": self.url,
            "authorization_endpoint": f"{self.url}/authorize",
            "token_endpoint": f"{self.url}/token",
            "userinfo_endpoint": f"{self.url}/userinfo",
            "jwks_uri": f"{self.url}/jwks",
            "response_types_supported": ["code"],
            "subject_types_supported": ["public"],
            "id_token_signing_alg_values_supported": ["RS256"],
            "token_endpoint_auth_methods_supported": ["client_secret_post"],
            "scopes_supported": list(SCOPE_CLAIMS),
            "code_challenge_methods_supported": ["S256"],
        }

    def settings_app(self, provider_id: str = "franceconnect", name: str = "FranceConnect") -> dict[str, Any]:
        """The app allauth needs to use this provider, as config.settings.base.identity_provider writes it."""
        return {
            "provider_id": provider_id,
            "name": name,
            "client_id": CLIENT_ID,
            "secret": CLIENT_SECRET,
            "settings": {
                "server_url": self.url,
                "scope": ["openid", "given_name", "family_name", "birthdate", "email", "address"],
                "oauth_pkce_enabled": True,
                "verified_email": True,
            },
        }

    # ---- endpoints --------------------------------------------------------------------------------------

    def authorize(self, query: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        self.asked.append(query)
        if query.get("client_id") != CLIENT_ID or query.get("response_type") != "code":
            return 400, {}, b"unknown client or response type"
        back = query["redirect_uri"]
        if self.answer == "deny":
            params = {"error": "access_denied", "state": query.get("state", "")}
        else:
            code = secrets.token_urlsafe(16)
            self._codes[code] = {"query": query, "person": dict(self.person)}
            state = secrets.token_urlsafe(12) if self.answer == "wrong_state" else query.get("state", "")
            params = {"code": code, "state": state}
        return 302, {"Location": f"{back}{'&' if '?' in back else '?'}{urlencode(params)}"}, b""

    def token(self, form: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        grant = self._codes.pop(form.get("code", ""), None)
        if (
            grant is None
            or form.get("client_id") != CLIENT_ID
            or form.get("client_secret") != CLIENT_SECRET
            or form.get("redirect_uri") != grant["query"]["redirect_uri"]
        ):
            return _json(400, {"error": "invalid_grant"})
        access_token = secrets.token_urlsafe(24)
        scopes = grant["query"].get("scope", "").split()
        self._tokens[access_token] = {"person": grant["person"], "scopes": scopes}
        now = int(time.time())
        claims = {
            "iss": self.url,
            "aud": CLIENT_ID,
            "sub": grant["person"]["sub"],
            "iat": now,
            "exp": now + 60,
        }
        if grant["query"].get("nonce"):
            claims["nonce"] = (
                "rejoue-" + grant["query"]["nonce"]
                if self.answer == "wrong_nonce"
                else grant["query"]["nonce"]
            )
        id_token = jwt.encode(claims, self.key, algorithm="RS256", headers={"kid": KEY_ID})
        answer = {
            "access_token": access_token,
            "token_type": "Bearer",
            "expires_in": 60,
            "id_token": id_token,
        }
        return _json(200, answer)

    def userinfo(self, authorization: str) -> tuple[int, dict[str, str], bytes]:
        grant = self._tokens.get(authorization.removeprefix("Bearer ").strip())
        if grant is None:
            return _json(401, {"error": "invalid_token"})
        released = {claim for scope in grant["scopes"] for claim in SCOPE_CLAIMS.get(scope, ())}
        claims = {k: v for k, v in grant["person"].items() if k in released}
        if not self.signed_userinfo:
            return _json(200, claims)
        now = int(time.time())
        signed = claims | {"iss": self.url, "aud": CLIENT_ID, "iat": now, "exp": now + 60}
        body = jwt.encode(signed, self.key, algorithm="RS256", headers={"kid": KEY_ID}).encode()
        return 200, {"Content-Type": "application/jwt"}, body

    def jwks(self) -> tuple[int, dict[str, str], bytes]:
        public = RSAAlgorithm.to_jwk(self.key.public_key(), as_dict=True)
        return _json(200, {"keys": [public | {"kid": KEY_ID, "use": "sig", "alg": "RS256"}]})


def _json(status: int, body: dict[str, Any]) -> tuple[int, dict[str, str], bytes]:
    return status, {"Content-Type": "application/json"}, json.dumps(body).encode()


def _handler(provider: FakeProvider) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server's name
            parts = urlsplit(self.path)
            query = {k: v[-1] for k, v in parse_qs(parts.query).items()}
            if parts.path == "/.well-known/openid-configuration":
                self._send(*_json(200, provider.discovery))
            elif parts.path == "/authorize":
                self._send(*provider.authorize(query))
            elif parts.path == "/userinfo":
                self._send(*provider.userinfo(self.headers.get("Authorization", "")))
            elif parts.path == "/jwks":
                self._send(*provider.jwks())
            else:
                self._send(404, {}, b"")

        def do_POST(self) -> None:  # noqa: N802 - http.server's name
            length = int(self.headers.get("Content-Length") or 0)
            form = {k: v[-1] for k, v in parse_qs(self.rfile.read(length).decode()).items()}
            if urlsplit(self.path).path == "/token":
                self._send(*provider.token(form))
            else:
                self._send(404, {}, b"")

        def _send(self, status: int, headers: dict[str, str], body: bytes) -> None:
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - http.server's signature
            return None

    return Handler


@pytest.fixture
def oidc_provider(settings: Any) -> Iterator[FakeProvider]:
    """A fake provider, running, configured as the site's FranceConnect."""
    provider = FakeProvider()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(provider))
    provider.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.SOCIALACCOUNT_PROVIDERS = {"openid_connect": {"APPS": [provider.settings_app()]}}
    # As config.settings.base does for a configured provider: the sign-in form's redirect may go there.
    settings.SECURE_CSP = settings.SECURE_CSP | {
        "form-action": [*settings.SECURE_CSP["form-action"], provider.url]
    }
    try:
        yield provider
    finally:
        server.shutdown()
        server.server_close()
