"""French labels: class-based TF-IDF keywords over stems, shown with the words people actually wrote."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import scipy.sparse as sp

from bouquet.bouquets.engine.phrases import RELATIONAL
from bouquet.bouquets.engine.text import SurfaceForms, fold
from bouquet.bouquets.engine.types import Keyword


def class_onehot(classes: np.ndarray, n_classes: int) -> sp.csr_matrix:
    """(c, n) sparse indicator of which rows belong to which class."""
    return sp.csr_matrix(
        (np.ones(len(classes), dtype=np.float32), (classes, np.arange(len(classes)))),
        shape=(n_classes, len(classes)),
    )


def class_tfidf(counts: sp.csr_matrix, classes: np.ndarray, n_classes: int) -> sp.csr_matrix:
    """c-TF-IDF: per-class term frequency x log(1 + mean class size / term frequency), sparse (c, v)."""
    # Kept sparse: 20,000 bouquets x 100,000 terms would be 16 GB dense.
    per_class = (class_onehot(classes, n_classes) @ counts).tocsr().astype(np.float64)
    sizes = np.asarray(per_class.sum(axis=1)).ravel()
    sizes[sizes == 0] = 1.0
    term_freq = np.asarray(per_class.sum(axis=0)).ravel()
    term_freq[term_freq == 0] = 1.0
    mean_words = per_class.sum() / max(n_classes, 1)
    idf = np.log1p(mean_words / term_freq)
    return (sp.diags(1.0 / sizes) @ per_class @ sp.diags(idf)).tocsr()


def top_keywords(
    scores: sp.csr_matrix,
    support: sp.csr_matrix,
    terms: np.ndarray,
    forms: SurfaceForms,
    n: int = 5,
    min_support: int = 2,
    in_heads: sp.csr_matrix | None = None,
) -> tuple[Keyword, ...]:
    """Best terms of one class (1-row sparse inputs); a term must occur in `min_support` members and, when
    `in_heads` is given, in the head (title) of at least one of them."""
    cols, vals = scores.indices, scores.data
    support_of = dict(zip(support.indices.tolist(), support.data.tolist(), strict=True))
    heads = set(in_heads.indices.tolist()) if in_heads is not None else None
    chosen: list[Keyword] = []
    seen_stems: set[str] = set()
    # Ties broken by term so labels are reproducible.
    for j in sorted(range(len(cols)), key=lambda i: (-vals[i], str(terms[cols[i]]))):
        if vals[j] <= 0 or len(chosen) >= n:
            break
        col = int(cols[j])
        if support_of.get(col, 0) < min_support or (heads is not None and col not in heads):
            continue
        term = str(terms[col])
        if forms.is_proper_noun(term):
            continue
        parts = term.split(" ")
        # Skip a term whose stems are all already shown: "piste cyclable" then "cyclable" adds nothing.
        if all(p in seen_stems for p in parts):
            continue
        seen_stems.update(parts)
        if len(parts) > 1:
            # "personnes âgées" after "âgées": show the phrase once, not the word and then the phrase.
            chosen = [k for k in chosen if k.term not in parts]
        chosen.append(Keyword(term=term, word=forms.display(term), score=round(float(vals[j]), 4)))
    return tuple(chosen)


def head_of(text: str) -> str:
    """The head of a text: its title when the product passes "title. description", else its first sentence."""
    return text.split(". ", 1)[0].strip()


# Small words a cut title must not end on, nor on a word that only situates against what was cut (« au bord »).
_HANGING = RELATIONAL | frozenset(
    fold(w)
    for w in """de d' d’ du des la le les l' l’ un une à au aux et ou pour par sur dans en avec sans sous chez
    vers très""".split()
)


def label_text(keywords: Sequence[Keyword], fallback: str = "", n: int = 3) -> str:
    """Join the first keywords into a short French label; with a single word, the most central text's title,
    cut between words when long."""
    words = [k.word for k in keywords[:n]]
    # One word alone ("pharmacie", "pleut") rarely names a need: the most central proposal says it better.
    # A phrase alone ("repair café", "personnes âgées") does.
    if sum(len(w.split()) for w in words) >= 2 or (words and not fallback):
        return ", ".join(words)
    if fallback:
        first = head_of(fallback).rstrip(" .!?")
        if len(first) <= 60:
            return first
        # Cut between words, never inside one, and not after a word that waits for what was cut (« autour du »).
        words = first[:60].rsplit(" ", 1)[0].rstrip(" ,;:").split()
        while len(words) > 1 and (fold(words[-1].lower()) in _HANGING or words[-1].endswith(("'", "’"))):
            words.pop()
        return " ".join(words)
    return "Propositions diverses"


def representatives(vectors: np.ndarray, ids: Sequence[str], n: int = 3) -> tuple[str, ...]:
    """Ids of the members closest to the group's centroid."""
    if len(ids) == 0:
        return ()
    centroid = vectors.mean(axis=0)
    order = np.argsort(-(vectors @ centroid), kind="stable")
    return tuple(ids[i] for i in order[:n])
