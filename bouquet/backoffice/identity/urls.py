from django.urls import path

from bouquet.backoffice.identity import views

urlpatterns = [
    path("habitants/", views.census, name="census"),
    path("identites/verifier/", views.desk_check, name="desk-check"),
]
