from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OutreachConfig(AppConfig):
    name = "bouquet.outreach"
    label = "outreach"
    verbose_name = _("Aller vers les habitants")

    def ready(self) -> None:
        # The notification kinds and the paper forms' import kind this app declares.
        from bouquet.outreach import notifications, paper  # noqa: F401
