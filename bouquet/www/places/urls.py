from django.urls import path

from bouquet.www.places import views

app_name = "places"
urlpatterns = [
    path("carte/territoire.json", views.territory, name="territory"),
    path("carte/recherche/", views.place_search, name="search"),
]
