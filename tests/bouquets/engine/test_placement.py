"""Incremental placement by kNN vote, duplicates, storage, approximate index."""

import numpy as np
import pytest

from bouquet.bouquets.engine import Engine, MemberStatus, VectorIndex
from bouquet.bouquets.engine.index import IvfKind
from tests.bouquets.engine.conftest import CORPUS


def test_new_paraphrase_joins_its_bouquet_and_finds_duplicates(real_engine: Engine) -> None:
    """A reworded bike-lane proposal goes to the bike bouquet and lists its near duplicates (real encoder)."""
    engine = real_engine
    g = engine.group(list(CORPUS.values()), list(CORPUS), themes=2)
    p = engine.place("Construire une piste cyclable protégée sur l'avenue Jean Jaurès", id="new")
    assert p.bouquet_key == g.memberships["velo1"].bouquet_key and p.status == MemberStatus.GROUPED
    assert p.theme_key == g.memberships["velo1"].theme_key
    assert {d.id for d in p.duplicates} & {"velo1", "velo2", "velo3"}
    assert all(d.duplicate for d in p.duplicates)
    assert all(d.similarity >= engine.duplicate_cut for d in p.duplicates if d.id.startswith("velo"))
    assert len(p.neighbours) == min(10, len(CORPUS))


def test_unrelated_new_text_is_not_grouped_and_has_no_duplicate(engine: Engine) -> None:
    """Nothing close: the new proposal waits in the pool."""
    engine.group(list(CORPUS.values()), list(CORPUS), themes=2)
    p = engine.place("Traduire les documents municipaux en langue des signes")
    assert p.bouquet_key is None and p.status == MemberStatus.UNGROUPED and not p.duplicates


def test_added_placement_is_seen_by_later_searches_and_storage_round_trips(engine: Engine, encoder) -> None:
    """`add=True` indexes the proposal; an engine rebuilt from bytes places identically."""
    engine.group(list(CORPUS.values()), list(CORPUS), themes=2)
    engine.place("Un orchestre de jazz dans le kiosque", id="jazz", add=True)
    assert engine.similar("Un orchestre de jazz au kiosque", k=3)[0].id == "jazz"
    restored = Engine.from_bytes(engine.to_bytes(), encoder)
    text = "Des bancs supplémentaires sur la place du marché"
    assert restored.place(text) == engine.place(text)


def test_adding_a_stored_placement_indexes_the_same_vector_as_placing_it(engine: Engine, encoder) -> None:
    """`add` (how other processes catch up) gives the index the very row `place(add=True)` gave the placer's."""
    engine.group(list(CORPUS.values()), list(CORPUS), themes=2)
    state = engine.to_bytes()
    text = "Des bancs publics en bois sur la place du marché"
    fit = engine.place(text, id="new", add=True)
    other = Engine.from_bytes(state, encoder)
    other.add("new", text, theme_key=fit.theme_key, bouquet_key=fit.bouquet_key)
    other.add("new", "ignored: already indexed", theme_key=None, bouquet_key=None)
    assert other.to_bytes() == engine.to_bytes()
    assert other.place("Des bancs sur la place") == engine.place("Des bancs sur la place")


def test_unusable_text_is_placed_nowhere(engine: Engine) -> None:
    """Empty text: explicit unusable placement."""
    engine.group(list(CORPUS.values()), list(CORPUS), themes=2)
    assert engine.place("  ").status == MemberStatus.UNUSABLE


@pytest.mark.parametrize("kind", ["flat", "sq8"])
def test_ivf_index_recall_on_clustered_vectors(kind: IvfKind) -> None:
    """Above its size threshold the index switches to IVF and keeps recall@10 high."""
    rng = np.random.default_rng(0)
    centres = rng.normal(size=(50, 32))
    x = centres[rng.integers(0, 50, 6000)] + 0.3 * rng.normal(size=(6000, 32))
    x = (x / np.linalg.norm(x, axis=1, keepdims=True)).astype(np.float32)
    index = VectorIndex(32, ann_min_rows=5000, kind=kind)
    index.add([str(i) for i in range(len(x))], x)
    assert index.approximate
    q = x[:200] + 0.05 * rng.normal(size=(200, 32)).astype(np.float32)
    sims, got = index.search(q, 10)
    exact = np.argsort(-(q @ x.T), axis=1)[:, :10]
    recall = np.mean([len(set(a) & set(b)) / 10 for a, b in zip(got, exact, strict=True)])
    assert recall >= 0.9
    # Similarities are exact inner products, best first (re-ranked on the float vectors for sq8).
    np.testing.assert_allclose(
        sims[:, 0], np.einsum("ij,ij->i", q, x[got[:, 0]]), rtol=1e-3 if kind == "flat" else 1e-5
    )
    assert np.all(np.diff(sims, axis=1) <= 1e-6)


def test_index_grows_one_proposal_at_a_time_and_finds_each() -> None:
    """Adding rows one by one (as placements do) keeps ids, vectors and search results aligned."""
    rng = np.random.default_rng(1)
    x = rng.normal(size=(3000, 16)).astype(np.float32)
    x /= np.linalg.norm(x, axis=1, keepdims=True)
    index = VectorIndex(16, ann_min_rows=2000)
    index.add([str(i) for i in range(1500)], x[:1500])
    for i in range(1500, 3000):
        index.add([str(i)], x[i : i + 1])
    assert index.approximate and len(index) == 3000
    np.testing.assert_array_equal(index.matrix, x)
    _, found = index.search(x[[10, 1700, 2999]], 1)
    assert [index.ids[i] for i in found[:, 0]] == ["10", "1700", "2999"]
