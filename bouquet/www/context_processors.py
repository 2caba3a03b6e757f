"""Template context shared by every page."""

from typing import Any

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from bouquet.places.selectors import authority_identity


def authority(request: HttpRequest) -> dict[str, Any]:
    """Expose the authority's name, article, logo and colours to templates (read once per request, when used):
    the identity saved in the back-office, or ``settings.BOUQUET_AUTHORITY`` until then."""
    return {"authority": SimpleLazyObject(authority_identity)}
