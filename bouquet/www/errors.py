"""The one place where a service's refusal becomes a page.

Views let a ``DomainError`` rise: a form posted through ``bouquet.www.forms.submit_form`` keeps its data and shows
the messages beside its fields; any other refusal reaches this middleware, which answers with the refusal's
message and status (403, 409 or 422) and a way back. The JSON API has its own handler (``bouquet.api.v1``) that
answers the same statuses."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme

from bouquet.core.errors import DomainError


def _back(request: HttpRequest) -> str:
    referer = request.headers.get("referer", "")
    if referer and url_has_allowed_host_and_scheme(
        referer, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return referer
    return "/"


def refusal_page(request: HttpRequest, error: DomainError, back: str | None = None) -> HttpResponse:
    """A page that says why the action was refused, under the refusal's status."""
    context = {
        "message": error.message,
        "field_errors": [str(message) for message in error.field_errors.values()],
        "back": back or _back(request),
    }
    return render(request, "refused.html", context, status=error.status_code)


class DomainErrorMiddleware:
    """Turns a ``DomainError`` that a page's view let rise into the refusal page."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if isinstance(exception, DomainError):
            return refusal_page(request, exception)
        return None
