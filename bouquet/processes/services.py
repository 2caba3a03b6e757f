"""Writes on processes: the demo and the tests open processes in one go (``create_process``); the authority
prepares one in the back-office, then adds its phases one by one, publishes it and closes it."""

import datetime as dt
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field

from django.core.files.base import File
from django.db import transaction
from django.db.models import ProtectedError, RestrictedError
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from bouquet.accounts.models import User
from bouquet.accounts.rules import is_agent
from bouquet.core.errors import ActionNotAllowed, Conflict, InvalidInput
from bouquet.core.files import swap_file
from bouquet.core.french import format_date
from bouquet.core.images import clean_image
from bouquet.places.models import District, Moderation, Place
from bouquet.processes.models import Component, Phase, PhaseKind, Process, ProcessStatus, default_components
from bouquet.processes.timeline import Span


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
    place: Place | None = None,
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
        place=place,
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


# ---- the back-office: a process prepared, published, closed ------------------------------------------------


@dataclass(frozen=True)
class ProcessInput:
    title: str
    summary: str
    description: str
    district: District | None = None
    place: Place | None = None
    image_alt: str = ""
    components: Collection[Component] = field(
        default_factory=lambda: [Component(value) for value in default_components()]
    )


def require_agent(user: object) -> None:
    """Refuse anyone but agents and administrators (403)."""
    if not is_agent(user):
        raise ActionNotAllowed(_("Seuls les agents de la collectivité préparent les démarches."))


def _unique_slug(title: str) -> str:
    base = slugify(title)[:190] or "demarche"
    taken = set(Process.objects.filter(slug__startswith=base).values_list("slug", flat=True))
    slug, number = base, 1
    while slug in taken:
        number += 1
        slug = f"{base}-{number}"
    return slug


def _check_process(data: ProcessInput, *, has_image: bool) -> None:
    errors: dict[str, str] = {}
    for name in ("title", "summary", "description"):
        if not getattr(data, name).strip():
            errors[name] = _("Ce champ est obligatoire.")
    if has_image and not data.image_alt.strip():
        errors["image_alt"] = _("Décrivez l'image en quelques mots pour les personnes qui ne la voient pas.")
    if data.place is not None and data.place.moderation != Moderation.PUBLISHED:
        errors["place"] = _("Ce lieu n'est pas encore publié : choisissez un lieu publié.")
    unknown = [c for c in data.components if c not in Component.values]
    if unknown:
        errors["components"] = _("Composant inconnu.")
    if errors:
        raise InvalidInput(_("La démarche n'est pas complète."), field_errors=errors)


@transaction.atomic
def prepare_process(*, agent: User, data: ProcessInput, image: File[bytes] | None = None) -> Process:
    """Create a process in preparation (not published): the authority adds its phases, then publishes it."""
    require_agent(agent)
    _check_process(data, has_image=image is not None)
    picture = clean_image(image, field="image") if image is not None else None
    process = Process(
        title=data.title.strip(),
        slug=_unique_slug(data.title),
        summary=data.summary.strip(),
        description=data.description.strip(),
        district=data.district,
        place=data.place,
        image_alt=data.image_alt.strip() if picture else "",
        components=[c.value for c in Component if c in data.components],
        is_published=False,
        created_by=agent,
    )
    if picture is not None:
        process.image.save(picture.name or "image", picture, save=False)
    process.save()
    return process


@transaction.atomic
def update_process(
    *,
    agent: User,
    process: Process,
    data: ProcessInput,
    image: File[bytes] | None = None,
    remove_image: bool = False,
) -> Process:
    """Change what a process says and which components it uses (its address stays: links keep working)."""
    require_agent(agent)
    keeps_image = bool(process.image) and not remove_image
    _check_process(data, has_image=image is not None or keeps_image)
    picture = clean_image(image, field="image") if image is not None else None
    process.title = data.title.strip()
    process.summary = data.summary.strip()
    process.description = data.description.strip()
    process.district = data.district
    process.place = data.place
    process.components = [c.value for c in Component if c in data.components]
    swap_file(process, "image", picture, remove=remove_image, default_name="image")
    process.image_alt = data.image_alt.strip() if process.image else ""
    process.save()
    return process


@transaction.atomic
def publish_process(*, agent: User, process: Process) -> Process:
    """Show a prepared process to the public; it needs at least one phase."""
    require_agent(agent)
    process = Process.objects.select_for_update().get(pk=process.pk)
    if process.status != ProcessStatus.DRAFT:
        raise Conflict(_("Cette démarche est déjà publiée."))
    if not process.phases.exists():
        raise Conflict(_("Ajoutez au moins une phase avant de publier la démarche."))
    process.is_published = True
    process.save(update_fields=["is_published", "updated_at"])
    return process


