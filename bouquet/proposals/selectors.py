"""Reads on proposals, each shaped for one screen or endpoint with a constant number of queries."""

import re
from dataclasses import dataclass
from typing import Any

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVectorField
from django.core.paginator import Page, Paginator
from django.db import connection
from django.db.models import ExpressionWrapper, F, IntegerField, Prefetch, Q, QuerySet
from django.db.models.expressions import RawSQL
from django.db.models.functions import Mod

from bouquet.accounts.models import User
from bouquet.processes.models import Phase, Process
from bouquet.proposals.models import (
    CoauthorRequest,
    Comment,
    Moderation,
    ModerationDecision,
    Proposal,
    ProposalRevision,
    Report,
    Status,
)
from bouquet.roles.selectors import moderation_scope

PAGE_SIZE = 20
COMMENTS_PAGE_SIZE = 25
MAP_LIMIT = 20000
SORTS = ("recent", "supports", "random", "relevance")
# PostgreSQL: the "french" stemmer behind unaccent, created by the migration that adds search.
PG_SEARCH_CONFIG = "french_unaccent"
# PostgreSQL: each proposal's French vector, a column of the table that is not a model field (SQLite has no
# such type and searches its FTS5 table instead).
PG_SEARCH_VECTOR = '"proposals_proposal"."search_vector"'
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class ProposalFilters:
    """What a person chose on the list: every field optional."""

    district: int | None = None
    theme: int | None = None
    status: str | None = None
    query: str = ""
    sort: str = "recent"
    seed: int = 1
    match_any: bool = False  # any of the words instead of all of them (to suggest similar proposals)


def _search(
    queryset: QuerySet[Proposal], query: str, match_any: bool = False
) -> tuple[QuerySet[Proposal], bool]:
    """Filter by French full-text search on title and body; returns whether a relevance rank exists."""
    words = _WORD.findall(query.lower())[:12]
    if not words:
        return queryset, False
    if match_any:
        query = " or ".join(words)
    if connection.vendor == "postgresql":
        # The stored vector (title weighted A, body B), kept up to date by a trigger and GIN-indexed
        # (migration 0003): matched with @@, then only the matches are ranked. "rank > 0" is no match test:
        # ts_rank gives 1e-20, not 0, to a text lacking one of several words.
        vector = RawSQL(PG_SEARCH_VECTOR, (), output_field=SearchVectorField())  # nosec  # B611: a constant column name, no input
        search = SearchQuery(query, config=PG_SEARCH_CONFIG, search_type="websearch")
        matches = queryset.alias(search=vector).filter(search=search)
        return matches.annotate(rank=SearchRank(vector, search)), True
    # SQLite: the FTS5 table kept in sync by triggers; every word must match, as a prefix.
    match = (" OR " if match_any else " ").join(f'"{word}"*' for word in words)
    ids = RawSQL("SELECT rowid FROM proposals_proposal_fts WHERE proposals_proposal_fts MATCH %s", [match])
    return queryset.filter(pk__in=ids), False


_PRIMES = (1_000_003, 999_983)


