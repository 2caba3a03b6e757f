"""Clean input: non-answers set aside and counted, repeated texts grouped once, short texts shaping no theme."""

from collections import Counter

import numpy as np

from bouquet.bouquets.engine import Engine, EngineConfig, HashingEncoder, MemberStatus
from bouquet.bouquets.engine.engine import _Grouper
from bouquet.bouquets.engine.text import is_non_answer, text_status
from tests.bouquets.engine.conftest import CORPUS


def test_non_answers_are_recognised_whatever_their_spelling() -> None:
    """« RAS », « R.A.S. », « Néant », « je ne sais pas », a bare link, a lone letter; not « Non au bruit »."""
    for text in ("RAS", "R.A.S.", "Néant", "je ne sais pas", "Pas d'avis", "https://exemple.fr/page", "x"):
        assert is_non_answer(text), text
        assert text_status(text, 1000) == "non_answer"
    for text in ("Non au bruit la nuit", "Oui aux pistes cyclables", "Rien pour les ados ici"):
        assert not is_non_answer(text), text
    assert text_status("!!! ???", 1000) == "empty"


def test_non_answers_are_set_aside_and_repeats_follow_their_first_occurrence(engine: Engine) -> None:
    """Every id comes back; non-answers are unusable with their status; copies share the first one's place."""
    texts = dict(CORPUS)
    texts |= {"ras": "RAS", "nsp": "Je ne sais pas.", "lien": "http://exemple.org"}
    first = next(iter(CORPUS))
    texts |= {f"copie{i}": CORPUS[first].upper() + " !" for i in range(3)}
    g = engine.group(list(texts.values()), list(texts), themes=2)
    assert list(g.memberships) == list(texts)
    for pid in ("ras", "nsp", "lien"):
        m = g.memberships[pid]
        assert m.status == MemberStatus.UNUSABLE and m.text_status == "non_answer"
    original = g.memberships[first]
    for i in range(3):
        copy = g.memberships[f"copie{i}"]
        assert copy.copy_of == first
        assert (copy.theme_key, copy.bouquet_key, copy.status) == (
            original.theme_key,
            original.bouquet_key,
            original.status,
        )
    theme = g.theme(original.theme_key)
    assert {f"copie{i}" for i in range(3)} <= set(theme.member_ids)
    if original.bouquet_key:
        assert {f"copie{i}" for i in range(3)} <= set(g.bouquet(original.bouquet_key).member_ids)
    # Each id is in exactly one theme.
    counts = Counter(pid for t in g.themes for pid in t.member_ids)
    assert all(c == 1 for c in counts.values())


def test_very_short_texts_join_the_theme_of_their_subject_instead_of_one_of_their_own(engine: Engine) -> None:
    """Two-word answers do not make a theme of « short answers »: each joins the theme of its subject."""
    texts = dict(CORPUS)
    subjects = {"piste cyclable": "velo1", "compost partagé": "compost1", "cour école": "ecole1"}
    shorts = {
        f"court{i}-{ref}": f"{words.capitalize()} {'!' * i}"
        for i in range(4)
        for words, ref in subjects.items()
    }
    # Distinct spellings would be copies of each other: make them differ by a word.
    shorts = {
        pid: f"{text.rstrip(' !')} {extra}"
        for (pid, text), extra in zip(shorts.items(), ["vite", "svp", "merci", "encore"] * 3, strict=True)
    }
    texts |= shorts
    g = engine.group(list(texts.values()), list(texts), themes=3)
    for pid in shorts:
        ref = pid.split("-", 1)[1]
        assert g.memberships[pid].theme_key == g.memberships[ref].theme_key, (texts[pid], texts[ref])
    for theme in g.themes:
        assert not set(theme.member_ids) <= set(shorts), "a theme made only of short texts"


def test_short_texts_that_resemble_each_other_more_than_their_subjects_still_shape_no_theme() -> None:
    """Short answers often sit together in vector space (by length, not subject): with the number of themes
    chosen automatically, they used to get a theme of their own. Crafted vectors: two subjects of long texts,
    and short ones near each other and a little toward the first subject."""
    rng = np.random.default_rng(0)
    a, b, short_axis = np.eye(8)[0], np.eye(8)[1], np.eye(8)[2]
    longs = [a + 0.1 * rng.normal(size=8) for _ in range(20)] + [
        b + 0.1 * rng.normal(size=8) for _ in range(20)
    ]
    # Short texts: mostly « short », a little of subject a.
    shorts = [short_axis + 0.25 * a + 0.05 * rng.normal(size=8) for _ in range(30)]
    x = np.vstack(longs + shorts).astype(np.float32)
    x /= np.linalg.norm(x, axis=1, keepdims=True)
    terms = [12] * 40 + [2] * 30
    grouper = _Grouper(HashingEncoder(), EngineConfig(), None)
    labels, _ = grouper._themes(x, None, terms)
    assert set(labels[40:].tolist()) == {labels[0]}, "short texts join subject a's theme"
    assert labels[0] != labels[20], "the two themes are the two subjects"
    before = _Grouper(HashingEncoder(), EngineConfig(short_text_terms=0), None)._themes(x, None, terms)[0]
    assert set(before[40:].tolist()).isdisjoint({before[0], before[20]}), "before: a theme of short texts"
