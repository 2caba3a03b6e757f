"""Participatory budgets and bouquets, read only: anyone may fetch the published files and recompute."""

import datetime as dt

from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from ninja import Router, Schema

from bouquet.bouquets import selectors as bouquet_selectors
from bouquet.bouquets.models import Bouquet
from bouquet.budgets import selectors
from bouquet.budgets.models import Budget, BudgetProject, BudgetResult
from bouquet.processes.models import Component, Process

router = Router(tags=["budgets and bouquets"])


class BudgetOut(Schema):
    id: int
    title: str
    description: str
    amount: int
    currency: str
    ballot_kind: str
    rule: str
    tie_break: str
    tie_break_seed: str
    threshold: int | None
    is_secret: bool
    is_imported: bool
    vote_starts_on: dt.date | None
    vote_ends_on: dt.date | None
    project_count: int
    url: str

    @staticmethod
    def resolve_vote_starts_on(obj: Budget) -> dt.date | None:
        return obj.phase.starts_on if obj.phase_id else None

    @staticmethod
    def resolve_vote_ends_on(obj: Budget) -> dt.date | None:
        return obj.phase.ends_on if obj.phase_id else None

    @staticmethod
    def resolve_project_count(obj: Budget) -> int:
        return getattr(obj, "project_count", None) or obj.projects.count()

    @staticmethod
    def resolve_url(obj: Budget) -> str:
        return obj.get_absolute_url()


class EnvelopeOut(Schema):
    district_id: int
    amount: int


class ProjectOut(Schema):
    id: int
    code: str
    title: str
    description: str
    cost: int
    min_cost: int | None
    district_id: int | None
    feasibility: str
    bouquet_id: int | None
    sdgs: list[int]
    url: str

    @staticmethod
    def resolve_url(obj: BudgetProject) -> str:
        return obj.get_absolute_url()


class BudgetDetailOut(BudgetOut):
    envelopes: list[EnvelopeOut]
    projects: list[ProjectOut]

    @staticmethod
    def resolve_envelopes(obj: Budget) -> list[object]:
        return list(selectors.envelopes_of(obj))

    @staticmethod
    def resolve_projects(obj: Budget) -> list[object]:
        return list(selectors.projects_for_page(obj))


class ResultOut(Schema):
    part: str
    district_id: int | None
    amount: int
    rule: str
    tie_break: str
    winners: list[str]
    spent: str
    ballot_count: int
    pb_sha256: str
    pb_url: str
    csv_url: str
    computed_at: dt.datetime

    @staticmethod
    def resolve_pb_url(obj: BudgetResult) -> str:
        return reverse("budgets:pb", kwargs={"pk": obj.budget_id, "part": obj.part})

    @staticmethod
    def resolve_csv_url(obj: BudgetResult) -> str:
        return reverse("budgets:csv", kwargs={"pk": obj.budget_id, "part": obj.part})

    @staticmethod
    def resolve_computed_at(obj: BudgetResult) -> dt.datetime:
        return obj.updated_at


class SdgSuggestionOut(Schema):
    number: int
    name: str
    score: float


class BouquetOut(Schema):
    id: int
    label: str
    theme: str | None
    size: int
    supports: int
    keywords: list[str]
    suggested_sdgs: list[SdgSuggestionOut]
    confirmed_sdgs: list[int]
    pinned: bool
    url: str

    @staticmethod
    def resolve_theme(obj: Bouquet) -> str | None:
        return obj.topic.label if obj.topic_id and obj.topic else None

    @staticmethod
    def resolve_size(obj: Bouquet) -> int:
        return getattr(obj, "size", None) or len(getattr(obj, "members", []))

    @staticmethod
    def resolve_supports(obj: Bouquet) -> int:
        if hasattr(obj, "supports"):
            return obj.supports or 0
        return sum(p.proposal.support_count for p in getattr(obj, "members", []))

    @staticmethod
    def resolve_url(obj: Bouquet) -> str:
        return obj.get_absolute_url()


class MemberOut(Schema):
    proposal_id: int
    title: str
    support_count: int
    shared_keywords: list[str]


class BouquetDetailOut(BouquetOut):
    process_slug: str
    members: list[MemberOut]

    @staticmethod
    def resolve_process_slug(obj: Bouquet) -> str:
        return obj.process.slug

    @staticmethod
    def resolve_members(obj: Bouquet) -> list[dict[str, object]]:
        return [
            {
                "proposal_id": placement.proposal_id,
                "title": placement.proposal.title,
                "support_count": placement.proposal.support_count,
                "shared_keywords": list(placement.shared_keywords),
            }
            for placement in getattr(obj, "members", [])
        ]


def _process(slug: str, component: Component) -> Process:
    """A published process that uses the component (as the pages: otherwise that part does not exist, 404)."""
    process = get_object_or_404(Process.objects.published(), slug=slug)
    if not process.uses(component):
        raise Http404
    return process


def _budget(pk: int) -> Budget:
    try:
        budget = selectors.budget_for_page(pk=pk)
    except Budget.DoesNotExist as exc:
        raise Http404 from exc
    if not budget.process.uses(Component.BUDGET):
        raise Http404
    return budget


@router.get(
    "/processes/{slug}/budgets", response=list[BudgetOut], summary="A process's participatory budgets"
)
def list_budgets(request: HttpRequest, slug: str) -> object:
    """The budgets of a published process (a short list: no pagination)."""
    return selectors.budgets_for_process(process=_process(slug, Component.BUDGET))


@router.get("/budgets/{pk}", response=BudgetDetailOut, summary="One budget, its envelopes and its projects")
def get_budget(request: HttpRequest, pk: int) -> object:
    """Settings (rule, tie-break and its published seed), district envelopes and every project."""
    return _budget(pk)


@router.get(
    "/budgets/{pk}/results", response=list[ResultOut], summary="Results, with the files to recompute them"
)
def get_results(request: HttpRequest, pk: int) -> object:
    """One result per part (the whole territory or a district): winners by project code, the rule, the
    tie-break, and the pabulib file (with its SHA-256) from which anyone can compute the same winners.
    Empty until an agent has computed the results after the vote."""
    return selectors.results_of(_budget(pk))


@router.get("/processes/{slug}/bouquets", response=list[BouquetOut], summary="A process's bouquets")
def list_bouquets(request: HttpRequest, slug: str) -> object:
    """Every bouquet, theme by theme, pinned ones and the largest first."""
    topics = bouquet_selectors.bouquets_overview(process=_process(slug, Component.BOUQUETS))
    return [bouquet for topic in topics for bouquet in getattr(topic, "bouquet_list", [])]


@router.get("/bouquets/{pk}", response=BouquetDetailOut, summary="One bouquet and its proposals")
def get_bouquet(request: HttpRequest, pk: int) -> object:
    """A bouquet with its published member proposals and, for each, the keywords it shares with its bouquet."""
    visible = get_object_or_404(
        Bouquet.objects.filter(process__is_published=True).select_related("process"), pk=pk
    )
    if not visible.process.uses(Component.BOUQUETS):
        raise Http404
    return bouquet_selectors.bouquet_for_page(pk=visible.pk)
