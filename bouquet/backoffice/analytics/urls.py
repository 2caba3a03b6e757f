from django.urls import path

from bouquet.backoffice.analytics import views

urlpatterns = [
    path("tableaux-de-bord/", views.dashboards, name="dashboards"),
    path("tableaux-de-bord/<slug:key>.csv", views.dashboard_csv, name="dashboard-csv"),
    path("portee/", views.reach, name="reach"),
    path("quartiers/populations/", views.populations, name="populations"),
    path("donnees-ouvertes/", views.open_data, name="open-data"),
    path("donnees-ouvertes/demarches/<int:pk>/exporter/", views.export_create, name="export-create"),
    path("donnees-ouvertes/exports/<int:pk>/", views.export_progress, name="export"),
    path("donnees-ouvertes/exports/<int:pk>/fichier/", views.export_download, name="export-download"),
]
