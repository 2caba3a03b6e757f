from django.urls import path

from bouquet.backoffice.incubator import views

urlpatterns = [
    path("laboratoire/", views.dashboard, name="lab"),
    path("laboratoire/criteres/", views.criteria, name="lab-criteria"),
    path("laboratoire/criteres/<int:pk>/", views.criterion_edit, name="lab-criterion-edit"),
    path("laboratoire/criteres/<int:pk>/supprimer/", views.criterion_delete, name="lab-criterion-delete"),
    path("laboratoire/accompagnateurs/", views.mentors, name="lab-mentors"),
]
