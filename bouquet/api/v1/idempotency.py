"""The `Idempotency-Key` header: a client that retries a request it is unsure of creates nothing twice."""

import uuid

from django.http import HttpRequest

# Any text the client chose (up to 200 characters) maps to one key; the same text from the same person gives the
# same proposal or comment back instead of a second one.
_NAMESPACE = uuid.UUID("6f1c1d52-7a0e-4df7-9a4b-2c1f0d2e8b11")


def idempotency_key(request: HttpRequest) -> uuid.UUID | None:
    """The submission key named by the request's `Idempotency-Key` header, or None without one."""
    value = request.headers.get("Idempotency-Key", "").strip()[:200]
    return uuid.uuid5(_NAMESPACE, value) if value else None
