"""Starting initiatives, joining, inviting, answering, leaving and handing over, beneficiaries' places."""

import pytest
from django.db import IntegrityError

from bouquet.accounts.models import User
from bouquet.core.errors import ActionNotAllowed, Conflict, InvalidInput
from bouquet.incubator import rules, services
from bouquet.incubator.models import (
    Initiative,
    InitiativeInvitation,
    JournalKind,
    LeadProfile,
    MemberRole,
    Membership,
    Origin,
)
from bouquet.incubator.selectors import membership_from_token, place_token
from tests.factories import BouquetFactory, PlacementFactory, ProposalFactory, UserFactory
from tests.incubator.factories import facilitator, lead_of, start

pytestmark = pytest.mark.django_db


def test_starter_co_leads_and_the_journal_says_so() -> None:
    lead = UserFactory()
    initiative = start(lead)
    assert rules.is_lead(lead, initiative)
    assert initiative.origin == Origin.SCRATCH
    assert initiative.journal.filter(kind=JournalKind.STARTED).count() == 1
    assert initiative.vector_encoder == "hashing" and initiative.vector


def test_sdgs_are_suggested_and_a_person_confirms_them() -> None:
    lead = UserFactory()
    initiative = start(
        lead, title="Jardin potager partagé", need="Cultiver des fruits et légumes, composter les déchets."
    )
    assert initiative.suggested_sdgs  # the engine's suggestion
    assert initiative.confirmed_sdgs == []
    services.confirm_sdgs(person=lead, initiative=initiative, numbers=[2, 15])
    initiative.refresh_from_db()
    assert initiative.confirmed_sdgs == [2, 15]
    with pytest.raises(InvalidInput):
        services.confirm_sdgs(person=lead, initiative=initiative, numbers=[18])
    with pytest.raises(ActionNotAllowed):
        services.confirm_sdgs(person=UserFactory(), initiative=initiative, numbers=[1])


def test_empty_fields_are_refused_with_a_message_per_field_and_nothing_saved() -> None:
    with pytest.raises(InvalidInput) as refused:
        services.start_initiative(
            starter=UserFactory(), data=services.InitiativeInput(title=" ", need="", for_whom="")
        )
    assert set(refused.value.field_errors) == {"title", "need", "for_whom"}
    assert not Initiative.objects.exists()


def test_from_a_bouquet_invites_the_authors_of_its_proposals() -> None:
    bouquet = BouquetFactory()
    authors = [UserFactory(), UserFactory()]
    for author in authors:
        PlacementFactory(proposal=ProposalFactory(process=bouquet.process, author=author), bouquet=bouquet)
    starter = UserFactory()
    started = services.start_initiative(
        starter=starter,
        data=services.InitiativeInput(title="Des arbres", need="De l'ombre", for_whom="Tout le monde"),
        bouquet=bouquet,
    )
    assert started.initiative.origin == Origin.BOUQUET
    assert {u.pk for u in started.invited} == {a.pk for a in authors}
    assert InitiativeInvitation.objects.filter(initiative=started.initiative).count() == 2


def test_from_a_proposal_invites_its_author_but_not_the_starter() -> None:
    proposal = ProposalFactory()
    started = services.start_initiative(
        starter=proposal.author,
        data=services.InitiativeInput(title="Des arbres", need="De l'ombre", for_whom="Tout le monde"),
        proposal=proposal,
    )
    assert started.initiative.origin == Origin.PROPOSAL
    assert started.invited == []


def test_a_social_worker_records_beneficiaries_with_consent_who_claim_their_place() -> None:
    worker = facilitator()
    started = services.start_initiative(
        starter=worker,
        data=services.InitiativeInput(
            title="Épicerie solidaire", need="Manger mieux", for_whom="Les familles suivies"
        ),
        beneficiaries=[
            services.BeneficiaryInput("Samira", True),
            services.BeneficiaryInput("Jean-Luc", True),
        ],
    )
    initiative = started.initiative
    assert initiative.collective_action and initiative.lead_profile == LeadProfile.BENEFICIARIES
    assert [p.beneficiary_name for p in started.places] == ["Samira", "Jean-Luc"]
    token = place_token(started.places[0])
    samira = UserFactory()
    place = services.claim_place(token=token, person=samira)
    assert place.person == samira and rules.is_member(samira, initiative)
    with pytest.raises(Conflict, match="ne sert qu'une fois"):
        services.claim_place(token=token, person=UserFactory())
    with pytest.raises(Exception, match="pas valide"):
        membership_from_token(token[:-2] + "xx")


def test_a_beneficiary_without_consent_is_refused_and_nothing_is_saved() -> None:
    with pytest.raises(InvalidInput, match="consentement"):
        services.start_initiative(
            starter=facilitator(),
            data=services.InitiativeInput(title="Atelier", need="Se former", for_whom="Les jeunes"),
            beneficiaries=[services.BeneficiaryInput("Léa", True), services.BeneficiaryInput("Tom", False)],
        )
    assert not Initiative.objects.exists() and not Membership.objects.exists()


def test_an_inhabitant_cannot_record_beneficiaries_without_accounts() -> None:
    with pytest.raises(ActionNotAllowed):
        services.start_initiative(
            starter=UserFactory(),
            data=services.InitiativeInput(title="Atelier", need="Se former", for_whom="Les jeunes"),
            beneficiaries=[services.BeneficiaryInput("Léa", True)],
        )


def test_the_database_refuses_a_beneficiary_without_consent() -> None:
    initiative = start()
    with pytest.raises(IntegrityError):
        Membership.objects.create(initiative=initiative, beneficiary=True, beneficiary_name="X")


def test_join_once() -> None:
    initiative = start()
    person = UserFactory()
    services.join_initiative(person=person, initiative=initiative)
    with pytest.raises(Conflict):
        services.join_initiative(person=person, initiative=initiative)


