"""The lab's dashboard: initiatives per stage, time spent in each stage, median time to autonomy, initiatives with
no activity for N weeks, each mentor's load, the biodiversity of initiatives and momentum.

A fixed number of queries, whatever the number of initiatives (each figure is one aggregate or one flat list of
values); the arithmetic is in the pure ``analysis`` module."""

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass

from django.db.models import Count
from django.db.models.functions import TruncMonth
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


def lab_dashboard(*, inactive_weeks: int = 6, months: int = 12) -> Dashboard:
    """Every figure of the lab's dashboard, in a fixed number of queries."""
    now = timezone.now()
    counts = dict(Initiative.objects.values_list("stage").annotate(n=Count("pk")).values_list("stage", "n"))
    per_stage = [(s.value, str(s.label), int(counts.get(s.value, 0))) for s in STAGE_ORDER]
    rows = list(Initiative.objects.values_list("pk", "created_at", "stage", "stage_since", "autonomous_at"))
    moves: dict[int, list[tuple[dt.datetime, str, str]]] = defaultdict(list)
    for initiative_id, at, from_stage, to_stage in StageMove.objects.values_list(
        "initiative_id", "at", "from_stage", "to_stage"
    ).order_by("initiative_id", "at", "id"):
        moves[initiative_id].append((at, from_stage, to_stage))
    stays: dict[str, list[float]] = defaultdict(list)
    to_autonomy: list[float] = []
    for pk, created_at, stage, stage_since, autonomous_at in rows:
        entered = created_at
        for at, from_stage, _to in moves.get(pk, []):
            stays[from_stage].append(_days(at - entered))
            entered = at
        if stage != Stage.AUTONOMOUS:
            stays[stage].append(_days(now - stage_since))
        if autonomous_at is not None:
            to_autonomy.append(_days(autonomous_at - created_at))
    days_in_stage = [
        (str(s.label), median(stays.get(s.value, []))) for s in STAGE_ORDER if s != Stage.AUTONOMOUS
    ]
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
    themes = dict(Theme.objects.values_list("pk", "name"))
    districts = dict(District.objects.values_list("pk", "name"))
    theme_values = [
        themes.get(t, "") for t in Initiative.themes.through.objects.values_list("theme_id", flat=True)
    ]
    sdg_values: list[str] = []
    district_values: list[str] = []
    profile_values: list[str] = []
    for sdgs, district_id, profile in Initiative.objects.values_list(
        "confirmed_sdgs", "district_id", "lead_profile"
    ):
        sdg_values.extend(_("ODD %(n)s") % {"n": n} for n in (sdgs or []))
        district_values.append(
            districts.get(district_id, _("Toute la ville")) if district_id else _("Toute la ville")
        )
        profile_values.append(str(LeadProfile(profile).label))
    spreads = [
        spread(_("thèmes"), theme_values),
        spread(_("objectifs de développement durable"), sdg_values),
        spread(_("quartiers"), district_values),
        spread(_("profils de qui les lance"), profile_values),
    ]
    local = timezone.localtime(now)
    first = local.year * 12 + local.month - 1 - (months - 1)  # the first month shown, counted in months
    since = local.replace(
        year=first // 12, month=first % 12 + 1, day=1, hour=0, minute=0, second=0, microsecond=0
    )
    joined = dict(
        Membership.objects.filter(created_at__gte=since, person__isnull=False)
        .exclude(role=MemberRole.MENTOR)
        .annotate(month=TruncMonth("created_at"))
        .values_list("month")
        .annotate(n=Count("pk"))
        .values_list("month", "n")
    )
    by_month = {
        (timezone.localtime(m).year, timezone.localtime(m).month)
        if isinstance(m, dt.datetime) and timezone.is_aware(m)
        else (m.year, m.month): n
        for m, n in joined.items()
        if m is not None
    }
    joins = []
    cursor = since
    for _i in range(months):
        joins.append((f"{cursor.month:02d}/{cursor.year}", int(by_month.get((cursor.year, cursor.month), 0))))
        cursor = (cursor + dt.timedelta(days=32)).replace(day=1)
    links: dict[int, int | None] = {}
    for person_id, invited_by in (
        Membership.objects.filter(person__isnull=False)
        .values_list("person_id", "invited_by_id")
        .order_by("created_at", "id")
    ):
        if person_id not in links or links[person_id] is None:
            links[person_id] = invited_by
    depths = Counter(invitation_depths(links.items()).values())
    return Dashboard(
        total=len(rows),
        per_stage=per_stage,
        days_in_stage=days_in_stage,
        median_days_to_autonomy=median(to_autonomy),
        inactive_weeks=inactive_weeks,
        inactive=inactive,
        mentors=mentors,
        spreads=spreads,
        biodiversity=biodiversity(spreads),
        joins_per_month=joins,
        invitation_depth=dict(sorted(depths.items())),
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
