"""Template context shared by every page."""

from typing import Any

from django.conf import settings
from django.http import HttpRequest

from bouquet.core.french import authority_names


def authority(request: HttpRequest) -> dict[str, Any]:
    """Expose the authority's name, logo and colours to templates, and its names with their article
    (``authority_names.the``: « la Ville de … »)."""
    return {
        "authority": settings.BOUQUET_AUTHORITY,
        "authority_names": authority_names(settings.BOUQUET_AUTHORITY),
    }
