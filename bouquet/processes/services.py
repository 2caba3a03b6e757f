"""Writes on processes."""

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from django.db import transaction
from django.utils.formats import date_format
from django.utils.text import slugify
from django.utils.translation import gettext as _

from bouquet.accounts.models import User
from bouquet.accounts.rules import is_agent
from bouquet.core.errors import ActionNotAllowed, Conflict, InvalidInput
from bouquet.places.models import District
from bouquet.processes.models import Phase, PhaseKind, Process


@dataclass(frozen=True)
class PhaseSpec:
    kind: PhaseKind
    starts_on: dt.date
    ends_on: dt.date
    title: str = ""
    description: str = ""


@transaction.atomic
def create_process(
    *,
    title: str,
    summary: str,
    description: str,
    phases: Sequence[PhaseSpec],
    district: District | None = None,
    created_by: User | None = None,
    slug: str | None = None,
) -> Process:
    """Open a participatory process with its phases."""
    errors: dict[str, str] = {}
    for index, spec in enumerate(phases):
        if spec.ends_on < spec.starts_on:
            errors[f"phases.{index}"] = _("La phase se termine avant de commencer.")
    if errors:
        raise InvalidInput(_("Les dates des phases ne sont pas cohérentes."), field_errors=errors)
    process = Process.objects.create(
        title=title,
        slug=slug or slugify(title)[:200],
        summary=summary,
        description=description,
        district=district,
        created_by=created_by,
    )
    Phase.objects.bulk_create(
        Phase(
            process=process,
            kind=spec.kind,
            title=spec.title,
            description=spec.description,
            starts_on=spec.starts_on,
            ends_on=spec.ends_on,
        )
        for spec in phases
    )
    return process


@transaction.atomic
def reschedule_phase(*, phase: Phase, starts_on: dt.date, ends_on: dt.date) -> Phase:
    """Move a phase in the calendar (an agent extends or shifts it)."""
    if ends_on < starts_on:
        raise InvalidInput(
            _("La phase se termine avant de commencer."), field_errors={"ends_on": _("Date de fin trop tôt.")}
        )
    phase.starts_on, phase.ends_on = starts_on, ends_on
    phase.save(update_fields=["starts_on", "ends_on", "updated_at"])
    return phase


@transaction.atomic
def add_phase(*, agent: User, process: Process, spec: PhaseSpec) -> Phase:
    """Add one phase to a process's calendar (for example the vote phase a budget needs); phases do not overlap."""
    if not is_agent(agent):
        raise ActionNotAllowed(
            _("Seuls les agents de la collectivité modifient le calendrier d'une démarche.")
        )
    if spec.ends_on < spec.starts_on:
        raise InvalidInput(
            _("La phase se termine avant de commencer."), field_errors={"ends_on": _("Date de fin trop tôt.")}
        )
    process = Process.objects.select_for_update().get(pk=process.pk)  # two agents adding phases take turns
    overlapping = (
        process.phases.filter(starts_on__lte=spec.ends_on, ends_on__gte=spec.starts_on)
        .order_by("starts_on")
        .first()
    )
    if overlapping is not None:
        message = _("Cette phase chevauche « %(title)s » (du %(start)s au %(end)s).") % {
            "title": overlapping.display_title,
            "start": date_format(overlapping.starts_on, "j F Y"),
            "end": date_format(overlapping.ends_on, "j F Y"),
        }
        field = "starts_on" if overlapping.starts_on <= spec.starts_on else "ends_on"
        raise Conflict(message, field_errors={field: message})
    return Phase.objects.create(
        process=process,
        kind=spec.kind,
        title=spec.title,
        description=spec.description,
        starts_on=spec.starts_on,
        ends_on=spec.ends_on,
    )