@transaction.atomic
def close_process(*, agent: User, process: Process) -> Process:
    """Close a published process: it stays readable, and nobody can propose, support or vote any more."""
    require_agent(agent)
    process = Process.objects.select_for_update().get(pk=process.pk)
    if process.status != ProcessStatus.OPEN:
        raise Conflict(_("Seule une démarche publiée et ouverte peut être clôturée."))
    process.closed_at = timezone.now()
    process.save(update_fields=["closed_at", "updated_at"])
    return process


@transaction.atomic
def reopen_process(*, agent: User, process: Process) -> Process:
    """Open a closed process again: its phases decide once more what one may do."""
    require_agent(agent)
    process = Process.objects.select_for_update().get(pk=process.pk)
    if process.status != ProcessStatus.CLOSED:
        raise Conflict(_("Cette démarche n'est pas clôturée."))
    process.closed_at = None
    process.save(update_fields=["closed_at", "updated_at"])
    return process


# ---- phases, one by one, checked against the calendar ------------------------------------------------------


def _day(day: dt.date) -> str:
    return format_date(day)


def _check_phase(process: Process, spec: PhaseSpec, *, phase: Phase | None, today: dt.date) -> None:
    """Refuse a phase that ends before it starts, a vote that starts in the past, or one that overlaps."""
    errors: dict[str, str] = {}
    if spec.kind not in PhaseKind.values:
        errors["kind"] = _("Type de phase inconnu.")
    if spec.ends_on < spec.starts_on:
        errors["ends_on"] = _("La date de fin est avant la date de début.")
    moves_vote_start = phase is None or phase.kind != PhaseKind.VOTE or phase.starts_on != spec.starts_on
    if spec.kind == PhaseKind.VOTE and moves_vote_start and spec.starts_on < today:
        errors["starts_on"] = _(
            "Un vote ne peut pas commencer dans le passé : choisissez aujourd'hui ou une date à venir."
        )
    if errors:
        raise InvalidInput(_("Les dates de la phase ne conviennent pas."), field_errors=errors)
    mine = Span(spec.starts_on, spec.ends_on)
    others = process.phases.exclude(pk=phase.pk) if phase is not None else process.phases.all()
    for other in others.order_by("starts_on", "id"):
        if other.starts_on <= mine.ends_on and mine.starts_on <= other.ends_on:
            message = _("Cette phase chevauche « %(title)s » (du %(start)s au %(end)s).") % {
                "title": other.display_title,
                "start": _day(other.starts_on),
                "end": _day(other.ends_on),
            }
            field_name = "starts_on" if other.starts_on <= mine.starts_on else "ends_on"
            raise Conflict(message, field_errors={field_name: message})


@transaction.atomic
def add_phase(*, agent: User, process: Process, spec: PhaseSpec) -> Phase:
    """Add a phase to a process's calendar; phases follow each other without overlapping."""
    require_agent(agent)
    process = Process.objects.select_for_update().get(pk=process.pk)  # two agents adding phases take turns
    _check_phase(process, spec, phase=None, today=timezone.localdate())
    return Phase.objects.create(
        process=process,
        kind=spec.kind,
        title=spec.title.strip(),
        description=spec.description.strip(),
        starts_on=spec.starts_on,
        ends_on=spec.ends_on,
    )


@transaction.atomic
def update_phase(*, agent: User, phase: Phase, spec: PhaseSpec) -> Phase:
    """Change a phase: its kind, title, description or dates, checked against the rest of the calendar."""
    require_agent(agent)
    process = Process.objects.select_for_update().get(pk=phase.process_id)
    phase = Phase.objects.get(pk=phase.pk)
    _check_phase(process, spec, phase=phase, today=timezone.localdate())
    if phase.kind != spec.kind and phase.budgets.exists():
        message = _("Un budget participatif vote pendant cette phase : elle reste une phase de vote.")
        raise Conflict(message, field_errors={"kind": message})
    phase.kind = spec.kind
    phase.title = spec.title.strip()
    phase.description = spec.description.strip()
    phase.starts_on, phase.ends_on = spec.starts_on, spec.ends_on
    phase.save()
    return phase


@transaction.atomic
def delete_phase(*, agent: User, phase: Phase) -> None:
    """Take a phase out of the calendar, unless a budget votes during it."""
    require_agent(agent)
    try:
        phase.delete()
    except (ProtectedError, RestrictedError) as error:
        raise Conflict(
            _("Un budget participatif vote pendant cette phase : supprimez ou déplacez d'abord le budget.")
        ) from error
