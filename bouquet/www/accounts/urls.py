from django.urls import path

from bouquet.www.accounts import views

app_name = "accounts"
urlpatterns = [
    path("compte/profil/", views.profile, name="profile"),
    path("compte/jetons/", views.create_token, name="create-token"),
    path("compte/jetons/<int:pk>/revoquer/", views.revoke_token, name="revoke-token"),
]
