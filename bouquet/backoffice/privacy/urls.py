from django.urls import path

from bouquet.backoffice.privacy import views

urlpatterns = [
    path("donnees-personnelles/", views.people_without_account, name="personal-data"),
    path(
        "donnees-personnelles/contributeurs/<int:pk>/",
        views.contributor_download,
        name="contributor-download",
    ),
    path(
        "donnees-personnelles/contributeurs/<int:pk>/effacer/",
        views.contributor_erase,
        name="contributor-erase",
    ),
    path(
        "donnees-personnelles/beneficiaires/<int:pk>/",
        views.beneficiary_download,
        name="beneficiary-download",
    ),
    path(
        "donnees-personnelles/beneficiaires/<int:pk>/effacer/",
        views.beneficiary_erase,
        name="beneficiary-erase",
    ),
]
