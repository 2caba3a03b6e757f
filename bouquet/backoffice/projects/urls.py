from django.urls import path

from bouquet.backoffice.projects import views

urlpatterns = [
    path("projets/", views.dashboard, name="projects"),
    path("projets/seuils/", views.thresholds, name="project-thresholds"),
    path("projets/nouveau/", views.project_create, name="project-create"),
    path("projets/<int:pk>/", views.project_manage, name="project"),
    path("projets/<int:pk>/dates/", views.project_dates, name="project-dates"),
    path("projets/<int:pk>/nouvelle/", views.project_update, name="project-update"),
    path("projets/<int:pk>/etape/", views.project_milestone, name="project-milestone"),
    path("projets/<int:pk>/resultat/", views.project_result, name="project-result"),
    path("projets/<int:pk>/revoyure/", views.reconsultation_open, name="project-reconsult"),
    path("projets/revoyures/<int:pk>/clore/", views.reconsultation_close, name="reconsultation-close"),
]
