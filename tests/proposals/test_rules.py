"""Who may do what, in which phase: a role x action x phase matrix checked against the declared table."""

import pytest
from django.contrib.auth.models import AnonymousUser

from bouquet.accounts.models import Role
from bouquet.processes.models import ALLOWED_ACTIONS, Action, PhaseKind
from bouquet.proposals import rules
from tests.factories import ProcessFactory, ProposalFactory, UserFactory

pytestmark = pytest.mark.django_db

ROLES = [None, *Role]  # None: not signed in


def _user(role: Role | None):
    return AnonymousUser() if role is None else UserFactory(role=role)


@pytest.mark.parametrize("phase", list(PhaseKind))
@pytest.mark.parametrize("role", ROLES)
def test_submit_support_comment_follow_the_phase_table(role, phase):
    user = _user(role)
    process = ProcessFactory(current_phase=phase)
    proposal = ProposalFactory(process=process)
    allowed = ALLOWED_ACTIONS[phase]
    signed_in = role is not None
    assert rules.can_submit(user, process) is (signed_in and Action.SUBMIT in allowed)
    assert rules.can_support(user, proposal) is (signed_in and Action.SUPPORT in allowed)
    assert rules.can_comment(user, proposal) is (signed_in and Action.COMMENT in allowed)


@pytest.mark.parametrize("phase", list(PhaseKind))
@pytest.mark.parametrize("is_author", [True, False])
def test_edit_and_withdraw_only_for_authors_in_allowed_phases(phase, is_author):
    author, coauthor = UserFactory(), UserFactory()
    proposal = ProposalFactory(process=ProcessFactory(current_phase=phase), author=author)
    proposal.coauthors.add(coauthor)
    user = author if is_author else UserFactory(role=Role.ADMINISTRATOR)
    allowed = ALLOWED_ACTIONS[phase]
    assert rules.can_edit(user, proposal) is (is_author and Action.EDIT in allowed)
    assert rules.can_withdraw(user, proposal) is (is_author and Action.WITHDRAW in allowed)
    # Co-authors edit, but only the first author withdraws.
    assert rules.can_edit(coauthor, proposal) is (Action.EDIT in allowed)
    assert rules.can_withdraw(coauthor, proposal) is False


@pytest.mark.parametrize("role", ROLES)
def test_moderation_answer_and_recording_by_role(role):
    user = _user(role)
    assert rules.can_moderate(user) is (role in {Role.MODERATOR, Role.ADMINISTRATOR})
    assert rules.can_answer(user) is (role in {Role.AGENT, Role.ADMINISTRATOR})
    assert rules.can_record_for_others(user) is (role in {Role.FACILITATOR, Role.AGENT, Role.ADMINISTRATOR})
    assert rules.can_report(user, None) is (role is not None)


def test_no_running_phase_allows_nothing():
    process = ProcessFactory(current_phase=PhaseKind.PROPOSALS)
    process.phases.all().delete()
    proposal = ProposalFactory(process=process)
    user = UserFactory()
    assert not rules.can_submit(user, process)
    assert not rules.can_comment(user, proposal)


def test_inactive_accounts_can_do_nothing():
    user = UserFactory(is_active=False)
    process = ProcessFactory(current_phase=PhaseKind.PROPOSALS)
    assert not rules.can_submit(user, process)
