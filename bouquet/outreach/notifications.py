"""The notification kinds the outreach app sends (registered when the app is ready)."""

from django.utils.translation import gettext_lazy as _

from bouquet.notifications.kinds import Kind, register

register(
    Kind(
        code="outreach.workshop_reminder",
        label=_("Rappel d'un atelier où vous êtes inscrit"),
        message=_("Rappel : « %(target)s » a lieu bientôt (%(place)s)."),
        default_frequency="instant",
    )
)
register(
    Kind(
        code="outreach.seat_freed",
        label=_("Une place s'est libérée à un atelier"),
        message=_("Une place s'est libérée : vous êtes inscrit à « %(target)s »."),
        default_frequency="instant",
    )
)
register(
    Kind(
        code="outreach.contribution_claimed",
        label=_("Une contribution que vous avez recueillie est réclamée"),
        message=_(
            "%(actor)s a retrouvé les %(count)s contributions que vous aviez recueillies pour elle ou lui."
        ),
        default_frequency="daily",
    )
)
