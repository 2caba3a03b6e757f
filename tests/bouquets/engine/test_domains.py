"""Broad themes named by the domains of local action their members fall in (domains.py), when no phrase is
shared by enough of them."""

import numpy as np

from bouquet.bouquets.engine import Engine, UseEncoder
from bouquet.bouquets.engine.domains import (
    DOMAINS,
    MIN_SCORE,
    DomainReader,
    domain_shares,
    theme_name,
    theme_names,
)
from bouquet.bouquets.engine.phrases import MAX_CHARS, name_share


def _rows(best: list[int | None]) -> np.ndarray:
    """Score rows whose best domain is the given index (None: every domain under MIN_SCORE)."""
    scores = np.full((len(best), len(DOMAINS)), MIN_SCORE / 2, dtype=np.float32)
    for r, j in enumerate(best):
        if j is not None:
            scores[r, j] = 0.4
    return scores


def test_a_theme_mostly_in_one_domain_takes_its_name() -> None:
    assert theme_name(_rows([0, 0, 0, 1, None])) == DOMAINS[0].name


def test_a_spread_theme_is_named_by_its_domains_until_they_hold_half_of_it() -> None:
    # 3 + 2 of the 8 members read in a domain hold half: two domains named, the others are not needed.
    name = theme_name(_rows([1, 1, 1, 2, 2, 3, 3, 4, None, None]))
    assert name == f"{DOMAINS[1].short[:1].upper()}{DOMAINS[1].short[1:]} et {DOMAINS[2].short}"
    # Four domains at most, listed with commas before « et ».
    name = theme_name(_rows([0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6]))
    assert name is not None and name.count(",") == 2 and name.count(" et ") >= 1
    assert DOMAINS[4].short not in name


def test_a_scattered_theme_is_named_as_a_mixture_of_its_three_most_held_domains() -> None:
    # Ten members in ten domains: four domains hold 4 of 10, under half.
    name = theme_name(_rows([0, 0, 1, 1, *range(2, 10)]))
    assert name == f"Divers : {DOMAINS[0].short}, {DOMAINS[1].short} et {DOMAINS[2].short}"


def test_a_theme_whose_members_no_domain_speaks_of_gets_no_domain_name() -> None:
    assert theme_name(_rows([None, None, None])) is None
    assert theme_name(_rows([0, 0, None, None, None])) is None  # fewer than half read in a domain
    assert theme_name(np.zeros((0, len(DOMAINS)), dtype=np.float32)) is None


def test_shares_are_over_the_members_read_in_a_domain() -> None:
    assert domain_shares(_rows([2, 2, 3, None])) == [(DOMAINS[2], 2 / 3), (DOMAINS[3], 1 / 3)]


def test_name_share_is_the_share_of_members_writing_each_of_the_names_words() -> None:
    heads = ["Des bancs sur la place", "Un banc à l'ombre", "Une fontaine", "Des arbres"]
    assert name_share("Des bancs", heads) == 0.5
    assert name_share("Une fontaine à eau potable", heads) == 0.0  # « eau », « potable »: no title
    assert name_share("Des bancs et des arbres", heads) == 0.25
    assert name_share("", heads) == 0.0


def test_real_proposals_fall_in_the_domain_a_reader_would_say(real_encoder: UseEncoder) -> None:
    reader = DomainReader(real_encoder)
    texts = {
        "Une aire de jeux pour les petits avec un toboggan": "Jeux et loisirs des enfants",
        "Planter des arbres le long de la rue pour avoir de l'ombre": "Arbres, jardins et nature en ville",
        "Des arceaux pour garer les vélos devant la gare": "Vélo",
        "Un atelier pour apprendre à faire ses démarches sur internet": "Numérique et démarches",
        "Plus de poubelles et des bacs de tri dans le parc": "Propreté et déchets",
        "Élargir les trottoirs et sécuriser la traversée devant l'école": "Trottoirs, traversées et rues piétonnes",
    }
    scores = reader.scores(list(texts))
    assert [DOMAINS[int(j)].name for j in scores.argmax(axis=1)] == list(texts.values())


def test_a_theme_of_several_needs_is_named_by_its_domains_not_one_members_title(
    real_encoder: UseEncoder,
) -> None:
    # One theme forced over play areas, benches and bike parking: no phrase is shared by 40 % of it.
    texts = [
        "Une aire de jeux pour les petits",
        "Des jeux pour les enfants de 8 à 12 ans",
        "Des jeux d'eau pour les enfants l'été",
        "Un toboggan et des balançoires au square",
        "Des bancs à l'ombre pour les personnes âgées",
        "Un banc pour s'asseoir près de l'arrêt de bus",
        "Des bancs avec dossier sur la place",
        "Des arceaux vélo devant les commerces",
        "Un local vélo fermé pour les habitants des tours",
        "Un parking vélo couvert près de l'école",
    ]
    ids = [str(i) for i in range(len(texts))]
    grouping = Engine(real_encoder).group(texts, ids, themes=1, with_sdgs=False)
    (theme,) = grouping.themes
    assert theme.label.text not in texts
    words = theme.label.text.lower()
    assert "jeux" in words and ("vélo" in words or "mobilier" in words), theme.label.text
    # A theme a phrase names well keeps it: ten proposals about benches.
    benches = [f"Des bancs {where}" for where in ("sur la place", "au square", "devant l'école", "au marché")]
    grouping = Engine(real_encoder).group(benches, ["a", "b", "c", "d"], themes=1, with_sdgs=False)
    assert "bancs" in grouping.themes[0].label.text.lower()


def test_a_list_of_domains_fits_in_a_name() -> None:
    longest = sorted(range(len(DOMAINS)), key=lambda j: -len(DOMAINS[j].short))[:4]
    name = theme_name(_rows([j for j in longest for _ in range(2)] + list(range(len(DOMAINS)))[:6]))
    assert name is not None and len(name) <= MAX_CHARS


def test_two_themes_of_one_domain_are_not_given_the_same_name() -> None:
    small, large, other = _rows([3, 3, 3]), _rows([3, 3, 3, 3, 1]), _rows([5, 5, 5])
    names = theme_names({"t1": small, "t2": large, "t3": other})
    assert names == {"t2": DOMAINS[3].name, "t3": DOMAINS[5].name}
    # Nor the name another theme's phrase already has.
    assert theme_names({"t3": other}, taken=[DOMAINS[5].name]) == {}
