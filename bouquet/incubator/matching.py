"""Matching needs with what others can give (energies of people, offers of initiatives): an explained score.

Pure (no Django): plain profiles and vectors in, matches with their reasons out. The score is a weighted sum of
parts a person can read: the skills asked that the giver has, whether they give that kind of thing (a room, a tool,
time), the same district, a shared theme, the time offered against the time asked, and how close the free texts
are in meaning (cosine of unit vectors from the bouquets engine's encoder). Each part is kept with the match, so
the page shows why (« jardinage · quartier Nord · 4 h/mois »), not a black-box number.

Every pair is scored with sparse and dense matrix products over blocks of needs, so 3,000 needs against 20,000
energies stay in memory (one block at a time) and take about a second (bench/matching.py)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Final

import numpy as np
from scipy import sparse

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


def _incidence(rows: Sequence[frozenset[int]], columns: dict[int, int]) -> sparse.csr_matrix:
    """A 0/1 sparse matrix: row i has a 1 in the column of each id of ``rows[i]``."""
    indptr = [0]
    indices: list[int] = []
    for items in rows:
        indices.extend(columns[i] for i in items if i in columns)
        indptr.append(len(indices))
    data = np.ones(len(indices), dtype=np.float32)
    return sparse.csr_matrix((data, indices, indptr), shape=(len(rows), max(len(columns), 1)))


def _columns(*groups: Sequence[frozenset[int]]) -> dict[int, int]:
    ids = sorted({i for group in groups for items in group for i in items})
    return {value: position for position, value in enumerate(ids)}


def _kind_columns(rows: Sequence[frozenset[str]]) -> sparse.csr_matrix:
    index = {kind: position for position, kind in enumerate(KINDS)}
    indptr = [0]
    indices: list[int] = []
    for kinds in rows:
        indices.extend(index[k] for k in kinds if k in index)
        indptr.append(len(indices))
    return sparse.csr_matrix(
        (np.ones(len(indices), dtype=np.float32), indices, indptr), shape=(len(rows), len(KINDS))
    )


def _dense(product: object) -> np.ndarray:
    if sparse.issparse(product):
        return np.asarray(product.toarray(), dtype=np.float32)  # type: ignore[attr-defined]
    return np.asarray(product, dtype=np.float32)


def match(
    needs: Sequence[Profile],
    givers: Sequence[Profile],
    need_vectors: np.ndarray | None = None,
    giver_vectors: np.ndarray | None = None,
    *,
    top: int = TOP,
    minimum: float = MINIMUM_SCORE,
    block: int = 256,
) -> list[Match]:
    """The best givers for each need (at most ``top``, each scoring at least ``minimum``), best first within a
    need. Vectors are unit rows (one per profile, same order) or None to leave meaning out."""
    if not needs or not givers:
        return []
    skill_cols = _columns([n.skills for n in needs], [g.skills for g in givers])
    district_cols = _columns([n.districts for n in needs], [g.districts for g in givers])
    theme_cols = _columns([n.themes for n in needs], [g.themes for g in givers])
    need_skills = _incidence([n.skills for n in needs], skill_cols)
    giver_skills_t = _incidence([g.skills for g in givers], skill_cols).T.tocsr()
    need_districts = _incidence([n.districts for n in needs], district_cols)
    giver_districts_t = _incidence([g.districts for g in givers], district_cols).T.tocsr()
    need_themes = _incidence([n.themes for n in needs], theme_cols)
    giver_themes_t = _incidence([g.themes for g in givers], theme_cols).T.tocsr()
    need_kinds = _kind_columns([n.kinds for n in needs])
    giver_kinds_t = _kind_columns([g.kinds for g in givers]).T.tocsr()
    skills_asked = np.array([len(n.skills) for n in needs], dtype=np.float32)
    hours_asked = np.array([n.hours for n in needs], dtype=np.float32)
    hours_given = np.array([g.hours for g in givers], dtype=np.float32)
    with_text = need_vectors is not None and giver_vectors is not None
    giver_vectors_t = (
        np.ascontiguousarray(giver_vectors.T) if with_text and giver_vectors is not None else None
    )
    keep = max(1, min(top, len(givers)))
    out: list[Match] = []
    for start in range(0, len(needs), block):
        stop = min(start + block, len(needs))
        rows = slice(start, stop)
        skills = _dense(need_skills[rows] @ giver_skills_t) / np.maximum(skills_asked[rows, None], 1.0)
        kind = np.minimum(_dense(need_kinds[rows] @ giver_kinds_t), 1.0)
        district = np.minimum(_dense(need_districts[rows] @ giver_districts_t), 1.0)
        themes = np.minimum(_dense(need_themes[rows] @ giver_themes_t), 1.0)
        asked = hours_asked[rows, None]
        time = np.where(asked > 0, np.minimum(hours_given[None, :] / np.maximum(asked, 1.0), 1.0), 0.0)
        score = (
            WEIGHTS["skills"] * skills
            + WEIGHTS["kind"] * kind
            + WEIGHTS["district"] * district
            + WEIGHTS["themes"] * themes
            + WEIGHTS["time"] * time
        ).astype(np.float32)
        text = None
        if with_text and need_vectors is not None and giver_vectors_t is not None:
            text = np.maximum(need_vectors[rows] @ giver_vectors_t, 0.0).astype(np.float32)
            score += WEIGHTS["text"] * text
        if keep < len(givers):
            best = np.argpartition(-score, keep - 1, axis=1)[:, :keep]
        else:
            best = np.tile(np.arange(len(givers)), (stop - start, 1))
        for local, candidates in enumerate(best):
            i = start + local
            order = candidates[np.argsort(-score[local, candidates], kind="stable")]
            for j in order:
                value = float(score[local, j])
                if value < minimum:
                    break
                out.append(
                    _explain(
                        needs[i],
                        givers[int(j)],
                        value,
                        {
                            "skills": WEIGHTS["skills"] * float(skills[local, j]),
                            "kind": WEIGHTS["kind"] * float(kind[local, j]),
                            "district": WEIGHTS["district"] * float(district[local, j]),
                            "themes": WEIGHTS["themes"] * float(themes[local, j]),
                            "time": WEIGHTS["time"] * float(time[local, j]),
                            "text": WEIGHTS["text"] * float(text[local, j]) if text is not None else 0.0,
                        },
                    )
                )
    return out


def _explain(need: Profile, giver: Profile, score: float, parts: dict[str, float]) -> Match:
    """The match with the items behind each part (the skills shared, the district, the time given)."""
    shared_district = sorted(need.districts & giver.districts)
    kinds = sorted(need.kinds & giver.kinds)
    reason = Reason(
        skills=tuple(sorted(need.skills & giver.skills)),
        kind=kinds[0] if kinds else None,
        district=shared_district[0] if shared_district else None,
        themes=tuple(sorted(need.themes & giver.themes)),
        hours=giver.hours if giver.hours > 0 else None,
        text=round(parts["text"] / WEIGHTS["text"], 3) if parts["text"] else 0.0,
    )
    return Match(
        need=need.key,
        giver=giver.key,
        score=round(score, 4),
        parts={k: round(v, 4) for k, v in parts.items()},
        reason=reason,
    )


def best_for_giver(matches: Sequence[Match], giver: int) -> list[Match]:
    """The matches of one giver, best first (a person sees the initiatives that match their energies)."""
    return sorted((m for m in matches if m.giver == giver), key=lambda m: (-m.score, m.need))
