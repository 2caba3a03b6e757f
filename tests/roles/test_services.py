"""Invitations, acceptance and revocation of roles; who may moderate where."""

import datetime as dt
import re

import pytest
from django.core import mail
from django.utils import timezone

from bouquet.accounts.models import Role, User
from bouquet.core.errors import ActionNotAllowed, Conflict, InvalidInput
from bouquet.proposals.models import Moderation, ModerationDecision
from bouquet.proposals.rules import can_moderate, can_read
from bouquet.proposals.services import moderate_item
from bouquet.roles import rules, services
from bouquet.roles.models import Invitation, RoleGrant
from bouquet.roles.selectors import (
    InvitationNotFound,
    invitation_from_token,
    invitation_token,
    people_with_roles,
)
from tests.factories import (
    CommentFactory,
    DistrictFactory,
    ProcessFactory,
    ProposalFactory,
    RoleGrantFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def _link(token: str) -> str:
    return f"https://participation.example/invitation/{token}/"


def _invite(
    inviter: User, email: str = "nouvelle@exemple.fr", role: Role = Role.MODERATOR, **scope
) -> Invitation:
    return services.invite_person(inviter=inviter, email=email, role=role, link_for=_link, **scope)


def _token_in_mail() -> str:
    match = re.search(r"/invitation/([^/\s]+)/", mail.outbox[-1].body)
    assert match is not None
    return match.group(1)


def test_an_invitation_sends_a_signed_link_that_names_it() -> None:
    agent = UserFactory(agent=True)
    process = ProcessFactory(title="Budget 2027")
    invitation = _invite(agent, "Nouvelle@Exemple.fr", process=process)
    assert invitation.email == "nouvelle@exemple.fr" and invitation.invited_by == agent
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["nouvelle@exemple.fr"]
    assert "Modérateur·rice de la démarche « Budget 2027 »" in mail.outbox[0].body
    assert invitation_from_token(_token_in_mail()) == invitation


@pytest.mark.parametrize("change", [lambda t: t[:-1] + ("A" if t[-1] != "A" else "B"), lambda t: "x" + t])
def test_a_tampered_token_names_no_invitation(change) -> None:
    invitation = _invite(UserFactory(agent=True))
    with pytest.raises(InvitationNotFound) as error:
        invitation_from_token(change(invitation_token(invitation)))
    assert error.value.status_code == 404 and "n'est pas valide" in str(error.value.message)


def test_accepting_creates_the_account_and_gives_the_role_once() -> None:
    agent = UserFactory(agent=True)
    process = ProcessFactory()
    invitation = _invite(agent, process=process)
    person = services.accept_invitation_with_new_account(
        invitation=invitation, display_name="Nadia", password="un-mot-de-passe-solide"
    )
    assert person.email == "nouvelle@exemple.fr" and person.check_password("un-mot-de-passe-solide")
    assert person.emailaddress_set.get().verified  # the link reached that mailbox
    grant = RoleGrant.objects.get(person=person)
    assert (grant.role, grant.process, grant.granted_by) == (Role.MODERATOR, process, agent)
    invitation.refresh_from_db()
    assert invitation.accepted_by == person and invitation.accepted_at is not None
    with pytest.raises(Conflict, match="déjà été acceptée"):
        services.accept_invitation(invitation=invitation, person=person)
    assert RoleGrant.objects.count() == 1


def test_an_existing_account_accepts_a_territory_role() -> None:
    admin = UserFactory(role=Role.ADMINISTRATOR)
    person = UserFactory(email="agent@exemple.fr")
    invitation = _invite(admin, "agent@exemple.fr", Role.AGENT)
    services.accept_invitation(invitation=invitation, person=person)
    person.refresh_from_db()
    assert person.role == Role.AGENT
    [holder] = [h for h in people_with_roles() if h.person == person]
    assert holder.granted_by_name == admin.public_name and holder.since is not None and holder.grant is None


def test_only_the_invited_address_accepts() -> None:
    invitation = _invite(UserFactory(agent=True), process=ProcessFactory())
    with pytest.raises(ActionNotAllowed, match="adressée à nouvelle@exemple.fr"):
        services.accept_invitation(invitation=invitation, person=UserFactory())
    assert not RoleGrant.objects.exists()


def test_an_address_that_already_has_the_role_is_refused_with_409() -> None:
    agent = UserFactory(agent=True)
    process = ProcessFactory()
    grant = RoleGrantFactory(process=process, person=UserFactory(email="deja@exemple.fr"))
    with pytest.raises(Conflict) as error:
        _invite(agent, "DEJA@exemple.fr", process=process)
    assert error.value.status_code == 409 and "est déjà Modérateur·rice de la démarche" in str(
        error.value.message
    )
    UserFactory(email="global@exemple.fr", role=Role.MODERATOR)
    with pytest.raises(Conflict, match="sur tout le territoire"):
        _invite(agent, "global@exemple.fr", process=process)
    assert not Invitation.objects.exists() and not mail.outbox
    # Another process is another role.
    assert _invite(agent, "deja@exemple.fr", process=ProcessFactory()).pk
    assert grant.pk


def test_the_same_invitation_twice_is_refused() -> None:
    agent = UserFactory(agent=True)
    district = DistrictFactory()
    _invite(agent, role=Role.FACILITATOR, district=district)
    with pytest.raises(Conflict, match="attend déjà"):
        _invite(agent, role=Role.FACILITATOR, district=district)
    assert Invitation.objects.count() == 1 and len(mail.outbox) == 1


def test_scope_must_fit_the_role_and_only_agents_invite() -> None:
    agent = UserFactory(agent=True)
    with pytest.raises(InvalidInput) as error:
        _invite(agent, role=Role.AGENT, process=ProcessFactory())
    assert "scope" in error.value.field_errors
    with pytest.raises(ActionNotAllowed, match="Seul un administrateur"):
        _invite(agent, role=Role.ADMINISTRATOR)
    with pytest.raises(ActionNotAllowed):
        _invite(UserFactory(role=Role.MODERATOR))
    assert not Invitation.objects.exists()


def test_revoked_and_expired_invitations_say_so() -> None:
    agent = UserFactory(agent=True)
    revoked = _invite(agent, "a@exemple.fr")
    services.revoke_invitation(agent=agent, invitation=revoked)
    with pytest.raises(Conflict, match="annulée"):
        services.accept_invitation_with_new_account(
            invitation=revoked, display_name="A", password="un-mot-de-passe-solide"
        )
    expired = _invite(agent, "b@exemple.fr")
    Invitation.objects.filter(pk=expired.pk).update(expires_at=timezone.now() - dt.timedelta(minutes=1))
    with pytest.raises(Conflict, match="a expiré le"):
        services.accept_invitation_with_new_account(
            invitation=expired, display_name="B", password="un-mot-de-passe-solide"
        )
    assert not User.objects.filter(email__in=["a@exemple.fr", "b@exemple.fr"]).exists()


def test_a_weak_password_creates_nothing() -> None:
    invitation = _invite(UserFactory(agent=True))
    with pytest.raises(InvalidInput) as error:
        services.accept_invitation_with_new_account(invitation=invitation, display_name="N", password="123")
    assert "password" in error.value.field_errors
    assert not User.objects.filter(email="nouvelle@exemple.fr").exists()
    assert Invitation.objects.get().accepted_at is None


def test_revoking_roles() -> None:
    agent = UserFactory(agent=True)
    grant = RoleGrantFactory()
    services.revoke_grant(agent=agent, grant=grant)
    assert not RoleGrant.objects.exists()
    admin = UserFactory(role=Role.ADMINISTRATOR, is_staff=True, is_superuser=True)
    with pytest.raises(ActionNotAllowed):
        services.revoke_territory_role(agent=agent, person=admin)
    with pytest.raises(Conflict, match="propre rôle"):
        services.revoke_territory_role(agent=agent, person=agent)
    other_agent = UserFactory(agent=True)
    services.revoke_territory_role(agent=agent, person=other_agent)
    other_agent.refresh_from_db()
    assert other_agent.role == Role.INHABITANT
    with pytest.raises(ActionNotAllowed):
        services.revoke_grant(agent=UserFactory(), grant=RoleGrantFactory())


def test_a_moderator_of_process_a_cannot_moderate_in_process_b() -> None:
    process_a, process_b = ProcessFactory(), ProcessFactory()
    moderator = RoleGrantFactory(process=process_a).person
    in_a, in_b = ProposalFactory(process=process_a), ProposalFactory(process=process_b)
    comment_b = CommentFactory(proposal=in_b)
    assert can_moderate(moderator, in_a) and not can_moderate(moderator, in_b)
    assert can_moderate(moderator)  # somewhere: the queue opens, showing process A only
    with pytest.raises(ActionNotAllowed, match="pas de votre ressort"):
        moderate_item(
            moderator=moderator,
            verdict=ModerationDecision.Verdict.HIDE,
            reason="Hors charte",
            comment=comment_b,
        )
    comment_b.refresh_from_db()
    assert comment_b.moderation == Moderation.PUBLISHED and not ModerationDecision.objects.exists()
    hidden_b = ProposalFactory(process=process_b, moderation=Moderation.HIDDEN)
    assert not can_read(moderator, hidden_b)


def test_a_district_moderator_moderates_its_processes_and_its_proposals() -> None:
    district = DistrictFactory()
    moderator = RoleGrantFactory(process=None, district=district).person
    of_district = ProposalFactory(process=ProcessFactory(district=district))
    located = ProposalFactory(district=district)
    elsewhere = ProposalFactory()
    assert can_moderate(moderator, of_district) and can_moderate(moderator, located)
    assert not can_moderate(moderator, elsewhere)


def test_facilitators_record_only_where_they_were_given_the_role() -> None:
    process_a, process_b = ProcessFactory(), ProcessFactory()
    facilitator = RoleGrantFactory(role=Role.FACILITATOR, process=process_a).person
    assert rules.facilitates(facilitator, process_a) and not rules.facilitates(facilitator, process_b)
    assert rules.facilitates(UserFactory(role=Role.FACILITATOR), process_b)


def test_erasing_an_account_takes_its_roles_and_forgets_its_address_on_invitations() -> None:
    from bouquet.privacy.selectors import personal_data
    from bouquet.privacy.services import erase_account

    agent = UserFactory(agent=True)
    invitation = _invite(agent, "partant@exemple.fr", process=ProcessFactory(title="Les quais"))
    person = services.accept_invitation_with_new_account(
        invitation=invitation, display_name="P", password="un-mot-de-passe-solide"
    )
    assert [
        row["process__title"] for row in personal_data(person=person)["roles_sur_demarche_ou_quartier"]
    ] == ["Les quais"]
    erase_account(person=person, confirmation="partant@exemple.fr")
    assert not RoleGrant.objects.exists()
    assert not Invitation.objects.filter(email="partant@exemple.fr").exists()
