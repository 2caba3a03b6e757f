"""Themes, bouquets, the not-yet-grouped pool, labels and reasons."""

from bouquet.bouquets.engine import Engine, Status
from tests.bouquets.engine.conftest import CORPUS


def _group(engine: Engine, themes: int | None = 2):
    """Group the shared corpus."""
    return engine.group(list(CORPUS.values()), list(CORPUS), themes=themes)


def test_related_proposals_share_a_bouquet_and_the_unrelated_one_stays_alone(engine: Engine) -> None:
    """Each rewritten need forms one bouquet; the piano contest is not forced into a group."""
    g = _group(engine)
    m = g.memberships
    for need in ("velo", "ecole", "compost", "banc"):
        keys = {m[i].bouquet_key for i in CORPUS if i.startswith(need)}
        # At least two of the variants of a need end up together.
        members = [i for i in CORPUS if i.startswith(need)]
        assert any(sum(m[i].bouquet_key == k for i in members) >= 2 for k in keys if k), need
    assert m["piano"].status == Status.UNGROUPED and m["piano"].bouquet_key is None
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
    assert g.memberships["vide"].status == Status.UNUSABLE and g.memberships["vide"].text_status == "empty"
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


def test_every_bouquet_label_has_two_keywords_or_quotes_its_central_proposal(engine: Engine) -> None:
    """A lone keyword ("parking", "pleut") does not name a need: such bouquets quote their central proposal."""
    texts = {
        **CORPUS,
        "abri1": "Un abribus, vite. On se fait tremper au car de 7 heures.",
        "abri2": "Un abribus à l'arrêt. Quand il pleut, rien pour se protéger.",
    }
    g = engine.group(list(texts.values()), list(texts), themes=2)
    abri = g.memberships["abri1"].bouquet_key
    assert abri is not None and abri == g.memberships["abri2"].bouquet_key
    assert [k.word for k in g.bouquet(abri).label.keywords] == ["abribus"]
    for bouquet in g.bouquets:
        label = bouquet.label
        if sum(len(k.word.split()) for k in label.keywords) >= 2:
            assert label.text == ", ".join(k.word for k in label.keywords[:3])
        else:
            central = texts[label.representative_ids[0]].split(". ")[0].rstrip(".")
            assert label.text == f"Autour de « {central} »"
