"""Matching needs with what others can give (energies of people, offers of initiatives): an explained score.

Pure (no Django): plain profiles and vectors in, matches with their reasons out. The score is a weighted sum of
parts a person can read: the skills asked that the giver has, whether they give that kind of thing (a room, a tool,
time), the same district, a shared theme, the time offered against the time asked, and how close the free texts
are in meaning (cosine of unit vectors from the bouquets engine's encoder). Each part is kept with the match, so
the page shows why (« jardinage · quartier Nord · 4 h/mois »), not a black-box number.

Every pair is scored with two dense matrix products over blocks of needs (the structured fields weighted into
one matrix, the free-text vectors into another), so 3,000 needs against 20,000 energies stay in memory one block
at a time; only the best pairs are then explained one by one (bench/matching.py)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Final

import numpy as np

# The weight of each part; they add up to 1, so a score reads as a share of a perfect match.
WEIGHTS: Final[dict[str, float]] = {
    "skills": 0.35,
    "kind": 0.15,
    "district": 0.15,
    "themes": 0.10,
    "time": 0.10,
    "text": 0.15,
}
KINDS: Final[tuple[str, ...]] = ("skill", "room", "tool", "money", "volunteers")
MINIMUM_SCORE: Final = 0.2  # below this a pair is no match worth showing
TOP: Final = 10  # matches kept per need


@dataclass(frozen=True, slots=True)
class Profile:
    """A need, an energy or an offer, as the matching sees it: ids of skills, districts and themes, hours a
    month, and the kinds of thing it asks or gives (a need asks one kind)."""

    key: int
    skills: frozenset[int] = frozenset()
    districts: frozenset[int] = frozenset()
    themes: frozenset[int] = frozenset()
    hours: int = 0
    kinds: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Reason:
    """Why a giver fits a need: what the page writes out, part by part."""

    skills: tuple[int, ...] = ()
    kind: str | None = None
    district: int | None = None
    themes: tuple[int, ...] = ()
    hours: int | None = None
    text: float = 0.0


@dataclass(frozen=True, slots=True)
class Match:
    """A giver for a need, its score (0 to 1), each part's share of it, and the reason."""

    need: int
    giver: int
    score: float
    parts: dict[str, float] = field(default_factory=dict)
    reason: Reason = field(default_factory=Reason)


def _columns(*groups: Sequence[frozenset[Any]]) -> dict[Any, int]:
    ids = sorted({i for group in groups for items in group for i in items})
    return {value: position for position, value in enumerate(ids)}


def _onehot(rows: Sequence[frozenset[Any]], columns: dict[Any, int], width: int) -> np.ndarray:
    """A dense 0/1 matrix: row i has a 1 in the column of each item of ``rows[i]``."""
    out = np.zeros((len(rows), width), dtype=np.float32)
    for i, items in enumerate(rows):
        for item in items:
            column = columns.get(item)
            if column is not None:
                out[i, column] = 1.0
    return out


@dataclass(frozen=True, slots=True)
class _Columns:
    """What each column of the structured matrices stands for: its part (index in PARTS) and its item."""

    part: np.ndarray
    item: list[Any]
    starts: np.ndarray


PARTS: Final[tuple[str, ...]] = ("skills", "kind", "district", "themes")


