"""Workshops and contributions on someone's behalf: services on SQLite and PostgreSQL."""

import datetime as dt
import uuid

import pytest
from django.db.models import Count
from django.utils import timezone

from bouquet.accounts.models import User
from bouquet.core.errors import ActionNotAllowed, Conflict, InvalidInput
from bouquet.notifications.models import Notification
from bouquet.outreach import services
from bouquet.outreach.models import Contribution, Contributor, Registration, Workshop
from bouquet.outreach.services import GatheredInput, record_contribution
from bouquet.processes.models import PhaseKind, Process
from bouquet.proposals.models import Origin, Proposal, Support
from bouquet.proposals.services import add_support
from tests.factories import ProcessFactory, ProposalFactory, UserFactory
from tests.outreach.conftest import person

pytestmark = pytest.mark.django_db(transaction=True)

BODY = "Installer des composteurs partagés au pied des immeubles du quartier."


def _gather(facilitator: User, process: Process, **kwargs: object) -> Contribution:
    data = {
        "process": process,
        "person": person(),
        "title": "Des composteurs partagés",
        "body": BODY,
        **kwargs,
    }
    return record_contribution(facilitator=facilitator, data=GatheredInput(**data))  # type: ignore[arg-type]


def test_a_contribution_becomes_a_proposal_authored_by_the_facilitator_with_its_origin(
    facilitator: User, proposals_process: Process, workshop: Workshop
) -> None:
    contribution = _gather(facilitator, proposals_process, workshop=workshop)
    proposal = contribution.proposal
    assert (proposal.author, proposal.origin, proposal.process) == (
        facilitator,
        Origin.WORKSHOP,
        proposals_process,
    )
    assert contribution.kind == Contribution.Kind.PROPOSAL
    assert contribution.contributor.name == "Zoé"
    assert contribution.said_on == timezone.localdate()
    street = _gather(facilitator, proposals_process, person=person("Ali"), title="Un banc à l'ombre")
    assert street.proposal.origin == Origin.OUTREACH


def test_without_consent_nothing_is_saved(facilitator: User, proposals_process: Process) -> None:
    with pytest.raises(InvalidInput) as refusal:
        _gather(facilitator, proposals_process, person=person(consent=False))
    assert "consentement" in str(refusal.value.field_errors["consent"])
    assert not Proposal.objects.exists()
    assert not Contributor.objects.exists()


def test_a_date_in_the_future_is_refused(facilitator: User, proposals_process: Process) -> None:
    with pytest.raises(InvalidInput, match="futur"):
        _gather(facilitator, proposals_process, said_on=timezone.localdate() + dt.timedelta(days=1))
    assert not Proposal.objects.exists()


def test_a_facilitator_of_another_process_is_refused_in_french(facilitator: User) -> None:
    other = ProcessFactory(current_phase=PhaseKind.PROPOSALS)
    with pytest.raises(ActionNotAllowed, match="Vous n'animez pas la démarche"):
        _gather(facilitator, other)
    with pytest.raises(ActionNotAllowed):
        _gather(UserFactory(), other)
    assert not Proposal.objects.exists()


def test_the_same_entry_sent_twice_records_once(facilitator: User, proposals_process: Process) -> None:
    key = uuid.uuid4()
    first = _gather(facilitator, proposals_process, submission_key=key)
    again = _gather(facilitator, proposals_process, submission_key=key)
    assert first.pk == again.pk
    assert Proposal.objects.count() == 1
    assert Contribution.objects.count() == 1


def test_a_voice_on_behalf_counts_once_per_person(facilitator: User, proposals_process: Process) -> None:
    existing = ProposalFactory(process=proposals_process)
    voice = _gather(
        facilitator, proposals_process, join=existing, person=person("Zoé", contact="zoe@exemple.fr")
    )
    assert voice.kind == Contribution.Kind.SUPPORT
    existing.refresh_from_db()
    assert existing.support_count == 1
    # the same person (same contact, even with another name) again: refused, still one
    with pytest.raises(Conflict, match="ne compte qu'une fois"):
        _gather(
            facilitator, proposals_process, join=existing, person=person("Zozo", contact="ZOE@exemple.fr")
        )
    # without a contact, first name and district make the identity
    _gather(facilitator, proposals_process, join=existing, person=person("Ali"))
    with pytest.raises(Conflict):
        _gather(facilitator, proposals_process, join=existing, person=person("ali"))
    existing.refresh_from_db()
    assert existing.support_count == 2


def test_an_online_support_and_a_paper_one_of_the_same_person_count_once(
    facilitator: User, supports_process: Process
) -> None:
    from tests.factories import RoleGrantFactory  # noqa: PLC0415

    RoleGrantFactory(person=facilitator, role="facilitator", process=supports_process)
    proposal = ProposalFactory(process=supports_process)
    zoe = UserFactory(email="zoe@exemple.fr")
    add_support(citizen=zoe, proposal=proposal)  # online first
    _gather(facilitator, supports_process, join=proposal, person=person("Zoé", contact="zoe@exemple.fr"))
    proposal.refresh_from_db()
    assert proposal.support_count == 2  # nobody knows yet that they are one person

    assert services.claim_contributions(user=zoe, contact="Zoe@Exemple.fr") == 1
    proposal.refresh_from_db()
    assert proposal.support_count == 1 == Support.objects.filter(proposal=proposal).count()

    # once claimed, a new voice on paper for a proposal she supports online is refused
    other = ProposalFactory(process=supports_process)
    add_support(citizen=zoe, proposal=other)
    with pytest.raises(Conflict, match="en ligne"):
        _gather(facilitator, supports_process, join=other, person=person("Zoé", contact="zoe@exemple.fr"))
    # and a voice on paper, once claimed, makes her online support a no-op
    third = ProposalFactory(process=supports_process)
    _gather(facilitator, supports_process, join=third, person=person("Zoé", contact="zoe@exemple.fr"))
    _support, created = add_support(citizen=zoe, proposal=third)
    third.refresh_from_db()
    assert (created, third.support_count) == (False, 1)


