"""Texts scored against a short list of described entries (the 17 goals, the domains of local action): the
encoder's cosine to each entry's description, mixed with a TF-IDF cosine over stems fitted on the descriptions,
so that idf separates the entries."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

from bouquet.bouquets.engine.representations import Encoder, l2_normalise
from bouquet.bouquets.engine.text import analyse_any


class Described:
    """Scores texts against entries, each read as « name. description »."""

    def __init__(self, encoder: Encoder, docs: Sequence[str], encoder_weight: float = 0.7) -> None:
        """Embed the descriptions once and fit TF-IDF on them."""
        self.encoder = encoder
        self.encoder_weight = encoder_weight
        self._vectors = encoder.encode(list(docs))
        self._tfidf = TfidfVectorizer(analyzer=analyse_any, sublinear_tf=True, dtype=np.float32)
        self._terms = self._tfidf.fit_transform(list(docs))

    def scores(
        self,
        texts: Sequence[str],
        encoder_vectors: np.ndarray | None = None,
        docs: list[list[str]] | None = None,
    ) -> np.ndarray:
        """(n, entries) similarity of each text to each entry (`docs`: the texts already analysed, to save time)."""
        enc = encoder_vectors if encoder_vectors is not None else self.encoder.encode(texts)
        enc_sim = l2_normalise(enc) @ self._vectors.T
        term_sim = np.asarray(
            (self._tfidf.transform(docs if docs is not None else list(texts)) @ self._terms.T).todense()
        )
        w = self.encoder_weight
        scores: np.ndarray = (w * enc_sim + (1.0 - w) * term_sim).astype(np.float32)
        return scores