def _features(needs: Sequence[Profile], givers: Sequence[Profile]) -> tuple[np.ndarray, np.ndarray, _Columns]:
    """Structured fields as one weighted matrix per side, so that one product gives the structured score of
    every pair: a need's row carries each part's weight divided by how many items it asks (the share of its
    skills, districts and themes that the giver has), a giver's row is 0/1."""
    parts: tuple[tuple[str, list[frozenset[Any]], list[frozenset[Any]]], ...] = (
        ("skills", [n.skills for n in needs], [g.skills for g in givers]),
        ("kind", [n.kinds for n in needs], [g.kinds for g in givers]),
        ("district", [n.districts for n in needs], [g.districts for g in givers]),
        ("themes", [n.themes for n in needs], [g.themes for g in givers]),
    )
    need_blocks: list[np.ndarray] = []
    giver_blocks: list[np.ndarray] = []
    part_of: list[int] = []
    item_of: list[Any] = []
    starts: list[int] = []
    for index, (name, asked, given) in enumerate(parts):
        columns: dict[Any, int] = (
            {kind: i for i, kind in enumerate(KINDS)} if name == "kind" else _columns(asked, given)
        )
        width = max(len(columns), 1)
        starts.append(len(part_of))
        names = {position: item for item, position in columns.items()}
        part_of.extend([index] * width)
        item_of.extend(names.get(position) for position in range(width))
        block = _onehot(asked, columns, width)
        counts = np.maximum(block.sum(axis=1, keepdims=True), 1.0)
        need_blocks.append(block * (WEIGHTS[name] / counts))
        giver_blocks.append(_onehot(given, columns, width))
    givers_matrix = np.hstack(giver_blocks)
    return (
        np.hstack(need_blocks),
        givers_matrix,
        _Columns(np.array(part_of), item_of, np.array(starts)),
    )


@dataclass(frozen=True, slots=True)
class MatchTable:
    """Every match of a run as arrays (one row per match, grouped by need, best first within a need): the
    score, each part's share (columns in ``PART_NAMES`` order) and the items shared (skills, kind, district,
    themes) as a CSR-like list; ``matches()`` writes them out as ``Match`` objects."""

    needs: Sequence[Profile]
    givers: Sequence[Profile]
    need_index: np.ndarray
    giver_index: np.ndarray
    scores: np.ndarray
    parts: np.ndarray
    cosines: np.ndarray
    shared_bounds: np.ndarray
    shared_part: np.ndarray
    shared_item: list[Any]

    def __len__(self) -> int:
        return int(self.scores.size)

    def matches(self) -> list[Match]:
        """The matches as objects, with their reasons."""
        out: list[Match] = []
        bounds = self.shared_bounds.tolist()
        part_of = self.shared_part.tolist()
        parts = self.parts.tolist()
        for p, (i, j, value, cosine) in enumerate(
            zip(
                self.need_index.tolist(),
                self.giver_index.tolist(),
                self.scores.tolist(),
                self.cosines.tolist(),
                strict=True,
            )
        ):
            items: list[list[Any]] = [[], [], [], []]
            for k in range(bounds[p], bounds[p + 1]):
                items[part_of[k]].append(self.shared_item[k])
            giver = self.givers[j]
            out.append(
                Match(
                    need=self.needs[i].key,
                    giver=giver.key,
                    score=value,
                    parts=dict(zip(PART_NAMES, parts[p], strict=True)),
                    reason=Reason(
                        skills=tuple(sorted(items[0])),
                        kind=min(items[1]) if items[1] else None,
                        district=min(items[2]) if items[2] else None,
                        themes=tuple(sorted(items[3])),
                        hours=giver.hours if giver.hours > 0 else None,
                        text=cosine,
                    ),
                )
            )
        return out


PART_NAMES: Final[tuple[str, ...]] = (*PARTS, "time", "text")


