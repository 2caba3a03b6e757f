"""The lab's dashboard: initiatives per stage, time spent in each stage, median time to autonomy, initiatives with
no activity for N weeks, each mentor's load, the biodiversity of initiatives and momentum.

A fixed number of queries, whatever the number of initiatives (each figure is one aggregate or one flat list of
values); the arithmetic is in the pure ``analysis`` module."""

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass

from django.core.cache import cache
from django.db.models import Count, Max, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from bouquet.core.french import is_english
from bouquet.incubator.analysis import Spread, biodiversity, invitation_depths, median, spread
from bouquet.incubator.models import (
    STAGE_ORDER,
    Initiative,
    LeadProfile,
    MemberRole,
    Membership,
    MentorSession,
    Stage,
    StageMove,
)
from bouquet.places.models import District
from bouquet.proposals.models import Theme

DAY = 86_400


@dataclass(frozen=True, slots=True)
class MentorLoad:
    name: str
    initiatives: int
    sessions: int


@dataclass(frozen=True, slots=True)
class Dashboard:
    total: int
    per_stage: list[tuple[str, str, int]]  # (stage code, label, count)
    days_in_stage: list[tuple[str, float | None]]  # median days a stay in each stage lasted (or lasts so far)
    median_days_to_autonomy: float | None
    inactive_weeks: int
    inactive: list[Initiative]
    mentors: list[MentorLoad]
    spreads: list[Spread]
    biodiversity: float
    joins_per_month: list[tuple[str, int]]
    invitation_depth: dict[int, int]  # hops from someone nobody invited → people
    farthest_invitation: int


def _days(delta: dt.timedelta) -> float:
    return delta.total_seconds() / DAY


@dataclass(frozen=True, slots=True)
class _History:
    """What the dashboard reads from every initiative's past, cached until that past changes (see ``_history``):
    the stays already over in each stage (days), when each initiative still on its way entered its stage
    (timestamps: its stay so far is counted at each request), the days each autonomous one took, and how many
    people sit how many invitations away from someone nobody invited."""

    total: int
    stays: dict[str, list[float]]
    entered: dict[str, list[float]]
    to_autonomy: list[float]
    depths: dict[int, int]


def _history_stamp() -> str:
    """A key that changes whenever a row the history reads is added, removed or changed: the number, latest id
    and latest change of initiatives and memberships, the number and latest id of stage moves (they are never
    edited). The lab's services save ``updated_at`` with every field the history reads."""
    parts: list[object] = []
    for model, changed in ((Initiative, True), (Membership, True), (StageMove, False)):
        figures = {"n": Count("pk"), "last": Max("pk")}
        if changed:
            figures["changed"] = Max("updated_at")
        stamp = model._default_manager.order_by().aggregate(**figures)
        parts.extend(v.isoformat() if isinstance(v, dt.datetime) else v for k, v in sorted(stamp.items()))
    return "lab-history:1:" + ":".join(str(p) for p in parts)


def _read_history() -> _History:
    """Every initiative's stays, from its stage moves, and the invitation tree, from its memberships."""
    rows = list(Initiative.objects.values_list("pk", "created_at", "stage", "stage_since", "autonomous_at"))
    moves: dict[int, list[tuple[dt.datetime, str]]] = defaultdict(list)
    for initiative_id, at, from_stage in StageMove.objects.values_list(
        "initiative_id", "at", "from_stage"
    ).order_by("initiative_id", "at", "id"):
        moves[initiative_id].append((at, from_stage))
    stays: dict[str, list[float]] = defaultdict(list)
    entered: dict[str, list[float]] = defaultdict(list)
    to_autonomy: list[float] = []
    for pk, created_at, stage, stage_since, autonomous_at in rows:
        began = created_at
        for at, from_stage in moves.get(pk, []):
            stays[from_stage].append(_days(at - began))
            began = at
        if stage != Stage.AUTONOMOUS:
            entered[stage].append(stage_since.timestamp())
        if autonomous_at is not None:
            to_autonomy.append(_days(autonomous_at - created_at))
    links: dict[int, int | None] = {}
    for person_id, invited_by in (
        Membership.objects.filter(person__isnull=False)
        .values_list("person_id", "invited_by_id")
        .order_by("created_at", "id")
    ):
        if person_id not in links or links[person_id] is None:
            links[person_id] = invited_by
    depths = Counter(invitation_depths(links.items()).values())
    return _History(len(rows), dict(stays), dict(entered), to_autonomy, dict(sorted(depths.items())))


