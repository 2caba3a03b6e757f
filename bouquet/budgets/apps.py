from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BudgetsConfig(AppConfig):
    name = "bouquet.budgets"
    label = "budgets"
    verbose_name = _("Budgets participatifs")

    def ready(self) -> None:
        from bouquet.budgets import events  # noqa: F401 - registers the kinds of notification it sends
