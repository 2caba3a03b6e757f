from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IncubatorConfig(AppConfig):
    """The social-innovation lab: initiatives co-led with the people concerned, energies, mentors, the solidarity
    chain."""

    name = "bouquet.incubator"
    verbose_name = _("Laboratoire d'initiatives")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from bouquet.incubator import notices, rules  # noqa: F401 - registers the permissions

        notices.register_kinds()
