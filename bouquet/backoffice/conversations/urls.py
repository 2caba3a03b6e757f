from django.urls import path

from bouquet.backoffice.conversations import views

urlpatterns = [
    path("conversations/", views.conversation_list, name="conversations"),
    path("conversations/nouvelle/", views.conversation_create, name="conversation-create"),
    path("conversations/importer/", views.conversation_import, name="conversation-import"),
    path("conversations/<int:pk>/", views.conversation_detail, name="conversation"),
    path("conversations/<int:pk>/regles/", views.conversation_rules, name="conversation-rules"),
    path(
        "conversations/<int:pk>/affirmations/", views.conversation_statements, name="conversation-statements"
    ),
    path(
        "conversations/<int:pk>/affirmations/<int:statement_pk>/moderer/",
        views.statement_moderate,
        name="conversation-moderate",
    ),
    path("conversations/<int:pk>/fermer/", views.conversation_close, name="conversation-close"),
    path("conversations/<int:pk>/rapport/", views.conversation_report, name="conversation-report"),
    path("conversations/<int:pk>/export/<str:name>", views.conversation_export, name="conversation-export"),
    path("conversations/<int:pk>/salle/", views.room_open, name="room-open"),
    path("salles/<int:pk>/", views.room_detail, name="room"),
    path("salles/<int:pk>/<str:action>/", views.room_action, name="room-action"),
]
