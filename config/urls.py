"""Top-level URLs."""

from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import URLPattern, URLResolver, include, path

from bouquet.api.v1 import api as api_v1

urlpatterns: list[URLPattern | URLResolver] = [
    path("", include("bouquet.www.urls")),
    path("gestion/", include("bouquet.backoffice.urls")),
    path("compte/", include("allauth.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/v1/", api_v1.urls),
    path("admin/", admin.site.urls),
]
if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
