"""Themes, bouquets, the not-yet-grouped pool, labels and reasons."""

import numpy as np

from bouquet.bouquets.engine import (
    Constraints,
    Engine,
    EngineConfig,
    HashingEncoder,
    MemberStatus,
    ProposalIndex,
    group,
)
from bouquet.bouquets.engine.engine import _Grouper
from bouquet.bouquets.engine.text import fold
from tests.bouquets.engine.conftest import CORPUS


def _group(engine: Engine, themes: int | None = 2):
    """Group the shared corpus."""
    return engine.group(list(CORPUS.values()), list(CORPUS), themes=themes)


def test_related_proposals_share_a_bouquet_and_the_unrelated_one_stays_alone(real_engine: Engine) -> None:
    """Each rewritten need forms one bouquet with the real encoder; the piano contest is not forced into a group."""
    g = _group(real_engine)
    m = g.memberships
    for need in ("velo", "ecole", "compost", "banc"):
        keys = {m[i].bouquet_key for i in CORPUS if i.startswith(need)}
        # At least two of the variants of a need end up together.
        members = [i for i in CORPUS if i.startswith(need)]
        assert any(sum(m[i].bouquet_key == k for i in members) >= 2 for k in keys if k), need
    assert m["piano"].status == MemberStatus.UNGROUPED and m["piano"].bouquet_key is None
    assert m["velo1"].bouquet_key != m["ecole1"].bouquet_key
    assert set(m) == set(CORPUS)


def test_labels_and_reasons_are_french_words_from_the_texts(engine: Engine) -> None:
    """Bouquet labels use written words; members say which keywords and neighbours they share."""
    g = _group(engine)
    velo = g.bouquet(g.memberships["velo1"].bouquet_key)
    assert any(w in velo.label.text for w in ("cyclable", "piste", "vélo", "avenue"))
    assert len(velo.label.representative_ids) >= 2
    reason = g.memberships["velo1"].reason
    assert reason.nearest_ids and reason.nearest_ids[0].startswith("velo")
    assert reason.similarity > 0


def test_automatic_number_of_themes_and_unusable_rows_kept(engine: Engine) -> None:
    """k chosen automatically; empty texts are kept as unusable, in input order."""
    texts = [*CORPUS.values(), "", "   ", "Vélo"]
    ids = [*CORPUS, "vide", "blanc", "mot"]
    g = engine.group(texts, ids, themes=None)
    assert list(g.memberships) == ids
    assert (
        g.memberships["vide"].status == MemberStatus.UNUSABLE and g.memberships["vide"].text_status == "empty"
    )
    assert g.memberships["mot"].theme_key is not None and g.memberships["mot"].text_status == "too_short"
    assert sum(len(t.member_ids) for t in g.themes) == len(ids) - 2


def test_every_theme_partition_is_complete(engine: Engine) -> None:
    """Themes partition the usable proposals; bouquets stay inside their theme."""
    g = _group(engine, themes=3)
    seen = [i for t in g.themes for i in t.member_ids]
    assert sorted(seen) == sorted(CORPUS)
    for b in g.bouquets:
        assert set(b.member_ids) <= set(g.theme(b.theme_key).member_ids)
        assert len(b.member_ids) >= 2


def test_every_bouquet_is_named_by_a_phrase_of_its_members_with_keywords_beside_it(engine: Engine) -> None:
    """A bouquet's name is a phrase taken from its members' titles, capitalised, words whole; keywords stay
    beside it. The bus-shelter pair is « Un abribus »: what both titles ask for, with its article, not the
    keyword « abribus » nor one title's « à l'arrêt »."""
    texts = {
        **CORPUS,
        "abri1": "Un abribus, vite. On se fait tremper sous la pluie au car de 7 heures.",
        "abri2": "Un abribus à l'arrêt. On se fait tremper sous la pluie, rien pour se protéger.",
    }
    g = engine.group(list(texts.values()), list(texts), themes=2)
    abri = g.memberships["abri1"].bouquet_key
    assert abri is not None and abri == g.memberships["abri2"].bouquet_key
    assert g.bouquet(abri).label.text == "Un abribus"
    assert [k.word for k in g.bouquet(abri).label.keywords] == ["abribus"]
    for bouquet in g.bouquets:
        name = bouquet.label.text
        assert name[:1].isupper() and "…" not in name
        heads = " ".join(fold(texts[m].split(". ")[0]) for m in bouquet.member_ids)
        # Words of the members' titles (an article may change: « du parc » named « Le parc »).
        words = [w for w in fold(name).replace("'", " ").split() if len(w) > 3]
        assert words and all(w in heads for w in words), name


