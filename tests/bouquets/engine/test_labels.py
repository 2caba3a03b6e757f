from bouquet.bouquets.engine.labels import label_text
from bouquet.bouquets.engine.types import Keyword


def _kw(*words: str) -> tuple[Keyword, ...]:
    return tuple(Keyword(term=w, word=w, score=1.0) for w in words)


def test_two_keywords_or_more_make_the_label() -> None:
    assert label_text(_kw("arbres", "ombre", "tilleuls", "chaleur"), "Des arbres. Pour l'ombre") == (
        "arbres, ombre, tilleuls"
    )


def test_a_lone_keyword_gives_way_to_the_central_title() -> None:
    central = "Un terrain de pétanque ombragé. Sur le parking derrière la mairie, il y a la place."
    assert label_text(_kw("parking"), central) == "Autour de « Un terrain de pétanque ombragé »"


def test_long_titles_are_shortened_and_nothing_gives_a_neutral_label() -> None:
    label = label_text((), "Un très long titre " * 10)
    assert label.startswith("Autour de « Un très long titre") and label.endswith("… »")
    assert len(label) < 80
    assert label_text((), "") == "Propositions diverses"
