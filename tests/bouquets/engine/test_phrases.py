"""Names people would give, from real French tagging (spaCy's small French pipeline, installed as a package)."""

import pytest

from bouquet.bouquets.engine.phrases import SpacyTagger, choose


@pytest.fixture(scope="module")
def tagger() -> SpacyTagger:
    return SpacyTagger()


def _name(tagger: SpacyTagger, heads: list[str]) -> str | None:
    return choose(tagger.tag(heads), heads)


def test_street_greening_is_named_by_the_shared_need_without_the_street_names(tagger: SpacyTagger) -> None:
    """Two dozen street names do not make the name: « Végétaliser la rue », not « avenue, rue, pieds »."""
    heads = [
        "Végétaliser la rue du Château d'Eau",
        "Végétalisation de la rue Fessart",
        "Végétaliser la rue de l'Arsenal",
        "Végétaliser les rues Lacépède, de l'Estrapade, Saint-Jacques",
        "Poursuivre la végétalisation des rues du 17e arrondissement",
    ]
    assert _name(tagger, heads) == "Végétaliser la rue"


def test_a_name_keeps_its_small_words_and_agreement(tagger: SpacyTagger) -> None:
    """« Aide aux devoirs pour les collégiens », not « aider, devoirs, collégiens »."""
    heads = [
        "Aide aux devoirs pour les collégiens",
        "Aider les collégiens à faire leurs devoirs le soir",
        "Des bénévoles pour aider aux devoirs des collégiens",
    ]
    name = _name(tagger, heads)
    assert name is not None and "devoirs" in name and "collégiens" in name and "," not in name


def test_filler_words_never_make_a_name_alone(tagger: SpacyTagger) -> None:
    """« Il faut », « vraiment », « oui » are not needs."""
    heads = ["Il faut vraiment", "Oui il faut", "Faut vraiment le faire"]
    assert _name(tagger, heads) is None


def test_a_place_stays_when_the_bouquet_is_about_that_place(tagger: SpacyTagger) -> None:
    """Every member names the park: the park is the subject."""
    heads = [
        "Rénover les grilles du parc Montsouris",
        "Restaurer le lac du parc Montsouris",
        "Des bancs neufs au parc Montsouris",
    ]
    name = _name(tagger, heads)
    assert name is not None and "Montsouris" in name


def test_a_place_named_by_one_member_only_is_left_out(tagger: SpacyTagger) -> None:
    """« aux Halles » belongs to one proposal, not to the bouquet's name."""
    heads = [
        "Un terrain de basket aux Halles",
        "Un terrain de basket couvert",
        "Terrain de basket pour les jeunes",
    ]
    name = _name(tagger, heads)
    assert name is not None and "Halles" not in name and "basket" in name


def test_a_place_taken_out_takes_the_words_that_only_situated_against_it(tagger: SpacyTagger) -> None:
    """Faults a reader saw in the sample of names (bench/data/name_rating.csv): « Un festival de musique au
    bord », « Un city stade pour les enfants de moins », « Ouvrir la maison des associations rue », « Piste
    cyclable avenue » (whose capitalised first word the small model takes for a proper name)."""
    from bouquet.bouquets.engine.phrases import candidates

    def first(title: str) -> str:
        return candidates(tagger.tag([title])[0], frozenset())[0]

    assert first("Un festival de musique au bord de la Loirette") == "Un festival de musique"
    assert first("Un city stade pour les enfants de moins de 11ans") == "Un city stade pour les enfants"
    assert first("Ouvrir la maison des associations rue Daguerre !") == "Ouvrir la maison des associations"
    assert first("Piste cyclable avenue de la Marcaissonne") == "Piste cyclable"


def test_a_word_one_member_alone_holds_does_not_name_a_group_of_three(tagger: SpacyTagger) -> None:
    """What the members share names them, not what one of them adds (« Prévoir l'électricité et l'eau pour les
    marchands » for a group where only one title speaks of electricity)."""
    heads = [
        "Du matériel pour les fêtes de quartier",
        "Acheter du matériel pour animer des débats et des fêtes",
        "Proposer de la vaisselle durable pour les fêtes de quartier",
    ]
    name = _name(tagger, heads)
    assert name is not None and name.lower().endswith("matériel pour les fêtes de quartier")
