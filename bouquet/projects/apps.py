from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProjectsConfig(AppConfig):
    name = "bouquet.projects"
    label = "projects"
    verbose_name = _("Projets et suivi des réalisations")
