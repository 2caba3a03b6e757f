from django.urls import path

from bouquet.www.places import views

app_name = "places"
urlpatterns = [
    path("carte/territoire.json", views.territory, name="territory"),
    path("carte/recherche/", views.place_search, name="search"),
    # The memory of places.
    path("lieux/", views.place_list, name="list"),
    path("lieux/nouveau/", views.place_create, name="create"),
    path("lieux/<int:pk>/", views.place_detail, name="detail"),
    path("lieux/<int:pk>/souvenir/", views.memory_add, name="memory-add"),
    path("lieux/<int:pk>/archive/", views.archive_add, name="archive-add"),
    path("lieux/souvenirs/<int:pk>/signaler/", views.memory_report, name="memory-report"),
    path("lieux/moderation/<str:kind>/<int:pk>/", views.moderate, name="moderate"),
]
