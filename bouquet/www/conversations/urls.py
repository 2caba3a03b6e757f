from django.urls import path

from bouquet.www.conversations import views

app_name = "conversations"
urlpatterns = [
    path("conversations/<int:pk>/", views.conversation_detail, name="detail"),
    path("conversations/<int:pk>/rejoindre/", views.join, name="join"),
    path("conversations/<int:pk>/affirmations/<int:statement_pk>/vote/", views.vote, name="vote"),
    path("conversations/<int:pk>/ajouter/", views.add_statement, name="add"),
    path("conversations/<int:pk>/carte/", views.opinion_map, name="map"),
    path("salle/", views.room_entry, name="room-entry"),
    path("salle/<str:code>/", views.room, name="room"),
    path("salle/<str:code>/rejoindre/", views.room_join, name="room-join"),
    path("salle/<str:code>/affirmations/<int:statement_pk>/vote/", views.room_vote, name="room-vote"),
    path("salle/<str:code>/centre/", views.room_enter, name="room-enter"),
    path("salle/<str:code>/ecran/", views.projector, name="projector"),
    path("salle/<str:code>/qr.svg", views.room_qr, name="room-qr"),
]
