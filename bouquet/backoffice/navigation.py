"""The back-office menu, shared by every page.

To add a page to the menu, append a ``NavEntry`` to ``NAVIGATION`` (in the order the menu shows them), with the
URL name of the page and the predicate that says who sees it (the same one its view is decorated with:
``@back_office_page(allowed=is_moderator)``)."""

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from bouquet.accounts.rules import is_agent
from bouquet.conversations.rules import runs_conversations
from bouquet.outreach.rules import may_go_out


@dataclass(frozen=True)
class NavEntry:
    label: str | Promise
    url_name: str  # a name in the ``backoffice`` namespace: ``backoffice:districts``
    allowed: Callable[[object], bool] = is_agent
    # URL names (same namespace) of the pages under this entry, so that the entry is marked current on them too
    also_current_on: tuple[str, ...] = ()


# The home page comes first for whoever sees at least one other entry.
HOME = NavEntry(_("Accueil de la gestion"), "backoffice:home")

NAVIGATION: list[NavEntry] = [
    NavEntry(
        _("Démarches"),
        "backoffice:processes",
        also_current_on=(
            "backoffice:process",
            "backoffice:process-create",
            "backoffice:process-edit",
            "backoffice:phase-create",
            "backoffice:phase-edit",
            "backoffice:phase-delete",
        ),
    ),
    NavEntry(_("Quartiers"), "backoffice:districts", also_current_on=("backoffice:district-edit",)),
    NavEntry(_("Thèmes"), "backoffice:themes", also_current_on=("backoffice:theme-edit",)),
    NavEntry(_("Identité de la collectivité"), "backoffice:identity"),
    NavEntry(
        _("Personnes et rôles"),
        "backoffice:people",
        also_current_on=(
            "backoffice:invite",
            "backoffice:grant-revoke",
            "backoffice:territory-role-revoke",
            "backoffice:invitation-revoke",
        ),
    ),
    NavEntry(_("Vérifier une identité"), "backoffice:desk-check"),
    NavEntry(_("Liste des habitants"), "backoffice:census"),
    NavEntry(
        _("Données des personnes sans compte"),
        "backoffice:personal-data",
        also_current_on=("backoffice:contributor-erase", "backoffice:beneficiary-erase"),
    ),
    NavEntry(
        _("Lettres d'information"),
        "backoffice:newsletters",
        also_current_on=("backoffice:newsletter-create", "backoffice:newsletter"),
    ),
    # Dashboards, reach and open data (issues 12 and 14, helper « opendata »)
    NavEntry(_("Tableaux de bord"), "backoffice:dashboards"),
    NavEntry(_("Qui participe ?"), "backoffice:reach", also_current_on=("backoffice:populations",)),
    NavEntry(
        _("Données ouvertes"),
        "backoffice:open-data",
        also_current_on=("backoffice:export", "backoffice:export-download"),
    ),
    # the social-innovation lab (helper lab)
    NavEntry(
        _("Laboratoire d'initiatives"),
        "backoffice:lab",
        also_current_on=(
            "backoffice:lab-criteria",
            "backoffice:lab-criterion-edit",
            "backoffice:lab-criterion-delete",
            "backoffice:lab-mentors",
        ),
    ),
    # outreach: workshops, printed forms, paper imports (facilitators too)
    NavEntry(
        _("Ateliers et aller-vers"),
        "backoffice:workshops",
        allowed=may_go_out,
        also_current_on=(
            "backoffice:workshop-create",
            "backoffice:workshop-edit",
            "backoffice:workshop-report",
            "backoffice:workshop-photo",
            "backoffice:import",
            "backoffice:import-scoped",
            "backoffice:import-columns",
            "backoffice:import-preview",
            "backoffice:import-result",
        ),
    ),
    NavEntry(
        _("Projets et écart"),
        "backoffice:projects",
        also_current_on=(
            "backoffice:project",
            "backoffice:project-create",
            "backoffice:project-thresholds",
        ),
    ),
    NavEntry(
        _("Conversations"),
        "backoffice:conversations",
        allowed=runs_conversations,
        also_current_on=(
            "backoffice:conversation",
            "backoffice:conversation-create",
            "backoffice:conversation-import",
            "backoffice:conversation-report",
            "backoffice:room",
        ),
    ),
]


def entries_for(user: object) -> list[NavEntry]:
    """The menu entries a person may open: the home page and the pages their role gives, or nothing."""
    allowed = [entry for entry in NAVIGATION if entry.allowed(user)]
    return [HOME, *allowed] if allowed else []


def may_use_back_office(user: object) -> bool:
    """Whether a person sees at least one page of the back-office: the home page and the site's menu link to
    the back-office follow (a moderator gets them as soon as a page for moderators is in the menu)."""
    return any(entry.allowed(user) for entry in NAVIGATION)
