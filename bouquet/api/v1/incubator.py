"""The lab, read only: initiatives (no private content: no notes, tasks, documents, journal, nor beneficiaries'
names), their needs and offers, the exchanges of the solidarity chain, and the dashboard's figures. Energies are
never listed."""

import datetime as dt

from django.http import Http404, HttpRequest
from ninja import Router, Schema
from ninja.pagination import paginate

from bouquet.api.v1.pagination import BoundedPages
from bouquet.api.v1.params import RowId, SdgNumber
from bouquet.incubator import selectors
from bouquet.incubator.dashboard import biodiversity_in_words, lab_dashboard
from bouquet.incubator.models import Exchange, Initiative, Need, Stage

router = Router(tags=["lab: initiatives and the solidarity chain"])


class InitiativeOut(Schema):
    id: int
    title: str
    need: str
    for_whom: str
    stage: str
    stage_label: str
    district_id: int | None
    district: str | None
    latitude: float | None
    longitude: float | None
    themes: list[str]
    sdgs: list[int]
    suggested_sdgs: list[int]
    member_count: int
    collective_action: bool
    origin: str
    created_at: dt.datetime
    url: str

    @staticmethod
    def resolve_stage_label(obj: Initiative) -> str:
        return str(Stage(obj.stage).label)

    @staticmethod
    def resolve_district(obj: Initiative) -> str | None:
        return obj.district.name if obj.district else None

    @staticmethod
    def resolve_themes(obj: Initiative) -> list[str]:
        return [t.name for t in obj.themes.all()]

    @staticmethod
    def resolve_sdgs(obj: Initiative) -> list[int]:
        return list(obj.confirmed_sdgs or [])

    @staticmethod
    def resolve_member_count(obj: Initiative) -> int:
        return int(getattr(obj, "member_count", 0))

    @staticmethod
    def resolve_url(obj: Initiative) -> str:
        return obj.get_absolute_url()


class ResourceOut(Schema):
    id: int
    kind: str
    title: str
    description: str
    hours_per_month: int
    skills: list[str]

    @staticmethod
    def resolve_skills(obj: Need) -> list[str]:
        return [s.name for s in obj.skills.all()]


class MatchOut(Schema):
    offer_id: int
    initiative_id: int
    score: float
    reason: str


class NeedOut(Schema):
    id: int
    kind: str
    title: str
    description: str
    hours_per_month: int
    skills: list[str]
    matching_offers: list[MatchOut]


class NeedsOut(Schema):
    initiative_id: int
    needs: list[NeedOut]
    offers: list[ResourceOut]


class ExchangeOut(Schema):
    id: int
    helper_initiative_id: int | None
    helped_initiative_id: int
    what: str
    happened_on: dt.date
    need_id: int | None
    offer_id: int | None

    @staticmethod
    def resolve_helper_initiative_id(obj: Exchange) -> int | None:
        return obj.helper_id

    @staticmethod
    def resolve_helped_initiative_id(obj: Exchange) -> int:
        return obj.helped_id


class StageCount(Schema):
    stage: str
    label: str
    count: int


class StageDays(Schema):
    label: str
    median_days: float | None


class SpreadOut(Schema):
    dimension: str
    values: int
    shannon: float
    evenness: float
    most_common: str | None
    most_common_share: float


class MentorOut(Schema):
    name: str
    initiatives: int
    sessions: int


class MonthOut(Schema):
    month: str
    joined: int


class DashboardOut(Schema):
    initiatives: int
    per_stage: list[StageCount]
    days_in_stage: list[StageDays]
    median_days_to_autonomy: float | None
    inactive_weeks: int
    inactive_initiative_ids: list[int]
    mentors: list[MentorOut]
    biodiversity: float
    biodiversity_explained: str
    spreads: list[SpreadOut]
    joins_per_month: list[MonthOut]
    invitation_depth: dict[str, int]
    bubbles: list[list[int]]


