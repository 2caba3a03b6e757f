"""Stages to autonomy: criteria checked from the data or confirmed by a person, moves refused without them."""

import datetime as dt

import pytest
from django.utils import timezone

from bouquet.core.errors import ActionNotAllowed, Conflict, InvalidInput
from bouquet.incubator import services
from bouquet.incubator.models import Check, JournalKind, SpaceEntryKind, Stage, StageCriterion, StageMove
from tests.factories import UserFactory
from tests.incubator.factories import lead_of, mentor, start

pytestmark = pytest.mark.django_db


def test_a_move_without_its_criteria_is_refused_with_what_is_missing() -> None:
    initiative = start(members=1)
    with pytest.raises(Conflict) as refused:
        services.move_stage(person=lead_of(initiative), initiative=initiative, to_stage=Stage.GROUP)
    assert "Au moins trois membres actifs" in refused.value.message
    assert "2 membre(s) sur 3" in refused.value.message
    assert refused.value.status_code == 409
    initiative.refresh_from_db()
    assert initiative.stage == Stage.IDEA and not StageMove.objects.exists()


def test_a_stage_at_a_time() -> None:
    initiative = start(members=2)
    with pytest.raises(Conflict, match="une étape à la fois"):
        services.move_stage(person=lead_of(initiative), initiative=initiative, to_stage=Stage.STRUCTURED)
    with pytest.raises(InvalidInput):
        services.move_stage(person=lead_of(initiative), initiative=initiative, to_stage="nulle-part")


def test_from_idea_to_autonomy_with_every_criterion() -> None:
    initiative = start(members=2)
    lead = lead_of(initiative)
    services.move_stage(person=lead, initiative=initiative, to_stage=Stage.GROUP)
    services.add_entry(
        author=lead,
        initiative=initiative,
        kind=SpaceEntryKind.DECISION,
        title="Nos règles",
        body="On décide à la majorité.",
    )
    services.add_entry(
        author=lead, initiative=initiative, kind=SpaceEntryKind.MEETING, title="Réunion 1", body="…"
    )
    with pytest.raises(Conflict, match="deux réunions"):
        services.move_stage(person=lead, initiative=initiative, to_stage=Stage.STRUCTURED)
    services.add_entry(
        author=lead, initiative=initiative, kind=SpaceEntryKind.MEETING, title="Réunion 2", body="…"
    )
    services.move_stage(person=lead, initiative=initiative, to_stage=Stage.STRUCTURED)
    agent = UserFactory(agent=True)
    guide = mentor()
    services.assign_mentor(lab=agent, initiative=initiative, mentor=guide)
    other = start(title="Repair café")
    services.record_exchange(person=lead_of(other), helped=initiative, helper=other, what="Prêt d'outils")
    services.move_stage(person=agent, initiative=initiative, to_stage=Stage.ACCOMPANIED)
    with pytest.raises(Conflict, match="accord de l'accompagnateur"):
        services.move_stage(person=lead, initiative=initiative, to_stage=Stage.AUTONOMOUS)
    for criterion in StageCriterion.objects.filter(stage=Stage.AUTONOMOUS):
        with pytest.raises(ActionNotAllowed):
            services.confirm_criterion(person=lead, initiative=initiative, criterion=criterion)
        services.confirm_criterion(person=guide, initiative=initiative, criterion=criterion)
    services.move_stage(person=lead, initiative=initiative, to_stage=Stage.AUTONOMOUS)
    initiative.refresh_from_db()
    assert initiative.stage == Stage.AUTONOMOUS and initiative.autonomous_at is not None
    assert StageMove.objects.filter(initiative=initiative).count() == 4
    assert initiative.journal.filter(kind=JournalKind.STAGE, text__contains="Autonome").exists()
    with pytest.raises(Conflict, match="déjà autonome"):
        services.move_stage(person=lead, initiative=initiative, to_stage=Stage.AUTONOMOUS)


def test_automatic_criteria_cannot_be_confirmed_by_hand() -> None:
    initiative = start()
    criterion = StageCriterion.objects.get(stage=Stage.GROUP, verification=Check.ACTIVE_MEMBERS)
    with pytest.raises(Conflict, match="tout seul"):
        services.confirm_criterion(person=UserFactory(agent=True), initiative=initiative, criterion=criterion)


def test_the_lab_edits_criteria_and_they_apply_at_once() -> None:
    agent = UserFactory(agent=True)
    criterion = StageCriterion.objects.get(stage=Stage.GROUP, verification=Check.ACTIVE_MEMBERS)
    services.save_criterion(
        lab=agent,
        criterion=criterion,
        data=services.CriterionInput(
            stage=Stage.GROUP, label="Au moins deux membres actifs", check=Check.ACTIVE_MEMBERS, threshold=2
        ),
    )
    initiative = start(members=1)
    services.move_stage(person=lead_of(initiative), initiative=initiative, to_stage=Stage.GROUP)
    with pytest.raises(ActionNotAllowed):
        services.save_criterion(lab=UserFactory(), data=services.CriterionInput(stage=Stage.GROUP, label="x"))
    with pytest.raises(InvalidInput):
        services.save_criterion(lab=agent, data=services.CriterionInput(stage=Stage.IDEA, label=""))


def test_the_mentor_keeps_a_journal_of_sessions() -> None:
    initiative = start()
    guide = mentor()
    services.assign_mentor(lab=UserFactory(agent=True), initiative=initiative, mentor=guide)
    session = services.record_mentor_session(
        mentor=guide,
        initiative=initiative,
        held_on=timezone.localdate(),
        summary="Statuts de l'association relus.",
    )
    assert session.mentor == guide
    with pytest.raises(ActionNotAllowed):
        services.record_mentor_session(
            mentor=lead_of(initiative), initiative=initiative, held_on=timezone.localdate(), summary="x"
        )
    with pytest.raises(InvalidInput):
        services.record_mentor_session(
            mentor=guide,
            initiative=initiative,
            held_on=timezone.localdate() + dt.timedelta(days=3),
            summary="x",
        )
