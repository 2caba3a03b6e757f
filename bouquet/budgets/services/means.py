"""Means given to a bouquet as a whole: money, staff time, rooms, mentoring."""

from django.db import transaction
from django.utils.translation import gettext as _

from bouquet.accounts.models import User
from bouquet.bouquets.models import Bouquet
from bouquet.budgets.models import ALLOCATION_UNITS, Allocation, AllocationKind
from bouquet.budgets.rules import require_manager
from bouquet.core.errors import InvalidInput

NOTE_MAX = 300


@transaction.atomic
def allocate_means(
    *, agent: User, bouquet: Bouquet, kind: str, amount: int, note: str = "", unit: str = ""
) -> Allocation:
    """Give means to a whole bouquet, so that its proposals are answered together rather than one by one."""
    require_manager(agent, _("Seuls les agents de la collectivité allouent des moyens."))
    errors: dict[str, str] = {}
    if kind not in AllocationKind.values:
        errors["kind"] = _("Nature de moyen inconnue.")
    if amount <= 0:
        errors["amount"] = _("Indiquez une quantité positive.")
    if len(note.strip()) > NOTE_MAX:
        errors["note"] = _("%(n)d caractères au plus.") % {"n": NOTE_MAX}
    if errors:
        raise InvalidInput(_("Les moyens n'ont pas été enregistrés."), field_errors=errors)
    return Allocation.objects.create(
        bouquet=bouquet,
        kind=kind,
        amount=amount,
        unit=(unit.strip() or ALLOCATION_UNITS[AllocationKind(kind)])[:20],
        note=note.strip(),
        allocated_by=agent,
    )
