"""URLs of the public and participant pages."""

from django.urls import URLPattern, URLResolver, include, path

urlpatterns: list[URLPattern | URLResolver] = [
    path("", include("bouquet.www.processes.urls")),
    path("", include("bouquet.www.proposals.urls")),
    path("", include("bouquet.www.bouquets.urls")),
    path("", include("bouquet.www.budgets.urls")),
    path("", include("bouquet.www.accounts.urls")),
    path("", include("bouquet.www.places.urls")),
    path("", include("bouquet.www.notifications.urls")),
    # Open data (issue 12, helper « opendata »)
    path("", include("bouquet.www.opendata.urls")),
    path("", include("bouquet.www.incubator.urls")),  # the lab (helper lab)
    # workshops, the street page, printed forms (outreach)
    path("", include("bouquet.www.outreach.urls")),
    path("", include("bouquet.www.projects.urls")),
    path("", include("bouquet.www.conversations.urls")),
]