def _history(key: str) -> _History:
    """The history, read once per state of the lab's data (stays so far are added by the caller)."""
    found = cache.get(key)
    if isinstance(found, _History):
        return found
    history = _read_history()
    cache.set(key, history, timeout=24 * 3600)
    return history


def _joins_per_month(now: dt.datetime, months: int, stamp: str) -> list[tuple[str, int]]:
    """People who joined a group (mentors aside) in each of the last ``months`` months: one aggregate of plain
    comparisons, one counted range per month (no per-row date function), read once per state of the
    memberships and month shown."""
    local = timezone.localtime(now)
    first = local.year * 12 + local.month - 1 - (months - 1)  # the first month shown, counted in months
    starts = []
    for k in range(months + 1):
        index = first + k
        starts.append(
            local.replace(
                year=index // 12, month=index % 12 + 1, day=1, hour=0, minute=0, second=0, microsecond=0
            )
        )
    key = f"{stamp}:joins:{starts[0].isoformat()}:{months}"
    found = cache.get(key)
    if isinstance(found, list):
        return found
    counted = (
        Membership.objects.filter(created_at__gte=starts[0], person__isnull=False)
        .exclude(role=MemberRole.MENTOR)
        .order_by()
        .aggregate(
            **{
                f"m{k}": Count("pk", filter=Q(created_at__gte=starts[k], created_at__lt=starts[k + 1]))
                for k in range(months)
            }
        )
    )
    joins = [(f"{starts[k].month:02d}/{starts[k].year}", int(counted[f"m{k}"] or 0)) for k in range(months)]
    cache.set(key, joins, timeout=24 * 3600)
    return joins


def _spreads() -> list[Spread]:
    """The four dimensions of diversity, each counted by the database (the SDGs from each initiative's list)."""
    themes = dict(Theme.objects.values_list("pk", "name"))
    districts = dict(District.objects.values_list("pk", "name"))
    whole_town = _("Toute la ville")
    theme_counts: Counter[str] = Counter()
    for theme_id, n in (
        Initiative.themes.through.objects.order_by()  # type: ignore[misc]  # the stubs miss the annotation
        .values_list("theme_id")
        .annotate(n=Count("pk"))
        .values_list("theme_id", "n")
    ):
        theme_counts[themes.get(theme_id, "")] += n
    district_counts: Counter[str] = Counter()
    for district_id, n in (
        Initiative.objects.order_by()
        .values_list("district_id")
        .annotate(n=Count("pk"))
        .values_list("district_id", "n")
    ):
        district_counts[districts.get(district_id, whole_town) if district_id else whole_town] += n
    profile_counts: Counter[str] = Counter()
    for profile, n in (
        Initiative.objects.order_by()
        .values_list("lead_profile")
        .annotate(n=Count("pk"))
        .values_list("lead_profile", "n")
    ):
        profile_counts[str(LeadProfile(profile).label)] += n
    sdg_numbers: Counter[int] = Counter()
    for sdgs, n in (  # grouped by their list of SDGs: a few dozen rows, not one per initiative
        Initiative.objects.order_by()
        .values_list("confirmed_sdgs")
        .annotate(n=Count("pk"))
        .values_list("confirmed_sdgs", "n")
    ):
        for number in sdgs or []:
            sdg_numbers[number] += n
    sdg_counts = Counter({_("ODD %(n)s") % {"n": n}: c for n, c in sdg_numbers.items()})
    return [
        spread(_("thèmes"), theme_counts),
        spread(_("objectifs de développement durable"), sdg_counts),
        spread(_("quartiers"), district_counts),
        spread(_("profils de qui les lance"), profile_counts),
    ]


