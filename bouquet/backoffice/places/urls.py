from django.urls import path

from bouquet.backoffice.places import views

urlpatterns = [
    path("quartiers/", views.district_list, name="districts"),
    path("quartiers/<int:pk>/modifier/", views.district_edit, name="district-edit"),
    path("quartiers/<int:pk>/supprimer/", views.district_delete, name="district-delete"),
    path("identite/", views.identity, name="identity"),
]
