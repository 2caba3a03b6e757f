from django.urls import path

from bouquet.backoffice.processes import views

urlpatterns = [
    path("demarches/", views.process_list, name="processes"),
    path("demarches/nouvelle/", views.process_create, name="process-create"),
    path("demarches/<int:pk>/", views.process_detail, name="process"),
    path("demarches/<int:pk>/modifier/", views.process_edit, name="process-edit"),
    path("demarches/<int:pk>/publier/", views.process_publish, name="process-publish"),
    path("demarches/<int:pk>/cloturer/", views.process_close, name="process-close"),
    path("demarches/<int:pk>/rouvrir/", views.process_reopen, name="process-reopen"),
    path("demarches/<int:pk>/phases/nouvelle/", views.phase_create, name="phase-create"),
    path("phases/<int:pk>/modifier/", views.phase_edit, name="phase-edit"),
    path("phases/<int:pk>/supprimer/", views.phase_delete, name="phase-delete"),
]
