"""Reads on bouquets, shaped for their pages."""

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet, Sum
from django.utils.translation import gettext as _

from bouquet.bouquets import registry
from bouquet.bouquets.corpus import proposal_text, territory_names
from bouquet.bouquets.engine.places import place_key, place_mentions
from bouquet.bouquets.models import Allocation, Bouquet, Clustering, Placement, Topic
from bouquet.processes.models import Process
from bouquet.proposals.models import Proposal, live_condition
from bouquet.proposals.selectors import ProposalFilters, proposals_for_list

SIMILAR_LIMIT = 5
_WORD = re.compile(r"\w{5,}", re.UNICODE)


@dataclass(frozen=True)
class SimilarProposal:
    proposal: Proposal
    similarity: float | None  # None when found by full-text search (engine not ready)


def similar_proposals(
    *,
    process: Process,
    text: str,
    limit: int = SIMILAR_LIMIT,
    exclude_id: int | None = None,
    typing: bool = False,
) -> list[SimilarProposal]:
    """Probable duplicates of a text: by meaning or the same words when the engine is warm, by full-text search
    otherwise. `typing`: the text is being typed, its last word may be unfinished."""
    text = (text or "").strip()
    if len(text) < 8:
        return []
    engine = None
    if registry.encoder_is_warm():
        engine = registry.engine_for(process)
    else:
        registry.warm_encoder_in_background()
    if engine is not None:
        matches = engine.similar(
            text, k=limit + 1, exclude_id=str(exclude_id) if exclude_id else None, typing=typing
        )
        ids = [int(m.id) for m in matches]
        found = _live(process).in_bulk(ids)
        return [SimilarProposal(found[int(m.id)], m.similarity) for m in matches if int(m.id) in found][
            :limit
        ]
    # Until the engine is ready (or before any regrouping), the longest words of the text are searched as French full text.
    words = sorted(set(_WORD.findall(text.lower())), key=len, reverse=True)[:6]
    if not words:
        return []
    filters = ProposalFilters(query=" ".join(words), sort="relevance", match_any=True)
    queryset = proposals_for_list(process=process, filters=filters)
    if exclude_id:
        queryset = queryset.exclude(pk=exclude_id)
    return [SimilarProposal(p, None) for p in queryset[:limit]]


def _live(process: Process) -> QuerySet[Proposal]:
    return Proposal.objects.live().filter(process=process).select_related("district")


def bouquets_overview(*, process: Process) -> list[Topic]:
    """Broad themes with their bouquets, sizes and supports, and the pool of not-yet-grouped proposals, counting
    only proposals that count (``live``: a withdrawn or hidden one stays placed but is not counted)."""
    live = live_condition(via="placements__proposal__")
    bouquets = (
        Bouquet.objects.filter(process=process)
        .annotate(
            size=Count("placements", filter=live),
            supports=Sum("placements__proposal__support_count", filter=live),
        )
        .order_by("-pinned", "-size", "label")
    )
    return list(
        Topic.objects.filter(process=process)
        .annotate(
            size=Count("placements", filter=live, distinct=True),
            ungrouped=Count("placements", filter=live & Q(placements__bouquet__isnull=True), distinct=True),
        )
        .prefetch_related(Prefetch("bouquets", queryset=bouquets, to_attr="bouquet_list"))
        .order_by("position", "id")
    )


def bouquet_for_page(*, pk: int) -> Bouquet:
    """A bouquet with its members (proposals that count), their districts, the reasons they are there, and the
    means given to it (``means``)."""
    members = (
        Placement.objects.filter(live_condition(via="proposal__"))
        .select_related("proposal", "proposal__district")
        .order_by("-proposal__support_count", "proposal_id")
    )
    return (
        Bouquet.objects.select_related("process", "topic")
        .prefetch_related(
            Prefetch("placements", queryset=members, to_attr="members"),
            Prefetch(
                "allocations", queryset=Allocation.objects.order_by("created_at", "id"), to_attr="means"
            ),
        )
        .get(pk=pk)
    )


def bouquet_districts(bouquet: Bouquet) -> list[dict[str, Any]]:
    """How many of a bouquet's members come from each district (for the agents' view)."""
    counts: dict[str, int] = {}
    for placement in getattr(bouquet, "members", []):
        district = placement.proposal.district
        name = district.name if district else "—"
        counts[name] = counts.get(name, 0) + 1
    return [{"name": name, "count": count} for name, count in sorted(counts.items(), key=lambda kv: -kv[1])]