def test_group_is_pure_and_returns_the_index_that_places() -> None:
    """The function keeps nothing: two calls give the same grouping and the same stored index."""
    encoder = HashingEncoder()
    first, index = group(list(CORPUS.values()), list(CORPUS), encoder=encoder, themes=2, with_sdgs=False)
    again, index_again = group(
        list(CORPUS.values()), list(CORPUS), encoder=encoder, themes=2, with_sdgs=False
    )
    assert first == again
    assert index.to_bytes() == index_again.to_bytes()
    assert sorted(index.ids) == sorted(CORPUS) and index.encoder_name == "hashing"
    restored = ProposalIndex.from_bytes(index.to_bytes(), default_cut=0.0, default_duplicate_cut=0.0)
    assert restored.ids == index.ids and restored.row_bouquet == index.row_bouquet
    assert restored.bouquet_cut == index.bouquet_cut


def test_kept_keys_are_never_given_to_another_bouquet(engine: Engine) -> None:
    """A bouquet the product keeps with no member left (money given to it) keeps its key to itself."""
    first = _group(engine)
    taken = first.memberships["velo1"].bouquet_key
    assert taken is not None
    # Nobody remembers who was in it (its members were withdrawn): without kept_keys the key would be reused.
    g = engine.group(
        list(CORPUS.values()), list(CORPUS), themes=2, constraints=Constraints(kept_keys=(taken,))
    )
    assert taken not in {b.key for b in g.bouquets}
    assert g.memberships["velo1"].bouquet_key is not None


def test_hashing_encoder_is_deterministic_and_sees_shared_words() -> None:
    """Same text, same vector (crc32, not the salted hash()); shared words make texts close, others do not."""
    encoder = HashingEncoder()
    a, b, c = encoder.encode([CORPUS["banc1"], CORPUS["banc2"], CORPUS["piano"]])
    np.testing.assert_array_equal(encoder.encode([CORPUS["banc1"]])[0], a)
    assert abs(float(np.linalg.norm(a)) - 1.0) < 1e-6
    assert float(a @ b) > 0.4 > abs(float(a @ c))


def test_bouquets_cross_themes_and_their_members_follow_them() -> None:
    """What no bouquet of its own theme took joins a bouquet of another theme it is as close to, or meets its
    partner left alone in another theme; the members then live in the bouquet's theme."""

    def unit(*values: float) -> list[float]:
        v = np.asarray(values, dtype=np.float32)
        return list(v / np.linalg.norm(v))

    x = np.asarray(
        [
            unit(1, 0.05, 0, 0),  # 0 ┐ a bouquet of theme A
            unit(1, 0, 0.05, 0),  # 1 ┘
            unit(1, 0.04, 0.04, 0),  # 2   alone in theme B, as close to 0 and 1 as they are to each other
            unit(0, 1, 0.05, 0),  # 3   alone in theme A
            unit(0, 1, 0, 0.05),  # 4   alone in theme B, the partner of 3
            unit(0, 0, 0, 1),  # 5   alone, close to nobody
        ],
        dtype=np.float32,
    )
    grouper = _Grouper(HashingEncoder(), EngineConfig(), None)
    grouper.bouquet_cut = 0.9
    row_theme: list[str | None] = ["A", "A", "B", "A", "B", "B"]
    row_bouquet: list[str | None] = [None] * 6
    grouper._free_bouquets(
        x, row_theme, row_bouquet, set(), Constraints(), [f"p{i}" for i in range(6)], set()
    )

    assert row_bouquet[0] == row_bouquet[1] == row_bouquet[2] is not None
    assert row_bouquet[3] == row_bouquet[4] is not None and row_bouquet[3] != row_bouquet[0]
    assert row_bouquet[5] is None
    assert row_theme[:3] == ["A", "A", "A"]  # 2 followed its bouquet into theme A
    assert row_theme[3] == row_theme[4]  # the cross-theme pair lives in one theme
    assert row_theme[5] == "B"
