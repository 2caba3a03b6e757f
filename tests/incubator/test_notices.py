"""Invitations, matches and hand-overs reach people through the notifications; members follow their initiative."""

import pytest

from bouquet.incubator import services
from bouquet.incubator.models import MemberRole
from bouquet.notifications.models import Follow, Notification
from tests.factories import DistrictFactory, UserFactory
from tests.incubator.factories import lead_of, skills, start

pytestmark = pytest.mark.django_db


def test_an_invitation_reaches_the_invited_person() -> None:
    initiative = start()
    guest = UserFactory()
    services.invite_person(
        inviter=lead_of(initiative), initiative=initiative, person=guest, role=MemberRole.LEAD
    )
    notice = Notification.objects.get(recipient=guest)
    assert notice.kind == "incubator.invitation" and notice.context["role"] == "co-porteur·se"


def test_members_follow_and_hear_of_exchanges_and_leavers_stop() -> None:
    initiative = start(members=1)
    member = initiative.memberships.get(role=MemberRole.MEMBER).person
    assert Follow.objects.filter(user=member).exists()
    other = start(title="Repair café")
    services.record_exchange(person=lead_of(other), helped=initiative, helper=other, what="Une perceuse")
    assert Notification.objects.filter(recipient=member, kind="incubator.exchange").exists()
    services.leave_initiative(person=member, initiative=initiative)
    assert not Follow.objects.filter(user=member).exists()


def test_a_new_need_tells_the_people_whose_energy_fits_it() -> None:
    north = DistrictFactory(name="Nord")
    initiative = start(district=north)
    gardener = UserFactory()
    services.save_energy(
        person=gardener,
        data=services.EnergyInput(skills=skills("jardinage"), hours_per_month=4, districts=[north]),
    )
    stranger = UserFactory()
    services.save_energy(person=stranger, data=services.EnergyInput(skills=skills("comptabilite")))
    services.publish_need(
        person=lead_of(initiative),
        initiative=initiative,
        data=services.ResourceInput(
            kind="skill", title="Jardinier", skills=skills("jardinage"), hours_per_month=4
        ),
    )
    told = Notification.objects.get(recipient=gardener, kind="incubator.match")
    assert "jardinage" in told.context["reason"]
    assert not Notification.objects.filter(recipient=stranger).exists()


def test_the_lab_hears_when_the_last_co_lead_leaves() -> None:
    agent = UserFactory(agent=True)
    initiative = start()
    services.leave_initiative(person=lead_of(initiative), initiative=initiative, confirmed=True)
    assert Notification.objects.filter(recipient=agent, kind="incubator.handover").exists()