def match_table(
    needs: Sequence[Profile],
    givers: Sequence[Profile],
    need_vectors: np.ndarray | None = None,
    giver_vectors: np.ndarray | None = None,
    *,
    top: int = TOP,
    minimum: float = MINIMUM_SCORE,
    block: int = 512,
) -> MatchTable:
    """Score every pair, keep the best ``top`` givers of each need scoring at least ``minimum``, and explain
    them (each part's share and the items shared), all in arrays."""
    empty_int = np.zeros(0, dtype=np.int64)
    if not needs or not givers:
        return MatchTable(
            needs,
            givers,
            empty_int,
            empty_int,
            np.zeros(0, np.float32),
            np.zeros((0, 6), np.float32),
            np.zeros(0, np.float32),
            np.zeros(1, np.int64),
            empty_int,
            [],
        )
    need_features, giver_features, columns_of = _features(needs, givers)
    giver_features_t = np.ascontiguousarray(giver_features.T)
    hours_asked = np.array([n.hours for n in needs], dtype=np.float32)
    per_hour = np.where(hours_asked > 0, WEIGHTS["time"] / np.maximum(hours_asked, 1.0), 0.0).astype(
        np.float32
    )
    hours_given = np.array([g.hours for g in givers], dtype=np.float32)
    with_text = need_vectors is not None and giver_vectors is not None
    giver_vectors_t = (
        np.ascontiguousarray(giver_vectors.T, dtype=np.float32)
        if with_text and giver_vectors is not None
        else None
    )
    keep = max(1, min(top, len(givers)))
    found_rows: list[np.ndarray] = []
    found_columns: list[np.ndarray] = []
    found_values: list[np.ndarray] = []
    for start in range(0, len(needs), block):
        stop = min(start + block, len(needs))
        score = need_features[start:stop] @ giver_features_t
        # time: the share of the hours asked that the giver offers, capped at all of them
        time = np.multiply.outer(per_hour[start:stop], hours_given)
        np.minimum(time, WEIGHTS["time"], out=time)
        score += time
        del time
        if with_text and need_vectors is not None and giver_vectors_t is not None:
            text = np.asarray(need_vectors[start:stop], dtype=np.float32) @ giver_vectors_t
            np.maximum(text, 0.0, out=text)  # texts unlike each other add nothing; they never subtract
            text *= WEIGHTS["text"]
            score += text
            del text
        if keep < len(givers):
            best = np.argpartition(-score, keep - 1, axis=1)[:, :keep]
        else:
            best = np.tile(np.arange(len(givers)), (stop - start, 1))
        chosen = np.take_along_axis(score, best, axis=1)
        rows, positions = np.nonzero(chosen >= minimum)
        found_rows.append(rows + start)
        found_columns.append(best[rows, positions])
        found_values.append(chosen[rows, positions])
    rows = np.concatenate(found_rows)
    columns = np.concatenate(found_columns)
    values = np.concatenate(found_values)
    order = np.lexsort((-values, rows))  # by need, best first within a need
    rows, columns, values = rows[order], columns[order], values[order]
    if with_text and need_vectors is not None and giver_vectors is not None:
        cosines = np.einsum("ij,ij->i", need_vectors[rows], giver_vectors[columns]).astype(np.float32)
        np.maximum(cosines, 0.0, out=cosines)
    else:
        cosines = np.zeros(rows.size, dtype=np.float32)
    # each part's share for the chosen pairs: the same products, pair by pair, summed per part
    shares = need_features[rows] * giver_features[columns]
    parts = np.empty((rows.size, len(PART_NAMES)), dtype=np.float32)
    parts[:, : len(PARTS)] = np.add.reduceat(shares, columns_of.starts, axis=1) if rows.size else 0.0
    parts[:, len(PARTS)] = np.minimum(per_hour[rows] * hours_given[columns], WEIGHTS["time"])
    parts[:, len(PARTS) + 1] = WEIGHTS["text"] * cosines
    pair_of, column_of = np.nonzero(shares > 0)
    return MatchTable(
        needs=needs,
        givers=givers,
        need_index=rows,
        giver_index=columns,
        scores=values,
        parts=parts,
        cosines=cosines,
        shared_bounds=np.searchsorted(pair_of, np.arange(rows.size + 1)),
        shared_part=columns_of.part[column_of],
        shared_item=[columns_of.item[c] for c in column_of.tolist()],
    )


def match(
    needs: Sequence[Profile],
    givers: Sequence[Profile],
    need_vectors: np.ndarray | None = None,
    giver_vectors: np.ndarray | None = None,
    *,
    top: int = TOP,
    minimum: float = MINIMUM_SCORE,
    block: int = 512,
) -> list[Match]:
    """The best givers for each need (at most ``top``, each scoring at least ``minimum``), best first within a
    need, each with its parts and reason. Vectors are unit rows (one per profile, same order) or None to leave
    meaning out."""
    return match_table(
        needs, givers, need_vectors, giver_vectors, top=top, minimum=minimum, block=block
    ).matches()


def best_for_giver(matches: Sequence[Match], giver: int) -> list[Match]:
    """The matches of one giver, best first (a person sees the initiatives that match their energies)."""
    return sorted((m for m in matches if m.giver == giver), key=lambda m: (-m.score, m.need))
