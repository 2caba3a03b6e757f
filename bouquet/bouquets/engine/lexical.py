"""The words a new text shares with indexed titles, weighted by how rare they are: the second signal that ranks
similar proposals (issue 11), beside the encoder's meaning.

Why a second signal: at 100,000 indexed proposals, the encoder alone ranks a rewording's original in its top 3
for about 85 in 100 hand-written French paraphrases, because many other proposals are close in meaning (« des
arbres rue de Suez » against « végétaliser la rue du Château-d'Eau »). What a person rewording a proposal keeps
is mostly its rare words: the street, the school, the park, the object. A score on those words brings the
original up among the candidates, and fetches originals the vector search had not returned.

The score is BM25 with each word counted once (titles are short) over the stems of each indexed title (the same
stems `duplicates.title_terms` stores for « the same words »), with two French-specific choices:
- a hyphenated name counts by its parts: « Paul-Grimault » and « Paul Grimault » meet;
- a word family counts as one term: a stem matches the indexed stems it begins or that begin it, from five
  letters (« piéton » / « piétonnisation », « bricoler » / « bricolage », « accueillent » / « accueil »), which
  the Snowball stemmer leaves apart. A family's rarity is that of all the titles holding one of its stems.

It is normalised by what the text's own words would score against a title of its own length holding them all,
so that it reads from 0 (no word shared) to about 1 (every word shared; a shorter title a little more), and is
added to the meaning with a small weight: it reorders near candidates, it does not decide duplicates (the encoder
does, duplicates.py)."""

from __future__ import annotations

import bisect
import math
from collections.abc import Iterable, Sequence

import numpy as np

from bouquet.bouquets.engine.text import content_stem, content_tokens

# BM25's usual constants: saturation (unused with each word counted once, kept for the length term) and the
# weight of a title's length (longer titles share words by chance more often).
K1 = 1.2
B = 0.75
# A stem shorter than this begins too many unrelated words to stand for a family (« port » / « portail »).
FAMILY_MIN = 5


def split_terms(stems: Iterable[str]) -> frozenset[str]:
    """Stems with hyphenated names split into their parts' stems (stop words among the parts left out)."""
    out: set[str] = set()
    for s in stems:
        if "-" in s:
            out.update(t for t in (content_stem(part) for part in s.split("-")) if t)
        elif s:
            out.add(s)
    return frozenset(out)


def text_terms(text: str) -> frozenset[str]:
    """The terms of a new text, the whole of it (someone typing a rewording writes a title, or a little more)."""
    return split_terms(s for s, _ in content_tokens(text))


class TitleWords:
    """An inverted index from title terms to rows, grown one row at a time like the vectors it sits beside.

    Built from the stored title stems of each row (`ProposalIndex.row_terms`), so that saving and loading the
    index keeps it: nothing more is stored."""

    def __init__(self, rows: Sequence[str] = ()) -> None:
        """Index each row's stored title stems (a space-separated string per row, in row order)."""
        self._postings: dict[str, list[int]] = {}
        self._arrays: dict[str, np.ndarray] = {}  # postings as arrays, made on first use
        self._vocab: list[str] = []  # sorted, for the stems a family stem begins
        lengths: list[int] = []
        for row, stored in enumerate(rows):
            terms = split_terms(stored.split())
            lengths.append(len(terms))
            for t in terms:
                self._postings.setdefault(t, []).append(row)
        self._vocab = sorted(self._postings)
        self._lengths = np.asarray(lengths, dtype=np.float32)
        self._total = float(self._lengths.sum())

    def __len__(self) -> int:
        """Number of indexed rows."""
        return len(self._lengths)

    def add(self, stored: str) -> None:
        """Index one more row (the next row number) from its stored title stems."""
        row = len(self._lengths)
        terms = split_terms(stored.split())
        for t in terms:
            if t not in self._postings:
                bisect.insort(self._vocab, t)
                self._postings[t] = []
            self._postings[t].append(row)
            self._arrays.pop(t, None)
        self._lengths = np.append(self._lengths, np.float32(len(terms)))
        self._total += len(terms)

    def _rows(self, stem: str) -> np.ndarray:
        """Rows holding one indexed stem."""
        arr = self._arrays.get(stem)
        if arr is None:
            arr = self._arrays[stem] = np.asarray(self._postings[stem], dtype=np.int64)
        return arr

    def family(self, term: str) -> list[str]:
        """The indexed stems a term stands for: itself, and from `FAMILY_MIN` letters the stems it begins and the
        stems that begin it."""
        found = [term] if term in self._postings else []
        if len(term) >= FAMILY_MIN:
            i = bisect.bisect_left(self._vocab, term)
            while i < len(self._vocab) and self._vocab[i].startswith(term):
                if self._vocab[i] != term:
                    found.append(self._vocab[i])
                i += 1
            found += [term[:n] for n in range(FAMILY_MIN, len(term)) if term[:n] in self._postings]
        return found

    def _idf(self, holding: int) -> float:
        """BM25's rarity of a term held by this many rows (never negative)."""
        n = len(self._lengths)
        return math.log(1.0 + (n - holding + 0.5) / (holding + 0.5))

    def scores(self, terms: frozenset[str]) -> np.ndarray:
        """The score of every row for a text's terms, from 0 (no word shared) to about 1 (see the module)."""
        n = len(self._lengths)
        out = np.zeros(n, dtype=np.float32)
        if n == 0 or not terms:
            return out
        mean = self._total / n or 1.0
        best = 0.0
        for term in terms:
            stems = self.family(term)
            if not stems:
                best += self._idf(0)  # a word no title holds: the text says something none of them says
                continue
            rows = (
                self._rows(stems[0])
                if len(stems) == 1
                else np.unique(np.hstack([self._rows(s) for s in stems]))
            )
            idf = self._idf(len(rows))
            best += idf
            out[rows] += idf
        # Each word counted once: BM25's term weight reduces to (k1 + 1) / (k1 * length norm + 1).
        out *= (K1 + 1.0) / (1.0 + K1 * (1.0 - B + B * self._lengths / mean))
        query_norm = best * (K1 + 1.0) / (1.0 + K1 * (1.0 - B + B * len(terms) / mean))
        return out / query_norm if query_norm > 0 else out

    def top(self, scores: np.ndarray, k: int) -> np.ndarray:
        """The rows of the k best positive scores, best first."""
        if k <= 0 or not len(scores):
            return np.zeros(0, dtype=np.int64)
        part = np.argpartition(-scores, k - 1)[:k] if len(scores) > k else np.arange(len(scores))
        part = part[scores[part] > 0]
        return part[np.argsort(-scores[part], kind="stable")].astype(np.int64)
