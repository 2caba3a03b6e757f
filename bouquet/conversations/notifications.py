"""What the conversations tell the people who follow them (through ``bouquet.notifications``)."""

from django.utils.translation import gettext_lazy as _

from bouquet.notifications.kinds import Kind, register

NEW_STATEMENT = register(
    Kind(
        code="conversations.statement",
        label=_("Nouvelles affirmations dans les conversations auxquelles je participe"),
        message=_("Une nouvelle affirmation attend votre avis dans « %(target)s »."),
        default_frequency="daily",
    )
)
