"""Stages to autonomy: what each criterion says of an initiative, confirming the ones a person confirms, moving
on (refused without the criteria), the criteria the lab edits, and the mentor's journal of sessions."""

import datetime as dt
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from bouquet.accounts.models import User
from bouquet.core.errors import ActionNotAllowed, Conflict, InvalidInput
from bouquet.incubator import rules
from bouquet.incubator.models import (
    STAGE_ORDER,
    Check,
    CriterionConfirmation,
    Initiative,
    JournalKind,
    MemberRole,
    MentorSession,
    SpaceEntryKind,
    Stage,
    StageCriterion,
    StageMove,
)
from bouquet.incubator.services.initiatives import touch, write_journal


@dataclass(frozen=True, slots=True)
class CriterionState:
    """A criterion and whether the initiative meets it, with what the data shows."""

    criterion: StageCriterion
    met: bool
    automatic: bool
    detail: str


def next_stage(initiative: Initiative) -> Stage | None:
    """The stage after the current one, or None at autonomy."""
    index = STAGE_ORDER.index(Stage(initiative.stage))
    return STAGE_ORDER[index + 1] if index + 1 < len(STAGE_ORDER) else None


def _measure(initiative: Initiative, check: str) -> int:
    """What the data shows for an automatic criterion."""
    if check == Check.ACTIVE_MEMBERS:
        return initiative.memberships.filter(role__in=[MemberRole.LEAD, MemberRole.MEMBER]).count()
    if check == Check.RULES_WRITTEN:
        return initiative.space_entries.filter(kind=SpaceEntryKind.DECISION).count()
    if check == Check.MEETINGS:
        return initiative.space_entries.filter(kind=SpaceEntryKind.MEETING).count()
    if check == Check.RESOURCE_FOUND:
        return initiative.exchanges_received.count()
    if check == Check.MENTOR_ASSIGNED:
        return initiative.memberships.filter(role=MemberRole.MENTOR).count()
    return 0


def _detail(check: str, value: int, threshold: int) -> str:
    if check == Check.ACTIVE_MEMBERS:
        return _("%(value)d membre(s) sur %(threshold)d") % {"value": value, "threshold": threshold}
    if check == Check.RULES_WRITTEN:
        return _("%(value)d décision(s) écrite(s)") % {"value": value}
    if check == Check.MEETINGS:
        return _("%(value)d réunion(s) sur %(threshold)d") % {"value": value, "threshold": threshold}
    if check == Check.RESOURCE_FOUND:
        return _("%(value)d échange(s) reçu(s)") % {"value": value}
    return _("%(value)d accompagnateur(s)") % {"value": value}


def criteria_for(initiative: Initiative, stage: Stage) -> list[CriterionState]:
    """Each criterion to enter ``stage``, met or not, and why."""
    criteria = list(StageCriterion.objects.filter(stage=stage).order_by("position", "id"))
    confirmed = set(
        CriterionConfirmation.objects.filter(initiative=initiative, criterion__in=criteria).values_list(
            "criterion_id", flat=True
        )
    )
    out = []
    for criterion in criteria:
        if criterion.verification == Check.PERSON:
            met = criterion.pk in confirmed
            detail = _("confirmé") if met else _("à confirmer par l'accompagnateur ou le laboratoire")
            out.append(CriterionState(criterion, met, False, str(detail)))
        else:
            value = _measure(initiative, criterion.verification)
            threshold = max(criterion.threshold, 1)
            out.append(
                CriterionState(
                    criterion, value >= threshold, True, _detail(criterion.verification, value, threshold)
                )
            )
    return out


@transaction.atomic
def confirm_criterion(
    *, person: User, initiative: Initiative, criterion: StageCriterion
) -> CriterionConfirmation:
    """The mentor or the lab confirms a criterion the data cannot show (once)."""
    if not rules.can_confirm_criteria(person, initiative):
        raise ActionNotAllowed(
            _("Seuls l'accompagnateur de l'initiative et le laboratoire confirment ce critère.")
        )
    if criterion.verification != Check.PERSON:
        raise Conflict(_("Ce critère se vérifie tout seul à partir des données : il n'y a rien à confirmer."))
    try:
        with transaction.atomic():
            confirmation = CriterionConfirmation.objects.create(
                initiative=initiative, criterion=criterion, confirmed_by=person
            )
    except IntegrityError as error:
        raise Conflict(_("Ce critère est déjà confirmé.")) from error
    write_journal(
        initiative,
        JournalKind.STAGE,
        _("%(who)s confirme le critère « %(label)s ».")
        % {"who": person.public_name, "label": criterion.label},
        actor=person,
    )
    return confirmation


