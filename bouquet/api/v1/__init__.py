"""Bouquet's JSON API, version 1: public reads, authenticated writes, errors as French JSON."""

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from ninja import NinjaAPI, Schema
from ninja.errors import AuthenticationError, HttpError, ValidationError

from bouquet.api.v1.budgets import router as budgets_router
from bouquet.api.v1.conversations import router as conversations_router
from bouquet.api.v1.docs import PackagedSwagger
from bouquet.api.v1.errors import field_errors_from_pydantic
from bouquet.api.v1.incubator import router as incubator_router
from bouquet.api.v1.notifications import router as notifications_router
from bouquet.api.v1.opendata import router as opendata_router
from bouquet.api.v1.outreach import router as outreach_router
from bouquet.api.v1.places import router as places_router
from bouquet.api.v1.processes import router as processes_router
from bouquet.api.v1.projects import router as projects_router
from bouquet.api.v1.proposals import router as proposals_router
from bouquet.core.errors import DomainError

api = NinjaAPI(
    title="Bouquet API",
    version="1.0.0",
    description=(
        "Read participatory processes, their phases, proposals and comments, their bouquets, their "
        "participatory budgets and results (with the pabulib files to recompute them); submit proposals, "
        "supports and comments. Authenticate with a session (and its CSRF token) or a personal token "
        "sent as `Authorization: Bearer <token>`."
    ),
    urls_namespace="api-v1",
    docs=PackagedSwagger(),
)


class IndexOut(Schema):
    title: str
    version: str
    docs_url: str
    schema_url: str
    processes_url: str


@api.get("/", response=IndexOut, summary="Where to start", tags=["index"])
def index(request: HttpRequest) -> dict[str, str]:
    """The API's root: where its documentation, its OpenAPI schema and its first list are."""
    return {
        "title": api.title,
        "version": api.version,
        "docs_url": request.build_absolute_uri(reverse("api-v1:openapi-view")),
        "schema_url": request.build_absolute_uri(reverse("api-v1:openapi-json")),
        "processes_url": request.build_absolute_uri(reverse("api-v1:list_processes")),
    }


api.add_router("/", processes_router)
api.add_router("/", proposals_router)
api.add_router("/", budgets_router)
api.add_router("/", opendata_router)  # open data (issue 12, helper « opendata »)
api.add_router("/", incubator_router)  # the lab (helper lab)
api.add_router("/", outreach_router)  # workshops (outreach)
api.add_router("/", places_router)  # the memory of places
api.add_router("/", projects_router)
api.add_router("/", conversations_router)
api.add_router("/", notifications_router)  # my notifications, follows and e-mail choices (notif)


@api.exception_handler(ValidationError)
def on_validation_error(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    """Invalid or unknown fields: 422 with one French message per field."""
    return api.create_response(
        request,
        {
            "message": _("Les données envoyées ne sont pas valables."),
            "errors": field_errors_from_pydantic(exc.errors),
        },
        status=422,
    )


@api.exception_handler(DomainError)
def on_domain_error(request: HttpRequest, exc: DomainError) -> HttpResponse:
    """A refused use case: its status and message, with field errors when there are some."""
    body: dict[str, Any] = {"message": str(exc.message)}
    if exc.field_errors:
        body["errors"] = {field: str(message) for field, message in exc.field_errors.items()}
    return api.create_response(request, body, status=exc.status_code)


@api.exception_handler(AuthenticationError)
def on_auth_error(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    """No valid session or token."""
    return api.create_response(request, {"message": _("Authentification requise.")}, status=401)


@api.exception_handler(HttpError)
def on_http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    """Errors raised by endpoints with an explicit status."""
    return api.create_response(request, {"message": str(exc)}, status=exc.status_code)
