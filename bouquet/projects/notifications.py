"""The notifications projects send."""

from django.utils.translation import gettext_lazy as _

from bouquet.notifications.kinds import Kind, register

RECONSULTATION = register(
    Kind(
        code="projects.reconsultation",
        label=_("Revoyure d'un projet auquel vous avez pris part"),
        message=_(
            "%(actor)s vous demande si le projet « %(project)s » répond toujours à votre besoin : "
            "répondez avant le %(closes_on)s."
        ),
        default_frequency="instant",
    )
)
PROJECT_UPDATE = register(
    Kind(
        code="projects.update",
        label=_("Nouvelles d'un projet que vous suivez"),
        message=_("Du nouveau sur le projet « %(target)s » : %(title)s."),
        default_frequency="daily",
    )
)
