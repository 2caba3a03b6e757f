from django.urls import path

from bouquet.www.accounts import views

app_name = "accounts"
urlpatterns = [
    path("compte/profil/", views.profile, name="profile"),
    path("compte/identite/", views.verify_identity, name="identity"),
    path("compte/jetons/", views.create_token, name="create-token"),
    path("compte/jetons/<int:pk>/revoquer/", views.revoke_token, name="revoke-token"),
    path("compte/mes-donnees/", views.my_data, name="my-data"),
    path("compte/mes-donnees.zip", views.download_my_data, name="download-my-data"),
    path("compte/supprimer/", views.erase, name="erase"),
    path("confidentialite/", views.privacy, name="privacy"),
    path("invitation/<str:token>/", views.invitation, name="invitation"),
]
