from django.urls import path

from bouquet.www.proposals import views

app_name = "proposals"
urlpatterns = [
    path("demarches/<slug:slug>/propositions/", views.proposal_list, name="list"),
    path("demarches/<slug:slug>/propositions/carte.json", views.proposal_map_data, name="map-data"),
    path("demarches/<slug:slug>/propositions/nouvelle/", views.proposal_create, name="create"),
    path("propositions/<int:pk>/", views.proposal_detail, name="detail"),
    path("propositions/<int:pk>/modifier/", views.proposal_edit, name="edit"),
    path("propositions/<int:pk>/retirer/", views.proposal_withdraw, name="withdraw"),
    path("propositions/<int:pk>/demander-a-rejoindre/", views.proposal_ask_to_join, name="ask-to-join"),
    path(
        "propositions/<int:pk>/demandes/<int:request_pk>/",
        views.coauthor_request_answer,
        name="answer-request",
    ),
    path("propositions/<int:pk>/quitter/", views.proposal_leave, name="leave"),
    path("propositions/<int:pk>/historique/", views.proposal_history, name="history"),
    path("propositions/<int:pk>/soutien/", views.proposal_support, name="support"),
    path("propositions/<int:pk>/commentaires/", views.comment_create, name="comment"),
    path("propositions/<int:pk>/signaler/", views.report_proposal, name="report"),
    path("propositions/<int:pk>/reponse/", views.proposal_answer, name="answer"),
    path("commentaires/<int:pk>/signaler/", views.report_comment, name="report-comment"),
    path("moderation/", views.moderation_queue, name="moderation"),
    path("moderation/<str:kind>/<int:pk>/", views.moderate, name="moderate"),
]
