"""Probable duplicates: the meaning of two texts (encoder cosine) against a cut relative to the corpus, or the
same words in their titles (one title contained in the other, plurals and accents aside).

Why the encoder alone: on hand-written French pairs (bench/data/duplicates_*.csv) the TF-IDF block, refitted per
corpus, raises unrelated pairs that share words (« cantine », « enfants ») and its levels drift with the corpus
size; the sentence encoder's cosine separates paraphrases from unrelated proposals better.

Why a relative cut: the more proposals are indexed, the likelier one unrelated proposal among them is close to a
new text by chance: the largest of n chance similarities grows like sqrt(2 ln n) standard deviations above their
centre. The cut is that centre plus (`margin` + sqrt(2 ln n)) spreads, the centre and spread of this corpus's
pairwise similarities measured robustly (median, and the median absolute deviation) on a sample of pairs, so
that a few real duplicates in the corpus do not move it; clipped to [floor, ceiling]. Measured on hand-written
pairs at 1,500 and 100,000 indexed proposals by `bench/bouquets.py --only duplicates`."""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np

from bouquet.bouquets.engine.text import content_tokens


def title_terms(text: str) -> tuple[str, ...]:
    """The content stems of a text's title (its first sentence), in order: what « the same words » compares."""
    head = text.split(". ", 1)[0]
    return tuple(s for s, _ in content_tokens(head))


def terms_key(terms: Iterable[str]) -> str:
    """The stored form of a title's stems (one string per indexed proposal)."""
    return " ".join(sorted(set(terms)))


def near_identical(query: tuple[str, ...], stored: str, *, typing: bool = False) -> bool:
    """Whether two titles say the same with the same words: one's stems contain the other's, with at least two
    stems in common making more than half of all. While typing, the last word may be unfinished: it counts as
    shared when it begins one of the stored stems."""
    other = set(stored.split())
    mine = set(query)
    if not other or not mine:
        return False
    shared = mine & other
    if typing and query and query[-1] not in other:
        begun = sorted(s for s in other if s.startswith(query[-1]))
        if begun:  # the stored word the unfinished one begins stands for it
            other = (other - {begun[0]}) | {query[-1]}
            shared.add(query[-1])
    if len(shared) < 2:
        return False
    contained = shared == mine or shared == other
    return contained and len(shared) / len(mine | other) > 0.5


def pair_levels(encoder_block: np.ndarray, *, sample: int = 400, seed: int = 0) -> tuple[float, float]:
    """The centre and spread of a corpus's pairwise similarities (median, and the median absolute deviation
    scaled to a standard deviation) from `sample` rows against `sample` * 10 others, so that the cost stays
    small at 100,000 proposals; `encoder_block`: (n, d) L2-normalised vectors, n >= 2."""
    n = encoder_block.shape[0]
    rng = np.random.default_rng(seed)
    rows = rng.choice(n, size=min(n, sample), replace=False)
    cols = rng.choice(n, size=min(n, sample * 10), replace=False)
    sims = encoder_block[rows] @ encoder_block[cols].T
    pairs = sims[rows[:, None] != cols[None, :]]  # a row against itself is not a pair
    centre = float(np.median(pairs))
    return centre, 1.4826 * float(np.median(np.abs(pairs - centre)))


def relative_cut(
    encoder_block: np.ndarray,
    *,
    margin: float,
    floor: float,
    ceiling: float,
    sample: int = 400,
    seed: int = 0,
) -> float:
    """The duplicate cut of a corpus (see the module); `encoder_block`: (n, d) L2-normalised encoder vectors
    (n only enters through the sqrt(2 ln n) term)."""
    n = encoder_block.shape[0]
    if n < 20:
        return ceiling
    centre, spread = pair_levels(encoder_block, sample=sample, seed=seed)
    return cut_from_levels(centre, spread, n, margin=margin, floor=floor, ceiling=ceiling)


def cut_from_levels(
    centre: float, spread: float, n: int, *, margin: float, floor: float, ceiling: float
) -> float:
    """The cut of a corpus of n proposals whose pairwise levels are known: centre + (margin + sqrt(2 ln n))
    spreads, within [floor, ceiling]; the ceiling for a corpus too small to measure (under 20)."""
    if n < 20:
        return ceiling
    cut = centre + spread * (margin + float(np.sqrt(2.0 * np.log(n))))
    return round(min(ceiling, max(floor, cut)), 4)
