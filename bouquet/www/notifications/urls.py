from django.urls import path

from bouquet.www.notifications import views

app_name = "notifications"
urlpatterns = [
    path("compte/notifications/", views.notification_list, name="list"),
    path("compte/notifications/lues/", views.mark_read, name="mark-read"),
    path("compte/notifications/preferences/", views.preferences, name="preferences"),
    path("suivre/<str:model>/<int:pk>/", views.toggle_follow, name="follow"),
    path("desabonnement/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