def test_claiming_tells_the_facilitator_and_needs_the_accounts_email(
    facilitator: User, proposals_process: Process
) -> None:
    _gather(facilitator, proposals_process, person=person("Zoé", contact="zoe@exemple.fr"))
    stranger = UserFactory(email="autre@exemple.fr")
    with pytest.raises(InvalidInput, match="n'est pas l'adresse e-mail de votre compte"):
        services.claim_contributions(user=stranger, contact="zoe@exemple.fr")
    zoe = UserFactory(email="zoe@exemple.fr")
    assert services.claim_contributions(user=zoe, contact="zoe@exemple.fr") == 1
    assert (
        Notification.objects.filter(recipient=facilitator, kind="outreach.contribution_claimed").count() == 1
    )
    assert services.claim_contributions(user=zoe, contact="zoe@exemple.fr") == 0


def test_registration_fills_seats_then_a_waiting_list_promoted_on_cancellation(workshop: Workshop) -> None:
    services.publish_workshop(facilitator=workshop.facilitator, workshop=workshop)
    first, second, third = UserFactory(), UserFactory(), UserFactory()
    states = [
        services.register_for_workshop(person=p, workshop=workshop).state for p in (first, second, third)
    ]
    assert states == ["confirmed", "confirmed", "waiting"]
    assert services.register_for_workshop(person=third, workshop=workshop).state == "waiting"  # idempotent
    promoted = services.cancel_registration(person=first, workshop=workshop)
    assert promoted is not None and promoted.person == third
    assert Registration.objects.get(person=third).state == Registration.State.CONFIRMED
    assert Notification.objects.filter(recipient=third, kind="outreach.seat_freed").count() == 1


def test_seats_are_never_given_twice_under_concurrency(workshop: Workshop) -> None:
    from tests.concurrency import run_together  # noqa: PLC0415

    services.publish_workshop(facilitator=workshop.facilitator, workshop=workshop)
    people = [UserFactory() for _ in range(8)]

    def work(index: int) -> None:
        services.register_for_workshop(person=people[index], workshop=workshop)

    assert run_together(work, count=8) == []
    counts = dict(Registration.objects.values_list("state").annotate(n=Count("pk")))
    assert counts == {"confirmed": 2, "waiting": 6}


def test_reminders_go_once_to_the_people_registered(workshop: Workshop) -> None:
    services.publish_workshop(facilitator=workshop.facilitator, workshop=workshop)
    attendee = UserFactory()
    services.register_for_workshop(person=attendee, workshop=workshop)
    assert services.send_workshop_reminders(now=workshop.starts_at - dt.timedelta(days=2)) == 0
    soon = workshop.starts_at - dt.timedelta(hours=5)
    assert services.send_workshop_reminders(now=soon) == 1
    assert services.send_workshop_reminders(now=soon) == 0
    assert Notification.objects.filter(recipient=attendee, kind="outreach.workshop_reminder").count() == 1


def test_the_report_after_the_workshop(workshop: Workshop, facilitator: User) -> None:
    with pytest.raises(InvalidInput):
        services.record_report(
            facilitator=facilitator,
            workshop=workshop,
            attendance=1,
            named_attendees=["A", "B"],
            minutes="",
            outcomes="",
        )
    services.record_report(
        facilitator=facilitator,
        workshop=workshop,
        attendance=14,
        named_attendees=["Camille", " ", "Karim"],
        minutes="Tour de table.",
        outcomes="Trois composteurs.",
    )
    workshop.refresh_from_db()
    assert (workshop.attendance, workshop.named_attendees) == (14, ["Camille", "Karim"])
    with pytest.raises(ActionNotAllowed):
        services.record_report(
            facilitator=UserFactory(),
            workshop=workshop,
            attendance=1,
            named_attendees=[],
            minutes="",
            outcomes="",
        )


def test_the_reminder_command_reminds_once(workshop: Workshop) -> None:
    import io  # noqa: PLC0415

    from django.core.management import call_command  # noqa: PLC0415

    services.publish_workshop(facilitator=workshop.facilitator, workshop=workshop)
    Workshop.objects.filter(pk=workshop.pk).update(
        starts_at=timezone.now() + dt.timedelta(hours=3), ends_at=timezone.now() + dt.timedelta(hours=5)
    )
    services.register_for_workshop(person=UserFactory(), workshop=workshop)
    out = io.StringIO()
    call_command("send_workshop_reminders", stdout=out)
    call_command("send_workshop_reminders", stdout=out)
    assert out.getvalue().splitlines() == ["1 rappel(s) envoyé(s).", "0 rappel(s) envoyé(s)."]


def test_one_persons_voice_counts_once_under_concurrency(
    facilitator: User, proposals_process: Process
) -> None:
    from tests.concurrency import run_together  # noqa: PLC0415

    proposal = ProposalFactory(process=proposals_process)

    def work(index: int) -> None:
        try:
            _gather(
                facilitator, proposals_process, join=proposal, person=person("Zoé", contact="zoe@exemple.fr")
            )
        except Conflict:
            pass

    assert run_together(work, count=8) == []
    proposal.refresh_from_db()
    assert proposal.support_count == 1
    assert Contribution.objects.filter(proposal=proposal).count() == 1
    assert Contributor.objects.count() == 1
