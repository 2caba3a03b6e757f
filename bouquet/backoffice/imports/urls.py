from django.urls import path

from bouquet.backoffice.imports import views

urlpatterns = [
    path("imports/fichier/<int:pk>/colonnes/", views.import_columns, name="import-columns"),
    path("imports/fichier/<int:pk>/apercu/", views.import_preview, name="import-preview"),
    path("imports/fichier/<int:pk>/bilan/", views.import_result, name="import-result"),
    path("imports/<slug:kind>/", views.import_upload, name="import"),
    path("imports/<slug:kind>/<int:scope>/", views.import_upload, name="import-scoped"),
]
