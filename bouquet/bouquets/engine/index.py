"""Nearest-neighbour search on unit vectors (exact numpy for small corpora, a faiss IVF index beyond), and the
serialisable index of grouped proposals that placement searches."""

from __future__ import annotations

import io
import math
import zipfile
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np

from bouquet.bouquets.engine.lexical import TitleWords
from bouquet.bouquets.engine.types import Keyword

# Measured (docs/bouquets-engine.md): exact search costs ~0.25 ms per 1,000 vectors of 768-d on 2 cores;
# below this size it stays under ~12 ms and is exact, above it the IVF index is used.
ANN_MIN_ROWS = 50000

IvfKind = Literal["flat", "sq8"]


class VectorIndex:
    """Inner-product (cosine on unit vectors) kNN over proposals, growable one proposal at a time.

    The float32 vectors are kept in one buffer that grows by steps, so adding a proposal never copies the
    whole matrix. Above `ann_min_rows` an inverted-file index answers: either IVF-Flat (`kind="flat"`) or
    IVF with 8-bit scalar codes (`kind="sq8"`, a quarter of the memory to scan) whose candidates are then
    re-ranked exactly on the float vectors."""

    def __init__(
        self,
        dim: int,
        ann_min_rows: int = ANN_MIN_ROWS,
        nprobe: int | None = None,
        kind: IvfKind = "sq8",
        rerank: int = 4,
    ) -> None:
        """Start empty; the approximate index is built when the size crosses `ann_min_rows`."""
        self.dim = dim
        self.ann_min_rows = ann_min_rows
        self.nprobe = nprobe
        self.kind: IvfKind = kind
        self.rerank = max(1, rerank) if kind == "sq8" else 1
        self.ids: list[str] = []
        self._buffer = np.zeros((0, dim), dtype=np.float32)
        self._ivf: Any = None  # a faiss index (faiss ships no type hints)

    def __len__(self) -> int:
        """Number of indexed vectors."""
        return len(self.ids)

    @property
    def approximate(self) -> bool:
        """Whether searches go through the IVF index."""
        return self._ivf is not None

    @property
    def matrix(self) -> np.ndarray:
        """All vectors, in id order (a view, not a copy)."""
        return self._buffer[: len(self.ids)]

    def describe(self) -> str:
        """A short description for benchmarks and logs."""
        if self._ivf is None:
            return "exact"
        name = "IVF-SQ8 + exact re-rank" if self.kind == "sq8" else "IVF-Flat"
        return f"{name} (nlist {self.nlist}, nprobe {self.lists_probed})"

    def add(self, ids: Sequence[str], vectors: np.ndarray) -> None:
        """Add unit vectors with their ids."""
        vectors = np.ascontiguousarray(vectors, dtype=np.float32).reshape(-1, self.dim)
        if len(ids) != vectors.shape[0]:
            raise ValueError("ids and vectors differ in length")
        start, end = len(self.ids), len(self.ids) + vectors.shape[0]
        if end > self._buffer.shape[0]:
            # Grow by at least an eighth: amortised copying stays small and the spare room too.
            grown = np.empty((max(end, start + start // 8, 1024), self.dim), dtype=np.float32)
            grown[:start] = self._buffer[:start]
            self._buffer = grown
        self._buffer[start:end] = vectors
        self.ids.extend(ids)
        if self._ivf is not None:
            self._ivf.add(vectors)
        elif end >= self.ann_min_rows:
            self.build_ivf()

    def build_ivf(self, train_sample: int = 100000, seed: int = 0) -> None:
        """Train and fill a faiss IVF index (inner product) over the current vectors."""
        import faiss

        x = self.matrix
        n = x.shape[0]
        nlist = max(16, int(4 * math.sqrt(n)))
        quantizer = faiss.IndexFlatIP(self.dim)
        ivf: object
        if self.kind == "sq8":
            ivf = faiss.IndexIVFScalarQuantizer(
                quantizer, self.dim, nlist, faiss.ScalarQuantizer.QT_8bit, faiss.METRIC_INNER_PRODUCT
            )
        else:
            ivf = faiss.IndexIVFFlat(quantizer, self.dim, nlist, faiss.METRIC_INNER_PRODUCT)
        rng = np.random.default_rng(seed)
        # 40-100 points per list are enough to place the centroids; more only costs training time.
        sample = min(n, train_sample, nlist * 100)
        train = x[np.sort(rng.choice(n, sample, replace=False))] if sample < n else x
        ivf.cp.min_points_per_centroid = 1
        ivf.train(np.ascontiguousarray(train))
        ivf.add(x)
        ivf.nprobe = self.nprobe or self.default_nprobe(nlist)
        self._ivf = ivf

    def default_nprobe(self, nlist: int) -> int:
        """Lists probed per query (measured with bench/bouquets.py --only search; docs/bouquets-engine.md).

        On a million real French texts really embedded, IVF-SQ8 re-ranked finds the exact top 10 (recall
        1.000) from a sixteenth of the lists, p99 under 10 ms; an eighth costs about twice as much. IVF-Flat
        scans four times the bytes, so it keeps to an eighth."""
        return max(8, nlist // 16) if self.kind == "sq8" else max(8, nlist // 8)

    def set_nprobe(self, nprobe: int) -> None:
        """Probe this many lists from now on (benchmarks compare settings on one built index)."""
        self.nprobe = nprobe
        if self._ivf is not None:
            self._ivf.nprobe = nprobe

    @property
    def nlist(self) -> int:
        """Number of IVF lists (0 while the search is exact)."""
        return int(self._ivf.nlist) if self._ivf is not None else 0

    @property
    def lists_probed(self) -> int:
        """Number of IVF lists each search scans (0 while the search is exact)."""
        return int(self._ivf.nprobe) if self._ivf is not None else 0

    def search(self, queries: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        """Return (similarities, row indices) of the k nearest rows for each query; -1 pads."""
        q = np.ascontiguousarray(queries, dtype=np.float32).reshape(-1, self.dim)
        n = len(self.ids)
        if n == 0 or k <= 0:
            return np.zeros((q.shape[0], 0), np.float32), np.zeros((q.shape[0], 0), np.int64)
        if self._ivf is None:
            return exact_search(self.matrix, q, k)
        sims, idx = self._ivf.search(q, k * self.rerank)
        idx = idx.astype(np.int64)
        if self.rerank == 1:
            return sims, idx
        return self._rerank(q, idx, k)

    def _rerank(self, q: np.ndarray, candidates: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        """Exact similarities of each query's candidates on the float vectors; keep the k best."""
        out_sims = np.full((q.shape[0], k), -np.inf, dtype=np.float32)
        out_idx = np.full((q.shape[0], k), -1, dtype=np.int64)
        for row, (query, cand) in enumerate(zip(q, candidates, strict=True)):
            cand = cand[cand >= 0]
            exact = self._buffer[cand] @ query
            order = np.argsort(-exact, kind="stable")[:k]
            out_sims[row, : len(order)] = exact[order]
            out_idx[row, : len(order)] = cand[order]
        return out_sims, out_idx

    def to_arrays(self) -> dict[str, np.ndarray]:
        """Ids and vectors for storage (the IVF is rebuilt on load)."""
        return {"ids": np.asarray(self.ids, dtype=np.str_), "vectors": self.matrix}


def exact_search(matrix: np.ndarray, q: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """Brute-force top-k by inner product."""
    k = min(k, matrix.shape[0])
    sims = q @ matrix.T
    part = np.argpartition(-sims, k - 1, axis=1)[:, :k]
    top = np.take_along_axis(sims, part, axis=1)
    order = np.argsort(-top, axis=1, kind="stable")
    return np.take_along_axis(top, order, axis=1), np.take_along_axis(part, order, axis=1).astype(np.int64)


def vectors_to_bytes(vectors: np.ndarray) -> bytes:
    """Serialise float32 vectors (little-endian, row-major) for storage in a binary field."""
    return np.ascontiguousarray(vectors, dtype="<f4").tobytes()


def vectors_from_bytes(data: bytes, dim: int) -> np.ndarray:
    """Inverse of `vectors_to_bytes`."""
    return np.frombuffer(data, dtype="<f4").reshape(-1, dim).astype(np.float32)


@dataclass(slots=True)
class Judgement:
    """The encoder vectors the duplicate decision reads (the judge, when it is not the grouping's encoder), one
    per indexed proposal in the same order, with that corpus's levels: the cut, and the centre and spread of
    its pairwise similarities (duplicates.pair_levels) that put the shared words' weight on the same scale."""

    name: str
    vectors: VectorIndex
    cut: float
    centre: float
    spread: float


class ProposalIndex:
    """What placing and searching need once proposals are grouped: the fitted representation state, each indexed
    proposal's hybrid vector with its theme and bouquet keys, the bouquets' keywords and the bouquet cut.

    `group()` returns one; it grows one proposal at a time (`add`) and is stored as an npz, no pickle
    (`to_bytes`/`from_bytes`), so that every process rebuilds the same index from the same bytes and rows."""

    def __init__(
        self,
        vectors: VectorIndex,
        *,
        representation_state: Mapping[str, np.ndarray],
        encoder_name: str,
        row_theme: Sequence[str | None],
        row_bouquet: Sequence[str | None],
        bouquet_keywords: Mapping[str, tuple[Keyword, ...]],
        bouquet_cut: float,
        duplicate_cut: float,
        row_terms: Sequence[str] | None = None,
        row_places: Sequence[str] | None = None,
        judge: Judgement | None = None,
    ) -> None:
        """Wrap the vectors of the grouped proposals with their keys; rows are in `vectors.ids` order."""
        if not len(vectors) == len(row_theme) == len(row_bouquet):
            raise ValueError("one theme and one bouquet key per indexed vector")
        if judge is not None and judge.vectors.ids != vectors.ids:
            raise ValueError("the duplicate judge's vectors must be those of the indexed proposals, in order")
        self.vectors = vectors
        self.representation_state = dict(representation_state)
        self.encoder_name = encoder_name
        self.row_theme: list[str | None] = list(row_theme)
        self.row_bouquet: list[str | None] = list(row_bouquet)
        self.bouquet_keywords = dict(bouquet_keywords)
        self.bouquet_cut = bouquet_cut
        self.duplicate_cut = duplicate_cut
        # Each row's title stems (duplicates.terms_key): « the same words » needs no text kept in the index.
        self.row_terms: list[str] = list(row_terms) if row_terms is not None else [""] * len(vectors)
        # The same stems as an inverted index, for the words a new text shares with titles (lexical.py): built
        # from row_terms, so it is rebuilt identically when a stored index is loaded.
        self.title_words = TitleWords(self.row_terms)
        # Each row's named places (places.places_key): the same need in two places is not a duplicate.
        self.row_places: list[str] = list(row_places) if row_places is not None else [""] * len(vectors)
        self.bouquet_rows: dict[str, list[int]] = defaultdict(list)
        for row, key in enumerate(self.row_bouquet):
            if key is not None:
                self.bouquet_rows[key].append(row)
        self._rows = {pid: row for row, pid in enumerate(vectors.ids)}
        # The duplicate decision's own vectors and levels, when the grouping had a judge encoder (duplicates.py).
        self.judge = judge

    def __len__(self) -> int:
        """Number of indexed proposals."""
        return len(self.vectors)

    def __contains__(self, pid: object) -> bool:
        """Whether a proposal id is indexed."""
        return pid in self._rows

    def row_of(self, pid: str) -> int:
        """Row of an indexed proposal."""
        return self._rows[pid]

    @property
    def ids(self) -> list[str]:
        """Indexed proposal ids, in row order."""
        return self.vectors.ids

    @property
    def approximate(self) -> bool:
        """Whether searches go through the IVF index."""
        return self.vectors.approximate

    def add(
        self,
        pid: str,
        vector: np.ndarray,
        theme_key: str | None,
        bouquet_key: str | None,
        terms: str = "",
        places: str = "",
        judge_vector: np.ndarray | None = None,
    ) -> None:
        """Index one more proposal with its hybrid vector, where it stands and its title stems (and its judge
        vector when the index has a judge); an id already indexed is left."""
        if pid in self._rows:
            return
        if self.judge is not None:
            if judge_vector is None:
                raise ValueError("this index judges duplicates with its own encoder: give the judge's vector")
            self.judge.vectors.add([pid], judge_vector)
        self.vectors.add([pid], vector)
        self._rows[pid] = len(self.vectors) - 1
        self.row_terms.append(terms)
        self.title_words.add(terms)
        self.row_places.append(places)
        self.row_theme.append(theme_key)
        self.row_bouquet.append(bouquet_key)
        if bouquet_key is not None:
            self.bouquet_rows[bouquet_key].append(len(self.vectors) - 1)

    def to_bytes(self) -> bytes:
        """Serialise as an npz of plain arrays (no pickle)."""
        arrays = {f"rep.{k}": v for k, v in self.representation_state.items()}
        arrays.update({f"index.{k}": v for k, v in self.vectors.to_arrays().items()})
        arrays["row_theme"] = np.asarray([t or "" for t in self.row_theme], dtype=np.str_)
        arrays["row_bouquet"] = np.asarray([b or "" for b in self.row_bouquet], dtype=np.str_)
        kw = [(k, w.term, w.word) for k, ws in self.bouquet_keywords.items() for w in ws]
        arrays["keywords"] = np.asarray(kw, dtype=np.str_).reshape(-1, 3)
        arrays["bouquet_cut"] = np.asarray([self.bouquet_cut], dtype=np.float64)
        arrays["duplicate_cut"] = np.asarray([self.duplicate_cut], dtype=np.float64)
        arrays["row_terms"] = np.asarray(self.row_terms, dtype=np.str_)
        arrays["row_places"] = np.asarray(self.row_places, dtype=np.str_)
        arrays["encoder"] = np.asarray([self.encoder_name], dtype=np.str_)
        if self.judge is not None:
            arrays["judge.name"] = np.asarray([self.judge.name], dtype=np.str_)
            arrays["judge.levels"] = np.asarray(
                [self.judge.cut, self.judge.centre, self.judge.spread], dtype=np.float64
            )
            arrays["judge.vectors"] = self.judge.vectors.matrix
        return npz_bytes(arrays)

    @classmethod
    def from_bytes(
        cls,
        data: bytes,
        *,
        default_cut: float,
        default_duplicate_cut: float,
        ann_min_rows: int = ANN_MIN_ROWS,
    ) -> ProposalIndex:
        """Rebuild an index from `to_bytes` output (older states, without the encoder, the cuts or the title
        stems, load too)."""
        with np.load(io.BytesIO(data), allow_pickle=False) as z:
            arrays = {k: z[k] for k in z.files}
        stored = arrays["index.vectors"]
        vectors = VectorIndex(stored.shape[1], ann_min_rows)
        vectors.add([str(i) for i in arrays["index.ids"]], stored)
        keywords: dict[str, list[Keyword]] = defaultdict(list)
        for key, term, word in arrays["keywords"]:
            keywords[str(key)].append(Keyword(str(term), str(word), 0.0))
        judge = None
        if "judge.vectors" in arrays:
            judged = arrays["judge.vectors"]
            judge_vectors = VectorIndex(judged.shape[1], ann_min_rows)
            judge_vectors.add(list(vectors.ids), judged)
            cut, centre, spread = (float(v) for v in arrays["judge.levels"])
            judge = Judgement(str(arrays["judge.name"][0]), judge_vectors, cut, centre, spread)
        return cls(
            vectors,
            representation_state={k[4:]: v for k, v in arrays.items() if k.startswith("rep.")},
            encoder_name=str(arrays["encoder"][0]) if "encoder" in arrays else "",
            row_theme=[str(t) or None for t in arrays["row_theme"]],
            row_bouquet=[str(b) or None for b in arrays["row_bouquet"]],
            bouquet_keywords={k: tuple(v) for k, v in keywords.items()},
            bouquet_cut=float(arrays["bouquet_cut"][0]) if "bouquet_cut" in arrays else default_cut,
            duplicate_cut=(
                float(arrays["duplicate_cut"][0]) if "duplicate_cut" in arrays else default_duplicate_cut
            ),
            row_terms=[str(t) for t in arrays["row_terms"]] if "row_terms" in arrays else None,
            row_places=[str(t) for t in arrays["row_places"]] if "row_places" in arrays else None,
            judge=judge,
        )


def npz_bytes(arrays: Mapping[str, np.ndarray]) -> bytes:
    """An npz archive (what ``np.load`` reads) of plain arrays, no pickle, byte for byte the same for the same
    arrays: unlike ``np.savez_compressed``, no clock time is written in it, so equal states compare equal."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for key, value in arrays.items():
            info = zipfile.ZipInfo(f"{key}.npy", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            with archive.open(info, "w", force_zip64=True) as member:
                np.lib.format.write_array(member, np.asanyarray(value), allow_pickle=False)
    return buf.getvalue()
