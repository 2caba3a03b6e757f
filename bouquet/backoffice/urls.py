"""URLs of the back-office, under ``/gestion/`` (namespace ``backoffice``).

Each topic keeps its routes in its own ``urls.py`` (a plain list of ``path``), included here without a namespace
of its own, so that every page is named ``backoffice:<name>``."""

from django.urls import URLPattern, URLResolver, include, path

from bouquet.backoffice import views

app_name = "backoffice"
urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.home, name="home"),
    path("", include("bouquet.backoffice.processes.urls")),
    path("", include("bouquet.backoffice.places.urls")),
    path("", include("bouquet.backoffice.proposals.urls")),
    path("", include("bouquet.backoffice.roles.urls")),
    path("", include("bouquet.backoffice.identity.urls")),
    path("", include("bouquet.backoffice.projects.urls")),
    # staged spreadsheet imports (outreach)
    path("", include("bouquet.backoffice.imports.urls")),
    # newsletters to followers (notif)
    path("", include("bouquet.backoffice.newsletters.urls")),
    # Dashboards, reach, populations and open data (issues 12 and 14, helper « opendata »)
    path("", include("bouquet.backoffice.analytics.urls")),
    # the social-innovation lab (helper lab)
    path("", include("bouquet.backoffice.incubator.urls")),
    path("", include("bouquet.backoffice.outreach.urls")),
    path("", include("bouquet.backoffice.conversations.urls")),
    # the data of people without an account, on their request (issue 9, helper privacy)
    path("", include("bouquet.backoffice.privacy.urls")),
]
