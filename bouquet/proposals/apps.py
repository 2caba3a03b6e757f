from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProposalsConfig(AppConfig):
    name = "bouquet.proposals"
    label = "proposals"
    verbose_name = _("Propositions")

    def ready(self) -> None:
        from bouquet.proposals import events  # noqa: F401 - registers the kinds of notification it sends
