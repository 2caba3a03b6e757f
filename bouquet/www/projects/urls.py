from django.urls import path

from bouquet.www.projects import views

app_name = "projects"
urlpatterns = [
    path("projets/", views.project_list, name="list"),
    path("projets/ecart/", views.gap_dashboard, name="gap"),
    path("projets/ecart/<str:name>.csv", views.gap_csv, name="gap-csv"),
    path("projets/<int:pk>/", views.project_detail, name="detail"),
    path("projets/<int:pk>/demander-une-revoyure/", views.request_reconsultation, name="request"),
    path("projets/revoyures/<int:pk>/", views.reconsultation, name="reconsultation"),
    path("odd/", views.sdgs_over_time, name="sdgs"),
]
