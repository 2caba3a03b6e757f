import numpy as np
import scipy.sparse as sp

from bouquet.bouquets.engine.labels import label_text, top_keywords
from bouquet.bouquets.engine.text import SurfaceForms
from bouquet.bouquets.engine.types import Keyword


def _kw(*words: str) -> tuple[Keyword, ...]:
    return tuple(Keyword(term=w, word=w, score=1.0) for w in words)


def test_two_keywords_or_more_make_the_label() -> None:
    assert label_text(_kw("arbres", "ombre", "tilleuls", "chaleur"), "Des arbres. Pour l'ombre") == (
        "arbres, ombre, tilleuls"
    )


def test_a_lone_keyword_gives_way_to_the_central_title() -> None:
    """The title as its author wrote it, not quoted in « Autour de « … » » (rated 1 by a reader)."""
    central = "Un terrain de pétanque ombragé. Sur le parking derrière la mairie, il y a la place."
    assert label_text(_kw("parking"), central) == "Un terrain de pétanque ombragé"


def test_a_phrase_alone_is_a_label() -> None:
    assert label_text(_kw("repair café"), "Un repair café une fois par mois. Pour réparer.") == "repair café"


def test_long_titles_are_shortened_and_nothing_gives_a_neutral_label() -> None:
    label = label_text((), "Installation de bancs et de tables de pique-nique au bord du canal de l'Ourcq")
    # Cut between words, and not after « au bord du » that waited for what was cut.
    assert label == "Installation de bancs et de tables de pique-nique"
    assert len(label_text((), "Un très long titre " * 10)) <= 60
    assert label_text((), "") == "Propositions diverses"


def test_a_phrase_replaces_its_word_already_chosen() -> None:
    terms = np.array(["age", "banc", "person age"])
    scores = sp.csr_matrix(np.array([[0.9, 0.8, 0.7]]))
    support = sp.csr_matrix(np.array([[3.0, 2.0, 3.0]]))
    forms = SurfaceForms()
    forms.update(["Des bancs pour les personnes âgées", "bancs et personnes âgées", "personnes âgées"])
    keywords = top_keywords(scores, support, terms, forms)
    assert [k.term for k in keywords] == ["banc", "person age"]
    assert label_text(keywords) == "bancs, personnes âgées"


def test_a_word_found_only_in_descriptions_is_not_a_label_word() -> None:
    terms = np.array(["pleut", "abribus", "arret"])
    scores = sp.csr_matrix(np.array([[0.9, 0.8, 0.7]]))
    support = sp.csr_matrix(np.array([[2.0, 2.0, 2.0]]))
    in_heads = sp.csr_matrix(np.array([[0.0, 2.0, 1.0]]))  # "pleut" is in no title
    forms = SurfaceForms()
    forms.update(["Un abribus à l'arrêt. Quand il pleut", "Un abribus. Il pleut à l'arrêt"])
    assert [k.term for k in top_keywords(scores, support, terms, forms, in_heads=in_heads)] == [
        "abribus",
        "arret",
    ]
    assert [k.term for k in top_keywords(scores, support, terms, forms)][0] == "pleut"
