from django.urls import path

from bouquet.backoffice.outreach import views

urlpatterns = [
    path("ateliers/", views.workshop_list, name="workshops"),
    path("ateliers/nouveau/", views.workshop_create, name="workshop-create"),
    path("ateliers/<int:pk>/", views.workshop_edit, name="workshop-edit"),
    path("ateliers/<int:pk>/publier/", views.workshop_publish, name="workshop-publish"),
    path("ateliers/<int:pk>/compte-rendu/", views.workshop_report, name="workshop-report"),
    path("ateliers/<int:pk>/photos/", views.workshop_photo, name="workshop-photo"),
]