def test_any_co_lead_invites_a_co_lead_and_a_second_identical_invitation_is_refused() -> None:
    lead = UserFactory()
    initiative = start(lead)
    other = UserFactory()
    invitation = services.invite_person(
        inviter=lead, initiative=initiative, person=other, role=MemberRole.LEAD
    )
    with pytest.raises(Conflict, match="attend déjà"):
        services.invite_person(inviter=lead, initiative=initiative, person=other, role=MemberRole.LEAD)
    services.accept_invitation(invitation=invitation, person=other)
    assert rules.is_lead(other, initiative)
    third = UserFactory()
    services.invite_person(inviter=other, initiative=initiative, person=third, role=MemberRole.LEAD)


def test_a_member_invites_members_but_not_co_leads() -> None:
    initiative = start()
    member = UserFactory()
    services.join_initiative(person=member, initiative=initiative)
    with pytest.raises(ActionNotAllowed):
        services.invite_person(
            inviter=member, initiative=initiative, person=UserFactory(), role=MemberRole.LEAD
        )
    services.invite_person(
        inviter=member, initiative=initiative, person=UserFactory(), role=MemberRole.MEMBER
    )


def test_an_invitation_can_be_refused_once_and_only_by_its_person() -> None:
    lead = UserFactory()
    initiative = start(lead)
    guest = UserFactory()
    invitation = services.invite_person(inviter=lead, initiative=initiative, person=guest)
    with pytest.raises(ActionNotAllowed):
        services.refuse_invitation(invitation=invitation, person=UserFactory())
    services.refuse_invitation(invitation=invitation, person=guest)
    assert not rules.is_member(guest, initiative)
    with pytest.raises(Conflict, match="déjà refusé"):
        services.accept_invitation(invitation=invitation, person=guest)
    # once refused, the person may be asked anew
    services.invite_person(inviter=lead, initiative=initiative, person=guest)


def test_a_co_lead_leaves_and_the_initiative_lives_on() -> None:
    first = UserFactory()
    initiative = start(first)
    second = UserFactory()
    invitation = services.invite_person(
        inviter=first, initiative=initiative, person=second, role=MemberRole.LEAD
    )
    services.accept_invitation(invitation=invitation, person=second)
    services.leave_initiative(person=first, initiative=initiative)
    initiative.refresh_from_db()
    assert not initiative.held_by_lab
    assert rules.is_lead(second, initiative)
    assert initiative.journal.filter(kind=JournalKind.LEADERSHIP, text__contains="ne co-porte plus").exists()


def test_the_last_co_lead_must_confirm_then_members_are_asked_and_the_lab_holds_it() -> None:
    lead = UserFactory()
    initiative = start(lead, members=2)
    with pytest.raises(Conflict, match="dernier co-porteur"):
        services.leave_initiative(person=lead, initiative=initiative)
    assert rules.is_lead(lead, initiative)  # nothing changed
    services.leave_initiative(person=lead, initiative=initiative, confirmed=True)
    initiative.refresh_from_db()
    assert initiative.held_by_lab
    asked = InitiativeInvitation.objects.filter(
        initiative=initiative, role=MemberRole.LEAD, answered_at__isnull=True
    )
    assert asked.count() == 2
    entry = initiative.journal.filter(kind=JournalKind.LEADERSHIP).first()
    assert entry is not None and "laboratoire porte" in entry.text
    taker = asked.first().person
    services.take_over(person=taker, initiative=initiative)
    initiative.refresh_from_db()
    assert not initiative.held_by_lab and rules.is_lead(taker, initiative)
    assert "reprend le portage" in initiative.journal.filter(kind=JournalKind.LEADERSHIP).first().text


def test_the_last_co_lead_of_a_group_with_nobody_else_leaves_it_to_the_lab() -> None:
    lead = UserFactory()
    initiative = start(lead)
    services.leave_initiative(person=lead, initiative=initiative, confirmed=True)
    initiative.refresh_from_db()
    assert initiative.held_by_lab
    assert not Membership.objects.filter(initiative=initiative, role=MemberRole.LEAD).exists()
    assert "jusqu'à ce que quelqu'un la reprenne" in initiative.journal.first().text
    # the lab invites a new co-lead to the initiative it holds
    agent = UserFactory(agent=True)
    newcomer = UserFactory()
    invitation = services.invite_person(
        inviter=agent, initiative=initiative, person=newcomer, role=MemberRole.LEAD
    )
    services.accept_invitation(invitation=invitation, person=newcomer)
    initiative.refresh_from_db()
    assert not initiative.held_by_lab


def test_the_lab_assigns_mentors_who_have_the_role() -> None:
    initiative = start()
    agent = UserFactory(agent=True)
    with pytest.raises(InvalidInput):
        services.assign_mentor(lab=agent, initiative=initiative, mentor=UserFactory())
    mentor = UserFactory(role="mentor")
    with pytest.raises(ActionNotAllowed):
        services.assign_mentor(lab=lead_of(initiative), initiative=initiative, mentor=mentor)
    services.assign_mentor(lab=agent, initiative=initiative, mentor=mentor)
    assert rules.is_mentor_of(mentor, initiative)
    with pytest.raises(Conflict):
        services.assign_mentor(lab=agent, initiative=initiative, mentor=mentor)


def test_invitations_travel_and_are_remembered() -> None:
    lead = UserFactory()
    initiative = start(lead)
    friend = UserFactory()
    invitation = services.invite_person(inviter=lead, initiative=initiative, person=friend)
    membership = services.accept_invitation(invitation=invitation, person=friend)
    assert membership.invited_by == lead
    assert isinstance(User.objects.get(pk=friend.pk), User)
