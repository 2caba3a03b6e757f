from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProjectsConfig(AppConfig):
    name = "bouquet.projects"
    label = "projects"
    verbose_name = _("Projets et suivi des réalisations")

    def ready(self) -> None:
        from bouquet.places.timeline import register_source
        from bouquet.projects import notifications  # noqa: F401 - registers the kinds projects send
        from bouquet.projects.timeline import projects_on_place

        register_source(projects_on_place)
        from bouquet.projects.imports import register_kind

        register_kind()
