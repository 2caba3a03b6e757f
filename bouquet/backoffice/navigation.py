"""The back-office menu, shared by every page.

To add a page to the menu, append a ``NavEntry`` to ``NAVIGATION`` (in the order the menu shows them), with the
URL name of the page and the predicate that says who sees it (the same one its view is decorated with)."""

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from bouquet.accounts.rules import is_agent


@dataclass(frozen=True)
class NavEntry:
    label: str | Promise
    url_name: str  # a name in the ``backoffice`` namespace: ``backoffice:districts``
    allowed: Callable[[object], bool] = is_agent
    # URL names (same namespace) of the pages under this entry, so that the entry is marked current on them too
    also_current_on: tuple[str, ...] = ()


NAVIGATION: list[NavEntry] = [
    NavEntry(_("Accueil de la gestion"), "backoffice:home"),
    NavEntry(_("Vérifier une identité"), "backoffice:desk-check"),
    NavEntry(_("Liste des habitants"), "backoffice:census"),
]


def entries_for(user: object) -> list[NavEntry]:
    """The menu entries a person may open."""
    return [entry for entry in NAVIGATION if entry.allowed(user)]


def may_use_back_office(user: object) -> bool:
    """Whether a person sees at least one page of the back-office (the site's menu then links to it)."""
    return bool(entries_for(user))
