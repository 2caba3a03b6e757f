from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "bouquet.notifications"
    label = "notifications"
    verbose_name = _("Notifications")

    def ready(self) -> None:
        from bouquet.notifications import builtin_kinds  # noqa: F401 - registers the kinds this app sends itself