def lab_dashboard(*, inactive_weeks: int = 6, months: int = 12) -> Dashboard:
    """Every figure of the lab's dashboard, in a fixed number of queries. What only changes when the lab's data
    changes (stays over, time to autonomy, invitation depths) is read once per state of that data; the rest is
    counted by the database at each request."""
    now = timezone.now()
    counts = dict(Initiative.objects.values_list("stage").annotate(n=Count("pk")).values_list("stage", "n"))
    per_stage = [(s.value, str(s.label), int(counts.get(s.value, 0))) for s in STAGE_ORDER]
    stamp = _history_stamp()
    history = _history(stamp)
    moment = now.timestamp()
    days_in_stage = []
    for s in STAGE_ORDER:
        if s == Stage.AUTONOMOUS:
            continue
        so_far = [(moment - entered) / DAY for entered in history.entered.get(s.value, [])]
        days_in_stage.append((str(s.label), median(history.stays.get(s.value, []) + so_far)))
    inactive = list(
        Initiative.objects.filter(last_activity_at__lt=now - dt.timedelta(weeks=inactive_weeks))
        .exclude(stage=Stage.AUTONOMOUS)
        .select_related("district")
        .order_by("last_activity_at")[:50]
    )
    sessions = dict(
        MentorSession.objects.values_list("mentor_id").annotate(n=Count("pk")).values_list("mentor_id", "n")
    )
    mentors = [
        MentorLoad(
            name=name or _("Accompagnateur n°%(id)s") % {"id": pk},
            initiatives=n,
            sessions=int(sessions.get(pk, 0)),
        )
        for pk, name, n in Membership.objects.filter(role=MemberRole.MENTOR, person__isnull=False)
        .values_list("person_id", "person__display_name")
        .annotate(n=Count("initiative", distinct=True))
        .values_list("person_id", "person__display_name", "n")
        .order_by("-n", "person__display_name")
    ]
    spreads = _spreads()
    depths = history.depths
    return Dashboard(
        total=sum(counts.values()),
        per_stage=per_stage,
        days_in_stage=days_in_stage,
        median_days_to_autonomy=median(history.to_autonomy),
        inactive_weeks=inactive_weeks,
        inactive=inactive,
        mentors=mentors,
        spreads=spreads,
        biodiversity=biodiversity(spreads),
        joins_per_month=_joins_per_month(now, months, stamp),
        invitation_depth=dict(depths),
        farthest_invitation=max(depths) if depths else 0,
    )


def biodiversity_in_words(board: Dashboard) -> str:
    """The index explained in plain French."""
    parts = []
    for s in board.spreads:
        if s.richness == 0:
            continue
        parts.append(
            _(
                "%(dimension)s : %(count)d valeurs, équilibre %(even)s %%, la plus fréquente « %(top)s » (%(share)s %%)"
            )
            % {
                "dimension": s.dimension,
                "count": s.richness,
                "even": round(s.evenness * 100),
                "top": s.most_common,
                "share": round(s.most_common_share * 100),
            }
        )
    return str(
        _(
            "L'indice vaut 100 %% quand les initiatives se répartissent à parts égales entre les thèmes, les objectifs, "
            "les quartiers et les profils de qui les lance ; il baisse quand quelques-uns concentrent presque tout "
            "(équitabilité de Shannon, moyenne des quatre). Ici : %(parts)s."
        )
        % {"parts": ("; " if is_english() else "\u00a0; ").join(parts) or _("pas encore assez d'initiatives")}
    )


__all__ = ["Dashboard", "MentorLoad", "biodiversity_in_words", "lab_dashboard"]