def ungrouped_proposals(*, process: Process) -> QuerySet[Placement]:
    """Proposals not close enough to any other yet: shown as such, never forced into a bouquet."""
    return (
        Placement.objects.filter(live_condition(via="proposal__"), process=process, bouquet__isnull=True)
        .select_related("proposal", "topic")
        .order_by("topic__position", "-proposal__support_count")
    )


def latest_clustering(*, process: Process) -> Clustering | None:
    """The most recent regrouping, whatever its state (for the progress display)."""
    return (
        Clustering.objects.filter(process=process)
        .defer("engine_state")
        .order_by("-created_at", "-id")
        .first()
    )


def placement_of(proposal: Proposal) -> Placement | None:
    """Where a proposal stands, with its bouquet."""
    return Placement.objects.select_related("bouquet", "topic").filter(proposal=proposal).first()


def _quoted_list(items: list[str]) -> str:
    """« a », « b » et « c » (French quotes, French list)."""
    quoted = [f"« {item} »" for item in items]
    if len(quoted) <= 1:
        return "".join(quoted)
    return _("{firsts} et {last}").format(firsts=", ".join(quoted[:-1]), last=quoted[-1])


def explain_placements(placements: Iterable[Placement]) -> None:
    """Give each placement `why`: a French sentence saying why the proposal is in its bouquet, naming the
    members it is closest to and the words they share, never a score. One query for every title named.

    Placed by an agent, it says so (the engine's reasons no longer hold); the sentence follows each move."""
    placements = list(placements)
    wanted = {int(pid) for p in placements if p.bouquet_id and not p.moved_by_agent for pid in p.nearest_ids}
    titles = dict(
        Placement.objects.filter(live_condition(via="proposal__"), proposal_id__in=wanted).values_list(
            "proposal_id", "proposal__title"
        )
    )
    for p in placements:
        why = ""
        if p.bouquet_id and p.moved_by_agent:
            why = _("Placée dans ce bouquet par un agent de la collectivité.")
        elif p.bouquet_id:
            near = [
                titles[int(pid)] for pid in p.nearest_ids if int(pid) in titles and int(pid) != p.proposal_id
            ]
            words = [str(w) for w in p.shared_keywords][:3]
            if near and words:
                why = _("Regroupée avec {near} : elles parlent de {words}.").format(
                    near=_quoted_list(near[:2]), words=_quoted_list(words)
                )
            elif near:
                why = _("Regroupée avec {near}, les plus proches par le sens.").format(
                    near=_quoted_list(near[:2])
                )
            elif words:
                why = _("Regroupée avec les propositions du bouquet qui parlent aussi de {words}.").format(
                    words=_quoted_list(words)
                )
            else:
                why = _("Regroupée avec les propositions du bouquet, proches par le sens.")
        p.why = why  # type: ignore[attr-defined]


# ---- proposals by place: what the grouping leaves aside (engine/places.py) -----------------------------------

BY_PLACE_LIMIT = 40


@dataclass(frozen=True)
class PlaceGroup:
    name: str  # as people wrote it (or the place's name on the map)
    proposals: list[Proposal]


def proposals_by_place(*, process: Process) -> list[PlaceGroup]:
    """The live proposals that name the same place (a place chosen on the map, or a street, square or park
    named in their text), places named by two proposals or more first. Bouquets gather needs whatever the
    place; this view gathers places whatever the need."""
    names = territory_names()
    groups: dict[str, list[Proposal]] = defaultdict(list)
    written: dict[str, str] = {}
    proposals = (
        Proposal.objects.live()
        .filter(process=process)
        .select_related("place")
        .only("id", "title", "body", "support_count", "place__name", "process_id")
        .order_by("-support_count", "id")
    )
    for proposal in proposals:
        keys: dict[str, str] = {}
        if proposal.place is not None:
            keys[place_key(proposal.place.name)] = proposal.place.name
        for mention in place_mentions(proposal_text(proposal), names):
            keys.setdefault(mention.key, mention.text)
        for key, text in keys.items():
            groups[key].append(proposal)
            written.setdefault(key, text)
    found = [PlaceGroup(written[key], members) for key, members in groups.items() if len(members) >= 2]
    found.sort(key=lambda group: (-len(group.proposals), place_key(group.name)))
    return found[:BY_PLACE_LIMIT]
