from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AnalyticsConfig(AppConfig):
    name = "bouquet.analytics"
    label = "analytics"
    verbose_name = _("Données ouvertes et tableaux de bord")

    def ready(self) -> None:
        # The built-in export tables register themselves; other apps' helpers register theirs the same way.
        from bouquet.analytics.exports import tables  # noqa: F401, PLC0415
