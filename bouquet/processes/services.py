"""Writes on processes."""

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from bouquet.accounts.models import User
from bouquet.core.errors import InvalidInput
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
def add_phase(*, process: Process, spec: PhaseSpec) -> Phase:
    """Add one phase to a process's calendar (for example the vote phase a budget needs)."""
    if spec.ends_on < spec.starts_on:
        raise InvalidInput(
            _("La phase se termine avant de commencer."), field_errors={"ends_on": _("Date de fin trop tôt.")}
        )
    return Phase.objects.create(
        process=process,
        kind=spec.kind,
        title=spec.title,
        description=spec.description,
        starts_on=spec.starts_on,
        ends_on=spec.ends_on,
    )
