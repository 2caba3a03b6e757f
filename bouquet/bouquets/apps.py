from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BouquetsConfig(AppConfig):
    name = "bouquet.bouquets"
    label = "bouquets"
    verbose_name = _("Bouquets")

    def ready(self) -> None:
        from bouquet.bouquets import events  # noqa: F401 - registers the kinds of notification it sends
