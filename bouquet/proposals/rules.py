"""Who may do what with proposals, right now. Services check these; templates only reuse them."""

from typing import Any

from bouquet.accounts.rules import is_agent, is_signed_in
from bouquet.core.predicates import add_perm, predicate
from bouquet.processes.models import Action, Component, Process
from bouquet.processes.selectors import process_allows
from bouquet.proposals.models import Comment, Moderation, Proposal, Status
from bouquet.roles.rules import facilitates, facilitates_somewhere, moderates, moderates_somewhere

OPEN_STATUSES = frozenset({Status.SUBMITTED, Status.UNDER_STUDY})


def is_author(user: Any, proposal: Proposal) -> bool:
    """Whether the person wrote the proposal or co-signs it."""
    if not is_signed_in(user):
        return False
    if proposal.author_id == user.pk:
        return True
    return _cosigns(user, proposal)


def _cosigns(user: Any, proposal: Proposal) -> bool:
    """Whether a signed-in person is among the co-authors (from the prefetched list when there is one)."""
    prefetched = getattr(proposal, "_prefetched_objects_cache", {}).get("coauthors")
    if prefetched is not None:
        return any(person.pk == user.pk for person in prefetched)
    return proposal.coauthors.filter(pk=user.pk).exists()


def is_first_author(user: Any, proposal: Proposal) -> bool:
    """Whether the person wrote the proposal first (the one who may withdraw it)."""
    return bool(is_signed_in(user) and proposal.author_id == user.pk)


def is_coauthor(user: Any, proposal: Proposal) -> bool:
    """Whether the person co-signs the proposal (an author, but not the first one)."""
    return bool(is_signed_in(user) and _cosigns(user, proposal))


def is_public(proposal: Proposal) -> bool:
    """Whether anyone may read the proposal: not hidden by moderation, in a published process (the
    single-object twin of ``Proposal.objects.public()``)."""
    return proposal.moderation == Moderation.PUBLISHED and proposal.process.is_published


@predicate
def can_read(user: Any, proposal: Proposal) -> bool:
    """Anyone reads a public proposal; its authors and the moderators who may act on it read it even hidden or
    in a process that is not published."""
    if is_public(proposal):
        return True
    return bool(is_author(user, proposal) or can_moderate(user, proposal))


@predicate
def can_read_comment(user: Any, comment: Comment) -> bool:
    """A comment is read where its proposal is; a hidden one only by its author and the moderators who may act
    on it."""
    if comment.moderation != Moderation.PUBLISHED and not (
        (is_signed_in(user) and comment.author_id == user.pk) or can_moderate(user, comment)
    ):
        return False
    return bool(can_read(user, comment.proposal))


def submissions_open(process: Process) -> bool:
    """Whether the process takes proposals today (whoever asks): published, using proposals, in a phase that
    takes them."""
    return (
        process.is_published and process.uses(Component.PROPOSALS) and process_allows(process, Action.SUBMIT)
    )


@predicate
def can_submit(user: Any, process: Process) -> bool:
    """Anyone signed in may propose while the proposals phase runs."""
    return is_signed_in(user) and submissions_open(process)


@predicate
def can_record_for_others(user: Any, process: Process | None = None) -> bool:
    """Facilitators (of the territory, or of this process or its district) and agents record proposals gathered
    in workshops, in the street or on paper; without a process: whether they do so anywhere."""
    if process is None:
        return bool(facilitates_somewhere(user))
    return bool(facilitates(user, process))


@predicate
def can_support(user: Any, proposal: Proposal) -> bool:
    """Anyone signed in may support a live proposal while the supports phase runs."""
    return (
        is_signed_in(user)
        and proposal.is_live
        and is_public(proposal)
        and proposal.status in OPEN_STATUSES
        and proposal.process.uses(Component.PROPOSALS)
        and process_allows(proposal.process, Action.SUPPORT)
    )


@predicate
def can_comment(user: Any, proposal: Proposal) -> bool:
    """Anyone signed in may comment on a live, public proposal when the phase allows comments."""
    return (
        is_signed_in(user)
        and proposal.is_live
        and is_public(proposal)
        and proposal.process.uses(Component.PROPOSALS)
        and process_allows(proposal.process, Action.COMMENT)
    )


@predicate
def can_edit(user: Any, proposal: Proposal) -> bool:
    """Authors edit during the proposals phase, as long as nobody has supported the proposal yet."""
    return (
        proposal.is_live
        and proposal.support_count == 0
        and process_allows(proposal.process, Action.EDIT)
        and is_author(user, proposal)
    )


@predicate
def can_withdraw(user: Any, proposal: Proposal) -> bool:
    """Only the first author withdraws the proposal, before the vote (co-authors may leave it instead)."""
    return (
        proposal.status in OPEN_STATUSES
        and process_allows(proposal.process, Action.WITHDRAW)
        and is_first_author(user, proposal)
    )


def coauthorship_open(proposal: Proposal) -> bool:
    """Whether a proposal takes new co-authors: live, public, during the proposals phase (joining one that
    someone may not read would open it to them)."""
    return proposal.is_live and is_public(proposal) and process_allows(proposal.process, Action.SUBMIT)


@predicate
def can_request_coauthorship(user: Any, proposal: Proposal) -> bool:
    """Anyone signed in who is not already one of its authors may ask to co-sign a proposal that takes new
    co-authors; an author then accepts or refuses."""
    return is_signed_in(user) and coauthorship_open(proposal) and not is_author(user, proposal)


@predicate
def can_answer_coauthor_request(user: Any, proposal: Proposal) -> bool:
    """Any current author of the proposal (the first one or a co-author) answers the requests to join it."""
    return is_author(user, proposal)


@predicate
def can_leave(user: Any, proposal: Proposal) -> bool:
    """A co-author may stop co-signing a proposal at any time (the first author withdraws it instead)."""
    return is_coauthor(user, proposal)


@predicate
def can_report(user: Any, item: object) -> bool:
    """Anyone signed in may report an item, whatever the phase."""
    return is_signed_in(user)


@predicate
def can_moderate(user: Any, item: Proposal | Comment | None = None) -> bool:
    """Moderators hide and restore items: those of the whole territory everywhere, the others in the process or
    district they were given. Without an item: whether the person moderates anywhere (to open the queue)."""
    if item is None:
        return bool(moderates_somewhere(user))
    proposal = item if isinstance(item, Proposal) else item.proposal
    return moderates(user, proposal.process, proposal.district_id)


@predicate
def can_answer(user: Any, proposal: Proposal | None = None) -> bool:
    """Agents give the authority's public answer and status."""
    return bool(is_agent(user))


add_perm("proposals.submit", can_submit)
add_perm("proposals.support", can_support)
add_perm("proposals.comment", can_comment)
add_perm("proposals.edit", can_edit)
add_perm("proposals.withdraw", can_withdraw)
add_perm("proposals.report", can_report)
add_perm("proposals.request_coauthorship", can_request_coauthorship)
add_perm("proposals.answer_coauthor_request", can_answer_coauthor_request)
add_perm("proposals.leave", can_leave)
add_perm("proposals.moderate", can_moderate)
add_perm("proposals.answer", can_answer)
add_perm("proposals.record_for_others", can_record_for_others)