def _random_order(seed: int) -> ExpressionWrapper[Mod]:
    # A stable shuffle computed by the database: two rounds of multiplication by seed-derived factors modulo
    # primes mix the ids well enough for display, and the same seed gives the same order on every page.
    first, second = (
        (seed * k) % (p // 2) + p // 2 for k, p in zip((2_654_435_761, 40_503), _PRIMES, strict=True)
    )
    mixed = Mod(Mod(F("id") * first, _PRIMES[0]) * second, _PRIMES[1])
    return ExpressionWrapper(mixed, output_field=IntegerField())


def processes_for_proposal_pages() -> QuerySet[Process]:
    """Published processes with their phases, for the pages and endpoints that list their proposals.

    Unlike processes_for_list() it does not count each process's proposals: those pages do not show the
    count, and computing it reads every proposal of the process on every request."""
    return (
        Process.objects.published()
        .select_related("district")
        .prefetch_related(Prefetch("phases", queryset=Phase.objects.order_by("starts_on", "id")))
    )


def proposals_for_list(*, process: Process, filters: ProposalFilters) -> QuerySet[Proposal]:
    """Visible proposals of a process, filtered, searched and sorted, ready to paginate."""
    queryset: QuerySet[Proposal] = (
        Proposal.objects.public()
        .filter(process=process)
        .select_related("district", "theme", "author")
        .only(
            "id", "title", "body", "status", "origin", "support_count", "comment_count", "created_at",
            "latitude", "longitude", "process_id", "moderation",
            "district__id", "district__name", "theme__id", "theme__name",
            "author__id", "author__display_name", "author__erased_at",
        )
    )  # fmt: skip
    if filters.district:
        queryset = queryset.filter(district_id=filters.district)
    if filters.theme:
        queryset = queryset.filter(theme_id=filters.theme)
    if filters.status:
        queryset = queryset.filter(status=filters.status)
    else:
        queryset = queryset.exclude(status=Status.WITHDRAWN)
    queryset, ranked = _search(queryset, filters.query, filters.match_any)
    if filters.sort == "supports":
        return queryset.order_by("-support_count", "-created_at", "-id")
    if filters.sort == "random":
        return queryset.annotate(shuffle=_random_order(filters.seed)).order_by("shuffle", "id")
    if filters.sort == "relevance" and ranked:
        return queryset.order_by("-rank", "-id")  # type: ignore[misc]  # annotated by _search
    return queryset.order_by("-created_at", "-id")


def paginate(queryset: QuerySet[Any], *, page: int | str | None, per_page: int = PAGE_SIZE) -> Page[Any]:
    """One page of a list; out-of-range or invalid numbers give the nearest valid page."""
    return Paginator(queryset, per_page).get_page(page)


MAP_FIELDS = ("id", "latitude", "longitude", "support_count", "status", "title")


def proposals_for_map(*, process: Process, filters: ProposalFilters) -> list[tuple[Any, ...]]:
    """Located proposals as compact rows (MAP_FIELDS), one query: thousands of points stay a light answer."""
    return list(
        proposals_for_list(process=process, filters=filters)
        .filter(latitude__isnull=False, longitude__isnull=False)
        .values_list(*MAP_FIELDS)[:MAP_LIMIT]
    )


def proposal_for_page(*, pk: int) -> Proposal:
    """One proposal with what its page shows beside it (hidden ones included: the view decides)."""
    return (
        Proposal.objects.select_related("process", "district", "theme", "author")
        .prefetch_related("coauthors", "process__phases")
        .get(pk=pk)
    )


def comments_for_thread(*, proposal: Proposal, with_hidden_replies: bool = False) -> QuerySet[Comment]:
    """Top-level comments, oldest first, with their replies and authors prefetched (hidden top-level comments
    keep their place so a thread stays readable). Replies are in ``visible_replies``, or, with
    ``with_hidden_replies``, in ``thread_replies`` hidden ones included (the page shows their place, and their
    text to their author and the moderators)."""
    replies = Comment.objects.select_related("author").order_by("created_at", "id")
    if not with_hidden_replies:
        replies = replies.filter(moderation=Moderation.PUBLISHED)
    to_attr = "thread_replies" if with_hidden_replies else "visible_replies"
    return (
        Comment.objects.filter(proposal=proposal, parent__isnull=True)
        .select_related("author")
        .prefetch_related(Prefetch("replies", queryset=replies, to_attr=to_attr))
        .order_by("created_at", "id")
    )


def comment_thread(
    *, proposal: Proposal, page: int | str | None = 1, with_hidden_replies: bool = False
) -> Page[Comment]:
    """A page of the comment thread: three queries whatever its size."""
    return paginate(
        comments_for_thread(proposal=proposal, with_hidden_replies=with_hidden_replies),
        page=page,
        per_page=COMMENTS_PAGE_SIZE,
    )


def supported_ids(*, user: Any, proposal_ids: list[int]) -> set[int]:
    """Which of these proposals the person supports (one query), to show the button state."""
    if not getattr(user, "is_authenticated", False) or not proposal_ids:
        return set()
    return set(user.supports.filter(proposal_id__in=proposal_ids).values_list("proposal_id", flat=True))


def moderation_queue(*, user: User, process: Process | None = None) -> dict[str, QuerySet[Any]]:
    """What a moderator has to examine, within what they moderate (and one process if asked): items with open
    reports or hidden awaiting a decision, most recently reported first."""
    scope = moderation_scope(user)
    open_reports = (
        Report.objects.filter(resolved=False).select_related("reporter").order_by("created_at", "id")
    )
    awaiting = Q(moderation=Moderation.PENDING) | Q(reports__resolved=False)
    proposals = Proposal.objects.filter(awaiting, scope.condition())
    comments = Comment.objects.filter(awaiting, scope.condition(via="proposal__"))
    if process is not None:
        proposals = proposals.filter(process=process)
        comments = comments.filter(proposal__process=process)
    return {
        "proposals": proposals.distinct()
        .select_related("author", "process")
        .prefetch_related(Prefetch("reports", queryset=open_reports, to_attr="open_reports"))
        .order_by("-updated_at", "-id"),
        "comments": comments.distinct()
        .select_related("author", "proposal")
        .prefetch_related(Prefetch("reports", queryset=open_reports, to_attr="open_reports"))
        .order_by("-updated_at", "-id"),
    }


def recent_decisions(*, user: User, process: Process | None = None) -> QuerySet[ModerationDecision]:
    """Moderation decisions within what the person moderates (and one process if asked), newest first, with
    the item, its process and the moderator."""
    scope = moderation_scope(user)
    on_proposals = Q(proposal__isnull=False) & scope.condition(via="proposal__")
    on_comments = Q(comment__isnull=False) & scope.condition(via="comment__proposal__")
    decisions = ModerationDecision.objects.filter(on_proposals | on_comments)
    if process is not None:
        decisions = decisions.filter(Q(proposal__process=process) | Q(comment__proposal__process=process))
    return decisions.select_related(
        "moderator", "proposal__process", "comment__proposal__process", "comment__author", "proposal__author"
    ).order_by("-created_at", "-id")


def processes_moderated_by(*, user: User) -> QuerySet[Process]:
    """The processes a person moderates something in, for the queue's filter."""
    scope = moderation_scope(user)
    processes = Process.objects.order_by("title")
    if scope.everywhere:
        return processes
    return processes.filter(
        Q(pk__in=scope.process_ids)
        | Q(district_id__in=scope.district_ids)
        | Q(proposals__district_id__in=scope.district_ids)
    ).distinct()


def hiding_decisions_for_comments(*, comments: list[Comment]) -> dict[int, ModerationDecision]:
    """The decision that keeps each hidden comment hidden (one query, none when no comment is hidden)."""
    hidden = [c.pk for c in comments if c.moderation == Moderation.HIDDEN]
    if not hidden:
        return {}
    decisions: dict[int, ModerationDecision] = {}
    for decision in ModerationDecision.objects.filter(
        comment_id__in=hidden, verdict=ModerationDecision.Verdict.HIDE
    ).order_by("created_at", "id"):
        decisions[decision.comment_id] = decision  # type: ignore[index]  # the latest wins
    return decisions


def hiding_decision(*, proposal: Proposal) -> ModerationDecision | None:
    """The moderators' decision that keeps a proposal hidden, with its reason (None while it is visible or only
    awaiting a decision after reports)."""
    if proposal.moderation != Moderation.HIDDEN:
        return None
    return (
        ModerationDecision.objects.filter(proposal=proposal, verdict=ModerationDecision.Verdict.HIDE)
        .order_by("-created_at", "-id")
        .first()
    )


def pending_coauthor_requests(*, proposal: Proposal) -> QuerySet[CoauthorRequest]:
    """The requests to join a proposal that wait for an answer, oldest first (shown to its authors)."""
    return (
        CoauthorRequest.objects.filter(proposal=proposal, state=CoauthorRequest.State.PENDING)
        .select_related("requester")
        .order_by("created_at", "id")
    )


def coauthor_requests_of(*, person: Any) -> dict[str, QuerySet[CoauthorRequest]]:
    """For a person's space: the requests waiting for their answer (on proposals they author), and the ones
    they sent, answered or not."""
    authored = Q(proposal__author=person) | Q(proposal__coauthors=person)
    return {
        "to_answer": CoauthorRequest.objects.filter(authored, state=CoauthorRequest.State.PENDING)
        .exclude(requester=person)
        .select_related("proposal", "requester")
        .distinct()
        .order_by("created_at", "id"),
        "sent": CoauthorRequest.objects.filter(requester=person)
        .select_related("proposal", "answered_by")
        .order_by("-created_at", "-id"),
    }


def proposal_history(*, proposal: Proposal) -> QuerySet[ProposalRevision]:
    """Who changed what in a proposal, newest first."""
    return ProposalRevision.objects.filter(proposal=proposal).select_related("actor", "person")
