"""Names said of several things in several places (issue 11, third round): plural, verb, no speech, no hashtag.

Titles are real: the Paris participatory budget's winners and the demo town's proposals."""

import pytest

from bouquet.bouquets.engine.phrases import (
    SpacyTagger,
    candidates,
    choose,
    named_several,
    plural_word,
    pluralise,
    with_work,
)
from bouquet.bouquets.engine.text import content_tokens


@pytest.fixture(scope="module")
def tagger() -> SpacyTagger:
    return SpacyTagger()


def _stems(word: str) -> frozenset[str]:
    return frozenset(s for s, _ in content_tokens(word))


def test_french_plural_rules() -> None:
    words = "piscine canal festival nouveau nouvel travail cours bijou jeu pneu skate-park cyclable".split()
    assert [plural_word(w) for w in words] == [
        "piscines",
        "canaux",
        "festivals",
        "nouveaux",
        "nouveaux",
        "travaux",
        "cours",
        "bijoux",
        "jeux",
        "pneus",
        "skate-parks",
        "cyclables",
    ]


@pytest.mark.parametrize(
    ("name", "noun", "plural"),
    [
        ("Rénover la piscine", "piscine", "Rénover les piscines"),
        ("La cour de récréation de l'école", "école", "Les cours de récréation des écoles"),
        ("Piste cyclable", "piste", "Les pistes cyclables"),
        ("Sécurisation du carrefour", "carrefour", "Sécurisation des carrefours"),
        ("Rénover le solarium de la piscine", "piscine", "Rénover les solariums des piscines"),
        ("Un nouvel espace vert", "espace", "De nouveaux espaces verts"),
    ],
)
def test_a_name_put_in_the_plural_takes_its_article_and_adjectives(
    tagger: SpacyTagger, name: str, noun: str, plural: str
) -> None:
    assert pluralise(tagger.tag([name])[0], _stems(noun), {}) == plural


def test_a_noun_of_action_stays_singular(tagger: SpacyTagger) -> None:
    # One work asked in several streets: « Végétalisation des rues », never « Les végétalisations ».
    assert pluralise(tagger.tag(["Végétalisation de quartier"])[0], _stems("végétalisation"), {}) is None


def test_five_pools_in_five_places_are_named_in_the_plural() -> None:
    heads = [
        "Rénovation de la piscine Mathis",
        "Modernisation de la piscine Aspirant Dunand",
        "Rénover le solarium de la piscine Bernard Lafay",
        "Modernisation de la piscine de la Butte-aux-Cailles",
        "Rénover la piscine Henry de Montherlant",
    ]
    nouns, _written, by_place = named_several(heads)
    assert _stems("piscine") <= nouns
    assert _stems("piscine") <= by_place


def test_one_place_named_by_all_is_not_several() -> None:
    heads = [
        "Moderniser le marché des Batignolles",
        "Rénovation du marché couvert des Batignolles",
        "Le marché couvert des Batignolles plus accessible",
    ]
    nouns, _written, _by_place = named_several(heads)
    assert not _stems("marché") & nouns


def test_a_plural_members_wrote_is_the_form_taken() -> None:
    heads = [
        "Création d'un jardin partagé rue Rébeval",
        "Jardin partagé dans le quartier des Hauts de Malesherbes",
        "Des jardins partagés au cœur des logements sociaux",
        "Des jardins sur les murs",
    ]
    nouns, written, _by_place = named_several(heads)
    assert _stems("jardin") <= nouns
    assert written[next(iter(_stems("jardin")))] == "jardins"


def test_a_plural_name_without_a_verb_takes_the_work_most_members_ask() -> None:
    heads = [
        "Mise en valeur du parvis de l'église Saint-Joseph des Épinettes",
        "Remise en état de l'horloge de l'église Saint-Ambroise",
        "Mise en valeur de l'église Saint-Ambroise",
        "Rénovation de la fresque de l’église Notre-Dame-des-Champs",
        "Aménager et rénover l’église Notre-Dame-de-la-Gare",
    ]
    assert with_work("Les églises", heads) in ("Mettre en valeur les églises", "Rénover les églises")
    assert with_work("Les églises", heads[:1]) == "Les églises"


def test_a_church_bouquet_is_named_by_the_churches_not_one_members_chapels(tagger: SpacyTagger) -> None:
    heads = [
        "Mise en valeur du parvis de l'église Saint-Joseph des Épinettes",
        "Remise en état de l'horloge de l'église Saint-Ambroise",
        "Rénovons les vitraux des chapelles de l’église Saint-Sulpice",
        "Eclairage de la façade de l'Eglise Saint Thomas d'Aquin",
        "Rénovation de la fresque de l’église Notre-Dame-des-Champs",
        "Rampe d'accessibilité à l'église St-Michel-des-Batignolles",
    ]
    _nouns, _written, by_place = named_several(heads)
    name = choose(tagger.tag(heads), heads, several=by_place)
    assert name is not None
    assert "chapelles" not in name
    assert "glise" in name


def test_quoted_speech_and_hashtags_give_no_name(tagger: SpacyTagger) -> None:
    quoted = candidates(tagger.tag(["Propos recueillis : « avec qui je laisse mon fils ? »"])[0], frozenset())
    assert not any("fils" in c for c in quoted)
    assert not any(c.startswith(("«", "Mon ")) for c in quoted)
    tagged = candidates(tagger.tag(["#ÉcoleDeRêve pour tous"])[0], frozenset())
    assert not any("#" in c or "Rêve" in c for c in tagged)
    # A quoted name stays: it is not someone speaking.
    named = candidates(tagger.tag(["Le projet « Jardin des cultures » au square"])[0], frozenset())
    assert named


def test_a_thing_without_a_verb_takes_the_work_its_members_ask() -> None:
    heads = [
        "Rénovation des salles de danse du Centre d'Animation Jemmapes",
        "Rénovation/aménagement des espaces de danse square Tino Rossi",
    ]
    assert with_work("Des salles de danse", heads) == "Rénover les salles de danse"
    # « Aménager » is no work of its own: « Aménagement d'aires de sport urbain » is not one on « l'art urbain ».
    art = ["Aménagement d'aires de sport urbain dans le 17e arrondissement", "Aménagement de la passerelle"]
    assert with_work("L'art urbain", art) == "L'art urbain"
