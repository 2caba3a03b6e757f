"""Probable duplicates: the same words in the titles, and a cut in meaning relative to the corpus."""

import numpy as np

from bouquet.bouquets.engine import Engine
from bouquet.bouquets.engine.duplicates import near_identical, relative_cut, terms_key, title_terms
from tests.bouquets.engine.conftest import CORPUS


def _same_words(new: str, stored: str, *, typing: bool = False) -> bool:
    return near_identical(title_terms(new), terms_key(title_terms(stored)), typing=typing)


def test_a_title_contained_in_another_is_the_same_words_plurals_and_accents_aside() -> None:
    """« Un banc à l'ombre » is « Un banc à l'ombre, c'est tout ce qu'on demande »; plurals and accents aside."""
    assert _same_words("Un banc à l'ombre", "Un banc à l'ombre, c'est tout ce qu'on demande")
    assert _same_words("Parcs de stationnement pour bicyclette", "Parc de stationnement pour bicyclettes")
    assert _same_words("cinema sous chapiteau a clignancourt", "Cinéma sous chapiteau à Clignancourt")


def test_sharing_a_few_words_with_a_longer_title_is_not_the_same_words() -> None:
    """Two shared words out of four, or one word only, say nothing about the need."""
    assert not _same_words("Une cabane à livres pour les enfants à l'hôpital", "Cabanes à livres dans le 14e")
    assert not _same_words("Des bancs", "Des bancs sur la place du marché")
    assert not _same_words("Rénover le gymnase", "Rénover la piscine")


def test_an_unfinished_last_word_counts_only_while_typing() -> None:
    """While typing « Un banc à l'omb », the last word may become « ombre »."""
    assert _same_words("Un banc à l'omb", "Un banc à l'ombre", typing=True)
    assert not _same_words("Un banc à l'omb", "Un banc à l'ombre")


def test_the_cut_rises_with_the_number_of_proposals_and_stays_within_its_bounds() -> None:
    """More proposals, more chance neighbours: the cut is higher at 20,000 than at 200 for the same spread."""
    rng = np.random.default_rng(1)

    def corpus(n: int) -> np.ndarray:
        x = rng.normal(size=(n, 64)).astype(np.float32) + 1.2
        return x / np.linalg.norm(x, axis=1, keepdims=True)

    small = relative_cut(corpus(200), margin=0.75, floor=0.0, ceiling=1.0)
    large = relative_cut(corpus(20000), margin=0.75, floor=0.0, ceiling=1.0)
    assert small < large < 1.0
    assert relative_cut(corpus(200), margin=0.75, floor=0.99, ceiling=1.0) == 0.99
    assert relative_cut(corpus(10), margin=0.75, floor=0.0, ceiling=0.8) == 0.8  # too few to measure


def test_similar_while_typing_finds_the_longer_title_and_the_cut_round_trips(engine: Engine, encoder) -> None:
    """The engine flags a stored title that contains the typed one, and keeps its cut across storage."""
    texts = {**CORPUS, "ombre": "Un banc à l'ombre, c'est tout ce qu'on demande"}
    engine.group(list(texts.values()), list(texts), themes=2)
    found = engine.similar("Un banc à l'omb", typing=True)
    assert [m.id for m in found][:1] == ["ombre"] and found[0].duplicate
    restored = Engine.from_bytes(engine.to_bytes(), encoder)
    assert restored.duplicate_cut == engine.duplicate_cut
    assert restored.index is not None and restored.index.row_terms == engine.index.row_terms
