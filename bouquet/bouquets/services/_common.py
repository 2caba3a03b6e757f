"""Checks shared by the bouquets services."""

from collections.abc import Iterable
from typing import Any

from django.db import models
from django.utils.translation import gettext as _

from bouquet.accounts.models import User
from bouquet.bouquets.engine import SdgSuggestion
from bouquet.bouquets.models import Bouquet
from bouquet.bouquets.rules import can_curate
from bouquet.core.errors import ActionNotAllowed
from bouquet.processes.models import Process

_HOLDING = (models.PROTECT, models.RESTRICT)


def require_curator(agent: User, process: Process) -> None:
    """Refuse anyone but the authority's agents."""
    if not can_curate(agent, process):
        raise ActionNotAllowed(_("Seuls les agents de la collectivité organisent les bouquets."))


def sdg_rows(suggestions: Iterable[SdgSuggestion]) -> list[dict[str, Any]]:
    """SDG suggestions as stored in a JSON field."""
    return [{"number": s.number, "name": s.name, "score": round(float(s.score), 3)} for s in suggestions]


def referenced_bouquet_ids(
    bouquets: "models.QuerySet[Bouquet]", *, carried: Iterable[type[models.Model]] = ()
) -> set[int]:
    """Bouquets that rows of another model hold on to, so that deleting them would lose or orphan something.

    A link holds a bouquet when deleting is refused (PROTECT, RESTRICT: means given to it), or when it comes
    from another app, whatever its ``on_delete`` (a budget project made from the bouquet, which SET_NULL would
    silently orphan). This app's own bookkeeping (placements, the curation log) holds nothing, nor do the models
    in ``carried``, which the caller moves elsewhere first. Django's relation metadata finds them, so this app
    imports none of the apps above it; unlike waiting for a ``ProtectedError``, it also sees links that would be
    set to NULL, and asks one query per relation rather than one deletion per bouquet."""
    skipped = set(carried)
    held: set[int] = set()
    for relation in Bouquet._meta.related_objects:
        model = relation.related_model
        if not isinstance(model, type) or model in skipped:
            continue
        elsewhere = model._meta.app_label != Bouquet._meta.app_label
        if elsewhere or getattr(relation, "on_delete", None) in _HOLDING:
            held |= set(bouquets.filter(**{f"{relation.name}__isnull": False}).values_list("pk", flat=True))
    return held


def held_bouquet_ids(bouquets: "models.QuerySet[Bouquet]") -> set[int]:
    """Bouquets that keep their identity (row and key) across regroupings: pinned ones and referenced ones."""
    return set(bouquets.filter(pinned=True).values_list("pk", flat=True)) | referenced_bouquet_ids(bouquets)
