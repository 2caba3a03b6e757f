"""API authentication: a personal bearer token, or the browser session with its CSRF token."""

from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from ninja.errors import AuthenticationError
from ninja.security import APIKeyCookie, HttpBearer, SessionAuth

from bouquet.accounts.models import ApiToken


class TokenAuth(HttpBearer):
    """`Authorization: Bearer <token>`; only the token's digest is stored."""

    def authenticate(self, request: HttpRequest, token: str) -> Any:
        """Return the token's active owner. A token that is sent but unknown, revoked or whose owner is
        inactive answers 401 at once (rather than falling through to the session check and its CSRF 403)."""
        found = ApiToken.objects.select_related("user").filter(key_hash=ApiToken.hash_key(token)).first()
        if found is None or not found.user.is_active:
            raise AuthenticationError
        ApiToken.objects.filter(pk=found.pk).update(last_used_at=timezone.now())
        request.user = found.user
        return found.user


WRITE_AUTH: list[APIKeyCookie | HttpBearer] = [TokenAuth(), SessionAuth(csrf=True)]
