"""Template context shared by every page."""

from typing import Any

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from bouquet.core.french import authority_names
from bouquet.places.selectors import authority_identity


def authority(request: HttpRequest) -> dict[str, Any]:
    """Expose the authority's name, article, logo and colours to templates (read once per request, when used):
    the identity saved in the back-office, or ``settings.BOUQUET_AUTHORITY`` until then; and its names with
    their article (``authority_names.the``: « la Ville de … »)."""
    identity: dict[str, Any] = SimpleLazyObject(authority_identity)  # type: ignore[assignment]
    return {
        "authority": identity,
        "authority_names": SimpleLazyObject(lambda: authority_names(identity)),
    }
