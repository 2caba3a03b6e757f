"""Place names weigh on location, not on meaning: recognised, taken out of what the grouping reads, kept aside."""

import pytest

from bouquet.bouquets.engine import Engine, EngineConfig, HashingEncoder
from bouquet.bouquets.engine.places import place_mentions, places_key, same_location, without_places


@pytest.mark.parametrize(
    ("text", "read", "places"),
    [
        ("Une poubelle à crottes au parc Montsouris", "Une poubelle à crottes au parc", ["montsouris"]),
        (
            "Végétaliser la rue de la roquette pour les enfants",
            "Végétaliser la rue pour les enfants",
            ["roquette"],
        ),
        ("Des bancs place d'Italie", "Des bancs place", ["italie"]),
        (
            "Végétalisation rue du Faubourg Saint-Antoine (11e)",
            "Végétalisation rue (11e)",
            ["faubourg saint antoine"],
        ),
        (
            "Réaménager le square Saint-Lambert et la rue Sainte-Marthe",
            "Réaménager le square et la rue",
            ["saint lambert", "sainte marthe"],
        ),
        # a word that names a place only before a proper name is a need otherwise
        ("Créer un jardin partagé", "Créer un jardin partagé", []),
        (
            "Plus de places de stationnement pour les vélos",
            "Plus de places de stationnement pour les vélos",
            [],
        ),
        ("La rue est sale", "La rue est sale", []),
        ("Rénover le gymnase", "Rénover le gymnase", []),
        # in capitals, a capital says nothing: only a street word's name is read
        ("RÉNOVER LE CENTRE SPORTIF DES POISSONNIERS", "RÉNOVER LE CENTRE SPORTIF DES POISSONNIERS", []),
        ("DES BANCS RUE DE LA ROQUETTE", "DES BANCS RUE", ["roquette"]),
    ],
)
def test_place_names_are_recognised_and_taken_out_their_kind_kept(
    text: str, read: str, places: list[str]
) -> None:
    assert without_places(text) == read
    assert [m.key for m in place_mentions(text)] == places


def test_the_territory_s_own_names_are_found_whatever_the_case_accents_and_article() -> None:
    territory = ["Les Olympiades", "Bercy-Rapée"]
    assert [m.key for m in place_mentions("Des bancs aux olympiades", territory)] == ["olympiades"]
    assert (
        without_places("Un marché bio à bercy rapée le dimanche", territory) == "Un marché bio à le dimanche"
    )
    assert place_mentions("Des olympiades sportives", ()) == []  # without the territory's list: a common word


def test_same_location_unless_both_name_places_and_share_none() -> None:
    assert same_location("", "parc montsouris")
    assert same_location("parc montsouris|rue d alesia", "rue d alesia")
    assert not same_location("rue sainte marthe", "rue de la roquette")
    assert places_key("Rue Sainte-Marthe et rue de la Roquette") == "roquette|sainte marthe"


# Titles as people write them: the place first, the need in a few words. Word for word, the park's name is
# most of each title, and the streets' long names most of the greening ones.
PARK = {
    "p1": "Parc Montsouris : une poubelle à crottes",
    "p2": "Parc Montsouris : des agrès de sport",
    "p3": "Parc Montsouris : l'éclairage la nuit",
    "p4": "Parc Montsouris : des toilettes gratuites",
}
GREEN = {
    "g1": "Végétaliser la rue du Faubourg Saint-Antoine",
    "g2": "Végétaliser la rue Jean-Pierre Timbaud",
    "g3": "Végétaliser la rue Jean-Baptiste Pigalle",
    "g4": "Végétaliser la rue Notre-Dame-de-Lorette",
}
OTHER = {
    "o1": "Organiser un concours de piano pour les conservatoires",
    "o2": "Ouvrir la bibliothèque le dimanche matin",
    "o3": "Des cours de français pour les parents",
    "o4": "Un marché de producteurs locaux le samedi",
}


@pytest.fixture(scope="module")
def grouped() -> tuple[Engine, dict[str, str | None]]:
    corpus = PARK | GREEN | OTHER
    engine = Engine(HashingEncoder(), EngineConfig(phrase_titles=0))
    grouping = engine.group(list(corpus.values()), list(corpus), themes=1, with_sdgs=False)
    return engine, {pid: m.bouquet_key for pid, m in grouping.memberships.items()}


def test_the_same_need_in_several_streets_forms_one_bouquet(
    grouped: tuple[Engine, dict[str, str | None]],
) -> None:
    _engine, bouquet_of = grouped
    keys = {bouquet_of[pid] for pid in GREEN}
    assert len(keys) == 1 and None not in keys


def test_different_needs_in_one_park_do_not_meet_on_its_name(
    grouped: tuple[Engine, dict[str, str | None]],
) -> None:
    _engine, bouquet_of = grouped
    keys = [bouquet_of[pid] for pid in PARK if bouquet_of[pid] is not None]
    assert len(keys) == len(set(keys)), bouquet_of


def test_the_same_need_in_another_street_is_not_a_duplicate(
    grouped: tuple[Engine, dict[str, str | None]],
) -> None:
    engine, _ = grouped
    elsewhere = engine.similar("Végétaliser la rue des Martyrs", k=10)
    assert elsewhere == []
    # read without place names the two are the same text: only the places tell them apart
    assert without_places("Végétaliser la rue des Martyrs") == without_places(GREEN["g3"])
    here = engine.similar("Végétaliser la rue Jean-Baptiste Pigalle", k=10)
    assert [m.id for m in here][:1] == ["g3"]


def test_names_are_places_and_capitalised_words_inside_sentences() -> None:
    from bouquet.bouquets.engine.places import lower_case_words, names, without_names

    texts = [
        "Tour Saint-Jacques pour tous",
        "Un café solidaire dans le quartier de la tour Saint-Jacques",
        "Ajout d'Arbres quartier des Arènes Romaines",
        "Planter des arbres",
        "Les JO pour tous. Des bancs",
    ]
    common = lower_case_words(texts)
    assert names(texts[0], (), common) == {"saint jacques"} == names(texts[1], (), common)
    assert (
        without_names(texts[0], (), common) == "Tour pour tous"
    )  # the first word of a sentence says nothing
    # a street's kind stays (« la rue » may be the need), a district goes with its name, and so do ordinals
    assert without_names("Des bancs rue de la Roquette dans le 11e") == "Des bancs rue dans le"
    assert without_names("Un four à pain dans le quartier des Sept-Deniers") == "Un four à pain dans le"
    # a noun written with a capital in a title is not a name when the corpus writes it in lower case too
    assert without_names(texts[2], (), common) == "Ajout d'Arbres"
    assert names(texts[4], (), common) == frozenset()  # an acronym, a sentence's first word
