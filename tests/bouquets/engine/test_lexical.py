"""The rare words a new text shares with indexed titles: the second signal that ranks similar proposals."""

import numpy as np

from bouquet.bouquets.engine import Engine, EngineConfig
from bouquet.bouquets.engine.duplicates import terms_key, title_terms
from bouquet.bouquets.engine.lexical import TitleWords, split_terms, text_terms
from tests.bouquets.engine.conftest import CORPUS


def _stored(*titles: str) -> list[str]:
    return [terms_key(title_terms(t)) for t in titles]


def test_a_hyphenated_name_meets_the_same_name_written_apart() -> None:
    """« Paul-Grimault » and « Paul Grimault », « Château-d'Eau » and « Château d'Eau » are the same words."""
    assert text_terms("le square Paul-Grimault") == text_terms("le square Paul Grimault")
    assert text_terms("rue du Château-d'Eau") == text_terms("rue du Château d’Eau")
    assert split_terms(["grange-aux-bel"]) >= {"grang"}  # « aux » is a stop word, not a term


def test_a_word_family_counts_as_one_term_from_five_letters() -> None:
    """« piétons » finds « piétonnisation », « bricoler » finds « bricolage »; a short stem stands for itself."""
    words = TitleWords(_stored("Piétonnisation de la rue Saint-Marc", "Un lieu pour le bricolage", "Un port"))
    assert "pietonnis" in words.family(next(iter(text_terms("piétons"))))
    assert "bricolag" in words.family(next(iter(text_terms("bricoler"))))
    assert words.family("port") == ["port"]  # four letters: « portail » would not count


def test_a_rare_shared_word_scores_above_a_common_one_and_no_shared_word_scores_zero() -> None:
    """Among titles that all say « rue », the one sharing the street's name scores highest."""
    titles = [
        "Végétaliser la rue du Château d'Eau",
        "Plantons des arbres rue de Suez",
        "Des arbres rue Jouffroy d'Abbans",
        "Repeindre la rue Legendre",
        "Un concours de piano",
    ]
    words = TitleWords(_stored(*titles))
    scores = words.scores(text_terms("Des fleurs rue du Château-d'Eau"))
    assert int(np.argmax(scores)) == 0
    assert scores[0] > 2 * max(scores[1:4])
    assert scores[4] == 0.0
    assert 0.0 < scores[0] <= 1.2
    assert words.top(scores, 2).tolist()[0] == 0
    assert all(scores[r] > 0 for r in words.top(scores, 10))  # no row without a shared word


def test_rows_added_later_are_found_and_an_index_loaded_from_bytes_scores_the_same(
    engine: Engine, encoder
) -> None:
    """The inverted index grows with the proposals placed after a grouping and is rebuilt on load."""
    engine.group(list(CORPUS.values()), list(CORPUS))
    engine.add("kiosque", "Un orchestre au kiosque de la place Gambetta", theme_key=None, bouquet_key=None)
    assert engine.index is not None
    words = engine.index.title_words
    assert len(words) == len(engine.index)
    query = text_terms("Des concerts au kiosque Gambetta")
    assert engine.index.ids[int(np.argmax(words.scores(query)))] == "kiosque"
    restored = Engine.from_bytes(engine.to_bytes(), encoder)
    assert restored.index is not None
    assert np.array_equal(restored.index.title_words.scores(query), words.scores(query))


# The crafted case below: a rewording keeps the street's name and changes the verb; other proposals plant trees
# and flowers in other streets, which the sentence encoder finds closer in meaning; several of them, as in a real
# city, so that « arbres », « fleurs » and « rue » are common words there and the street's name is rare.
STREETS = {
    "eau": "Végétaliser la rue du Château d'Eau",
    "abbans": "Des arbres et des fleurs rue Jouffroy d'Abbans",
    "oberkampf": "Des arbres et des fleurs rue Oberkampf",
    "suez": "Des arbres rue de Suez",
    "legendre": "Planter des arbres rue Legendre",
    "roquette": "Des fleurs rue de la Roquette",
    "charonne": "Planter des fleurs rue de Charonne",
    "pyrenees": "Des arbres rue des Pyrénées",
}


def test_a_rewording_that_keeps_the_rare_words_beats_a_proposal_nearer_in_meaning(real_encoder) -> None:
    """On meaning alone « rue Oberkampf » comes before the original; with the shared rare words, after it."""
    texts = {**CORPUS, **STREETS}
    query = "Planter des arbres et des fleurs rue du Château-d'Eau"

    def ranked(config: EngineConfig) -> list[str]:
        engine = Engine(real_encoder, config)
        engine.group(list(texts.values()), list(texts), with_sdgs=False)
        return [m.id for m in engine.similar(query, k=5, threshold=-1.0)]

    meaning_only = ranked(EngineConfig(lexical_weight=0.0))
    assert meaning_only.index("oberkampf") < meaning_only.index("eau")
    both = ranked(EngineConfig())
    assert both.index("eau") < both.index("oberkampf")


def test_sharing_only_common_words_with_a_title_is_not_a_duplicate(real_engine: Engine) -> None:
    """« square », « place », « installer » are shared; the needs (yoga, a market) are not: nothing is flagged."""
    real_engine.group(list(CORPUS.values()), list(CORPUS), with_sdgs=False)
    for text in ("Des cours de yoga gratuits dans le square", "Un marché de producteurs bio sur la place"):
        assert real_engine.similar(text) == []
        ranked = real_engine.similar(text, k=3, threshold=-1.0)
        assert ranked and not any(m.duplicate for m in ranked)
