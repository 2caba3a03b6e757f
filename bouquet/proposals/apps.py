from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProposalsConfig(AppConfig):
    name = "bouquet.proposals"
    label = "proposals"
    verbose_name = _("Propositions")

    def ready(self) -> None:
        from bouquet.places.timeline import register_source
        from bouquet.proposals.timeline import proposals_on_place

        register_source(proposals_on_place)