@router.get("/initiatives", response=list[InitiativeOut], summary="Initiatives of the lab")
@paginate(BoundedPages, page_size=50)
def list_initiatives(
    request: HttpRequest, stage: str = "", district: RowId | None = None, sdg: SdgNumber | None = None
) -> list[Initiative]:
    """Initiatives with their stage, district, SDGs and member count (no private content), newest activity
    first; filter by ``stage``, ``district`` (id) or ``sdg`` (1 to 17)."""
    return list(selectors.initiatives_for_list(stage=stage, district_id=district, sdg=sdg))


def _initiative(pk: int) -> Initiative:
    try:
        return selectors.initiative_for_page(pk=pk)
    except Initiative.DoesNotExist as error:
        raise Http404 from error


@router.get("/initiatives/{pk}", response=InitiativeOut, summary="One initiative")
def get_initiative(request: HttpRequest, pk: int) -> Initiative:
    return _initiative(pk)


@router.get("/initiatives/{pk}/needs", response=NeedsOut, summary="An initiative's open needs and offers")
def initiative_needs(request: HttpRequest, pk: int) -> dict[str, object]:
    """Open needs, each with the offers of other initiatives that match it (score and reason), and offers."""
    initiative = _initiative(pk)
    needs = list(initiative.needs.all())
    for need in needs:
        need.initiative = initiative
    found = selectors.offers_for_needs(needs)
    return {
        "initiative_id": initiative.pk,
        "needs": [
            {
                "id": n.pk,
                "kind": n.kind,
                "title": n.title,
                "description": n.description,
                "hours_per_month": n.hours_per_month,
                "skills": [s.name for s in n.skills.all()],
                "matching_offers": [
                    {
                        "offer_id": f.offer.pk,
                        "initiative_id": f.offer.initiative_id,
                        "score": round(f.score, 3),
                        "reason": f.reason,
                    }
                    for f in found.get(n.pk, [])
                    if f.offer is not None
                ],
            }
            for n in needs
        ],
        "offers": list(initiative.offers.all()),
    }


@router.get("/exchanges", response=list[ExchangeOut], summary="Exchanges of the solidarity chain")
@paginate(BoundedPages, page_size=100)
def list_exchanges(request: HttpRequest) -> list[Exchange]:
    """Who helped whom, with what, when (a person who helped is not named)."""
    return list(selectors.exchanges_list())


@router.get("/lab/dashboard", response=DashboardOut, summary="The lab's dashboard figures")
def dashboard(request: HttpRequest, inactive_weeks: int = 6) -> dict[str, object]:
    """Initiatives per stage, time in each stage, median time to autonomy, inactive initiatives, mentors' load,
    biodiversity with its explanation, momentum, and the bubbles of the chain."""
    board = lab_dashboard(inactive_weeks=min(max(inactive_weeks, 1), 99))
    chain = selectors.solidarity_chain()
    return {
        "initiatives": board.total,
        "per_stage": [{"stage": c, "label": label, "count": n} for c, label, n in board.per_stage],
        "days_in_stage": [{"label": label, "median_days": d} for label, d in board.days_in_stage],
        "median_days_to_autonomy": board.median_days_to_autonomy,
        "inactive_weeks": board.inactive_weeks,
        "inactive_initiative_ids": [i.pk for i in board.inactive],
        "mentors": [
            {"name": m.name, "initiatives": m.initiatives, "sessions": m.sessions} for m in board.mentors
        ],
        "biodiversity": board.biodiversity,
        "biodiversity_explained": biodiversity_in_words(board),
        "spreads": [
            {
                "dimension": s.dimension,
                "values": s.richness,
                "shannon": s.shannon,
                "evenness": s.evenness,
                "most_common": s.most_common,
                "most_common_share": s.most_common_share,
            }
            for s in board.spreads
        ],
        "joins_per_month": [{"month": m, "joined": n} for m, n in board.joins_per_month],
        "invitation_depth": {str(k): v for k, v in board.invitation_depth.items()},
        "bubbles": [[i.pk for i in bubble] for bubble in chain.bubbles],
    }
