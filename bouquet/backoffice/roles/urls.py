from django.urls import path

from bouquet.backoffice.roles import views

urlpatterns = [
    path("personnes/", views.people, name="people"),
    path("personnes/inviter/", views.invite, name="invite"),
    path("personnes/roles/<int:pk>/retirer/", views.grant_revoke, name="grant-revoke"),
    path("personnes/<int:pk>/role/retirer/", views.territory_role_revoke, name="territory-role-revoke"),
    path("personnes/invitations/<int:pk>/annuler/", views.invitation_revoke, name="invitation-revoke"),
]
