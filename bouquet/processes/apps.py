from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProcessesConfig(AppConfig):
    name = "bouquet.processes"
    label = "processes"
    verbose_name = _("Démarches participatives")

    def ready(self) -> None:
        from bouquet.places.timeline import register_source
        from bouquet.processes import events  # noqa: F401 - registers the kinds of notification it sends
        from bouquet.processes.on_place import processes_on_place

        register_source(processes_on_place)
