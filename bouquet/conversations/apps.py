from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConversationsConfig(AppConfig):
    name = "bouquet.conversations"
    label = "conversations"
    verbose_name = _("Conversations")

    def ready(self) -> None:
        from bouquet.conversations import notifications  # noqa: F401 - registers the kinds
