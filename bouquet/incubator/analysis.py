"""The lab's figures on plain data (no Django): the biodiversity of initiatives, medians, the bubbles of the
solidarity chain and where to draw them.

Biodiversity is Pielou's evenness (Shannon entropy divided by its largest possible value) of the initiatives over
each dimension (themes, SDGs, districts, who leads them), averaged: 1 when initiatives spread evenly over every
value seen, near 0 when nearly all of them share one value. Bubbles are the communities Louvain finds in the graph
of initiatives linked by exchanges (networkx, fixed seed: the same chain gives the same bubbles)."""

from __future__ import annotations

import math
import statistics
from collections import Counter
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass

import networkx as nx

BUBBLE_SEED = 7


@dataclass(frozen=True, slots=True)
class Spread:
    """How one dimension is spread: values seen, Shannon entropy (nats), evenness (0 to 1), the most common."""

    dimension: str
    richness: int
    shannon: float
    evenness: float
    most_common: str | None
    most_common_share: float


def spread(dimension: str, values: Iterable[Hashable]) -> Spread:
    """Shannon entropy and Pielou evenness of the values (one per initiative, or several: themes, SDGs); a
    mapping (a ``Counter``) gives each value with how many times it occurs."""
    counts = Counter(values)
    total = sum(counts.values())
    if total == 0:
        return Spread(dimension, 0, 0.0, 0.0, None, 0.0)
    shares = [c / total for c in counts.values()]
    shannon = -sum(p * math.log(p) for p in shares if p > 0)
    richness = len(counts)
    evenness = shannon / math.log(richness) if richness > 1 else 0.0
    top, top_count = counts.most_common(1)[0]
    return Spread(
        dimension, richness, round(shannon, 4), round(evenness, 4), str(top), round(top_count / total, 4)
    )


def biodiversity(spreads: Sequence[Spread]) -> float:
    """The index: the mean evenness of the dimensions that have values (0 when none has)."""
    seen = [s.evenness for s in spreads if s.richness > 0]
    return round(sum(seen) / len(seen), 4) if seen else 0.0


def median(values: Sequence[float]) -> float | None:
    """The median, or None for no value."""
    return float(statistics.median(values)) if values else None


def bubbles(edges: Iterable[tuple[int, int]], *, seed: int = BUBBLE_SEED) -> list[frozenset[int]]:
    """Groups of initiatives that help one another: Louvain communities of the exchange graph (an edge's weight
    is the number of exchanges between the two), of two initiatives or more, largest first."""
    graph: nx.Graph[int] = nx.Graph()
    for a, b in edges:
        if a == b:
            continue
        weight = graph[a][b]["weight"] + 1 if graph.has_edge(a, b) else 1
        graph.add_edge(a, b, weight=weight)
    if graph.number_of_edges() == 0:
        return []
    found = nx.community.louvain_communities(graph, weight="weight", seed=seed)
    groups = [frozenset(int(n) for n in group) for group in found if len(group) > 1]
    return sorted(groups, key=lambda g: (-len(g), min(g)))


def invitation_depths(links: Iterable[tuple[int, int | None]]) -> dict[int, int]:
    """How far invitations travelled: for each person (child, invited by parent or None), the number of hops
    from someone nobody invited. Cycles (impossible in practice) stop at the person met twice."""
    parent = dict(links)
    depths: dict[int, int] = {}
    for person in parent:
        seen: set[int] = set()
        hops, current = 0, person
        while parent.get(current) is not None and current not in seen:
            seen.add(current)
            current = parent[current]  # type: ignore[assignment]
            hops += 1
        depths[person] = hops
    return depths


@dataclass(frozen=True, slots=True)
class Point:
    key: int
    x: float
    y: float
    bubble: int | None


def layout(nodes: Sequence[int], groups: Sequence[frozenset[int]], *, size: float = 600.0) -> list[Point]:
    """Where to draw each initiative: each bubble on its own small circle, the bubbles around a large circle, and
    the initiatives in no bubble on an outer ring. Deterministic, so the picture does not move between visits."""
    centre = size / 2
    points: list[Point] = []
    placed: set[int] = set()
    count = max(len(groups), 1)
    ring = size * 0.28 if len(groups) > 1 else 0.0
    for index, group in enumerate(groups):
        angle = 2 * math.pi * index / count
        cx, cy = centre + ring * math.cos(angle), centre + ring * math.sin(angle)
        members = sorted(group)
        radius = min(size * 0.16, 18.0 + 9.0 * len(members))
        for k, key in enumerate(members):
            a = 2 * math.pi * k / len(members)
            points.append(
                Point(key, round(cx + radius * math.cos(a), 1), round(cy + radius * math.sin(a), 1), index)
            )
            placed.add(key)
    rest = [n for n in nodes if n not in placed]
    for k, key in enumerate(rest):
        a = 2 * math.pi * k / max(len(rest), 1) + math.pi / 7
        r = size * 0.46
        points.append(
            Point(key, round(centre + r * math.cos(a), 1), round(centre + r * math.sin(a), 1), None)
        )
    return points
