"""Template context shared by every page."""

from typing import Any

from django.conf import settings
from django.http import HttpRequest


def authority(request: HttpRequest) -> dict[str, Any]:
    """Expose the authority's name, logo and colours to templates."""
    return {"authority": settings.BOUQUET_AUTHORITY}
