from django.urls import path

from bouquet.www.incubator import views

app_name = "incubator"
urlpatterns = [
    path("initiatives/", views.initiative_list, name="list"),
    path("initiatives/lancer/", views.initiative_start, name="start"),
    path("initiatives/<int:pk>/", views.initiative_detail, name="detail"),
    path("initiatives/<int:pk>/modifier/", views.initiative_edit, name="edit"),
    path("initiatives/<int:pk>/odd/", views.initiative_sdgs, name="sdgs"),
    path("initiatives/<int:pk>/rejoindre/", views.initiative_join, name="join"),
    path("initiatives/<int:pk>/quitter/", views.initiative_leave, name="leave"),
    path("initiatives/<int:pk>/membres/", views.initiative_members, name="members"),
    path("initiatives/<int:pk>/beneficiaires/", views.initiative_beneficiary, name="beneficiary"),
    path("initiatives/<int:pk>/journal/", views.journal, name="journal"),
    path("initiatives/<int:pk>/espace/", views.space, name="space"),
    path("initiatives/<int:pk>/espace/taches/<int:task_pk>/faite/", views.task_done, name="task-done"),
    path(
        "initiatives/<int:pk>/espace/documents/<int:document_pk>/", views.document_download, name="document"
    ),
    path("initiatives/<int:pk>/etape/", views.stage, name="stage"),
    path("initiatives/<int:pk>/accompagnement/", views.mentoring, name="mentoring"),
    path("initiatives/<int:pk>/energies/", views.initiative_energies, name="energies"),
    path("initiatives/<int:pk>/besoins/nouveau/", views.need_create, name="need-create"),
    path("initiatives/<int:pk>/offres/nouvelle/", views.offer_create, name="offer-create"),
    path("initiatives/<int:pk>/echanges/nouveau/", views.exchange_create, name="exchange-create"),
    path("mes-invitations/", views.my_invitations, name="invitations"),
    path("mes-invitations/<int:pk>/accepter/", views.invitation_accept, name="invitation-accept"),
    path("mes-invitations/<int:pk>/refuser/", views.invitation_refuse, name="invitation-refuse"),
    path("place/<str:token>/", views.claim_place, name="claim"),
    path("mon-energie/", views.my_energy, name="my-energy"),
    path("chaine-de-solidarite/", views.chain, name="chain"),
]
