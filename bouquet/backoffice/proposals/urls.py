from django.urls import path

from bouquet.backoffice.proposals import views

urlpatterns = [
    path("themes/", views.theme_list, name="themes"),
    path("themes/<int:pk>/modifier/", views.theme_edit, name="theme-edit"),
    path("themes/<int:pk>/supprimer/", views.theme_delete, name="theme-delete"),
]
