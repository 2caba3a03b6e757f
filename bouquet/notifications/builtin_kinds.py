"""The kinds of e-mail the notifications app sends itself."""

from django.utils.translation import gettext_lazy as _

from bouquet.notifications.kinds import Kind, register

NEWSLETTER = register(
    Kind(
        code="notifications.newsletter",
        label=_("Lettres d'information de la collectivité"),
        message=_("%(actor)s vous écrit : « %(subject)s »."),
        default_frequency="instant",
    )
)