@transaction.atomic
def move_stage(*, person: User, initiative: Initiative, to_stage: str) -> Initiative:
    """Move the initiative to its next stage when every criterion of that stage is met; recorded in the journal.
    Anything else is refused with the criteria that are missing (409)."""
    if not rules.can_move_stage(person, initiative):
        raise ActionNotAllowed(
            _("Seuls les co-porteurs et le laboratoire changent l'étape d'une initiative.")
        )
    locked = Initiative.objects.select_for_update().get(pk=initiative.pk)
    if to_stage not in Stage.values:
        raise InvalidInput(_("Cette étape n'existe pas."), field_errors={"stage": _("Choisissez une étape.")})
    target = next_stage(locked)
    if target is None:
        raise Conflict(_("L'initiative est déjà autonome : c'est la dernière étape."))
    if to_stage != target:
        raise Conflict(
            _("Une initiative avance d'une étape à la fois : après « %(now)s » vient « %(next)s ».")
            % {"now": Stage(locked.stage).label, "next": target.label}
        )
    missing = [state for state in criteria_for(locked, target) if not state.met]
    if missing:
        raise Conflict(
            _("L'initiative ne peut pas passer à l'étape « %(stage)s » : il manque %(missing)s.")
            % {
                "stage": target.label,
                "missing": " ; ".join(f"« {s.criterion.label} » ({s.detail})" for s in missing),
            }
        )
    now = timezone.now()
    StageMove.objects.create(initiative=locked, from_stage=locked.stage, to_stage=target, at=now, by=person)
    locked.stage = target
    locked.stage_since = now
    if target == Stage.AUTONOMOUS:
        locked.autonomous_at = now
    locked.save(update_fields=["stage", "stage_since", "autonomous_at", "updated_at"])
    write_journal(
        locked,
        JournalKind.STAGE,
        _("%(who)s fait passer l'initiative à l'étape « %(stage)s ».")
        % {"who": person.public_name, "stage": target.label},
        actor=person,
    )
    initiative.stage, initiative.stage_since, initiative.autonomous_at = (
        locked.stage,
        now,
        locked.autonomous_at,
    )
    return locked


@dataclass(frozen=True, slots=True)
class CriterionInput:
    stage: str
    label: str
    check: str = Check.PERSON
    threshold: int = 1
    position: int = 0


@transaction.atomic
def save_criterion(
    *, lab: User, data: CriterionInput, criterion: StageCriterion | None = None
) -> StageCriterion:
    """The lab adds or changes a stage criterion."""
    if not rules.runs_lab(lab):
        raise ActionNotAllowed(_("Seul le laboratoire modifie les critères des étapes."))
    errors = {}
    if data.stage not in Stage.values or data.stage == Stage.IDEA:
        errors["stage"] = _("Choisissez l'étape où le critère fait entrer (pas l'idée, qui est le départ).")
    if not data.label.strip():
        errors["label"] = _("Écrivez le critère.")
    if data.check not in Check.values:
        errors["check"] = _("Choisissez comment le critère se vérifie.")
    if data.threshold < 1:
        errors["threshold"] = _("Le seuil vaut au moins 1.")
    if errors:
        raise InvalidInput(_("Le critère n'a pas été enregistré."), field_errors=errors)
    target = criterion or StageCriterion()
    target.stage, target.label, target.verification = data.stage, data.label.strip(), data.check
    target.threshold, target.position = data.threshold, data.position
    target.save()
    return target


@transaction.atomic
def delete_criterion(*, lab: User, criterion: StageCriterion) -> None:
    """The lab removes a criterion (initiatives already past it keep their stage)."""
    if not rules.runs_lab(lab):
        raise ActionNotAllowed(_("Seul le laboratoire modifie les critères des étapes."))
    criterion.delete()


@transaction.atomic
def record_mentor_session(
    *, mentor: User, initiative: Initiative, held_on: dt.date, summary: str, next_steps: str = ""
) -> MentorSession:
    """The initiative's mentor writes a session in their journal."""
    if not rules.is_mentor_of(mentor, initiative):
        raise ActionNotAllowed(_("Seul l'accompagnateur de l'initiative écrit son journal d'accompagnement."))
    if not summary.strip():
        message = _("Dites ce qui a été fait pendant la séance.")
        raise InvalidInput(message, field_errors={"summary": message})
    if held_on > timezone.localdate():
        message = _("Une séance se note une fois tenue : la date est dans le futur.")
        raise InvalidInput(message, field_errors={"held_on": message})
    session = MentorSession.objects.create(
        initiative=initiative,
        mentor=mentor,
        held_on=held_on,
        summary=summary.strip(),
        next_steps=next_steps.strip(),
    )
    touch(initiative)
    return session
