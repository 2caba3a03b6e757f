"""The API's documentation page: Swagger UI from the files django-ninja ships, never from a CDN.

django-ninja's own page falls back to a CDN unless ``ninja`` is an installed app, and knows nothing of the
Content-Security-Policy's nonces. This page loads the same packaged files (``STATICFILES_DIRS`` serves them under
``ninja/``), each tag with the request's nonce, and asks Swagger UI not to call its online validator."""

import json
from typing import TYPE_CHECKING, Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from ninja.openapi.docs import DocsBase

if TYPE_CHECKING:
    from ninja import NinjaAPI


SWAGGER_SETTINGS: dict[str, Any] = {
    "layout": "BaseLayout",
    "deepLinking": True,
    "validatorUrl": None,  # its badge would send the schema to validator.swagger.io
}


class PackagedSwagger(DocsBase):
    """Swagger UI served from this site's static files, under the strict Content-Security-Policy."""

    def render_page(self, request: HttpRequest, api: "NinjaAPI", **kwargs: Any) -> HttpResponse:
        settings = {**SWAGGER_SETTINGS, "url": self.get_openapi_url(api, kwargs)}
        return render(request, "api/docs.html", {"api": api, "swagger_settings": json.dumps(settings)})
