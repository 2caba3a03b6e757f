from django.urls import path

from bouquet.www.opendata import views

app_name = "opendata"
urlpatterns = [
    path("donnees-ouvertes/", views.catalogue, name="catalogue"),
    path("donnees-ouvertes/<slug:slug>/datapackage.json", views.data_package, name="package"),
    path("donnees-ouvertes/<slug:slug>/<slug:table>.schema.json", views.table_schema, name="schema"),
    path("donnees-ouvertes/<slug:slug>/<slug:table>.csv", views.table_csv, name="csv"),
    path("donnees-ouvertes/<slug:slug>/<slug:table>.json", views.table_json, name="json"),
]
