"""Bouquets gather needs, not places (issue 11): members that meet only on a place or another proper name are left
unsorted, with the names they shared; the same need in one place, or in two places, still forms a bouquet."""

from bouquet.bouquets.engine import Constraints, Engine, EngineConfig, MemberStatus, PinnedBouquet
from tests.bouquets.engine.conftest import CORPUS

# Real titles from the blind reading of seed 13 (Paris and Toulouse): each pair or group met on a place name.
SAME_PLACE_OTHER_NEEDS: dict[str, str] = {
    "tour1": "Tour Saint-Jacques pour tous",
    "tour2": "Un café solidaire dans le quartier de la tour Saint-Jacques",
    "deniers1": "Connaître et mieux préserver les animaux du quartier des Sept-Deniers",
    "deniers2": "Prévoir des pistes cyclables sécurisées pour relier le quartier des Sept-Deniers à Ginestous",
    "belleville1": "Un parcours de fresques à Belleville Saint-Maur",
    "belleville2": "Refaire les trottoirs dégradés à Belleville Saint-Maur",
}
# The same need in two streets, written with other words.
SAME_NEED_TWO_PLACES: dict[str, str] = {
    "arbres1": "Planter des arbres rue de la Roquette",
    "arbres2": "Plus d'arbres plantés avenue Daumesnil",
}


def _group(engine: Engine) -> dict[str, str | None]:
    corpus = {**CORPUS, **SAME_PLACE_OTHER_NEEDS, **SAME_NEED_TWO_PLACES}
    g = engine.group(list(corpus.values()), list(corpus), with_sdgs=False)
    return {pid: m.bouquet_key for pid, m in g.memberships.items()}


def test_a_shared_place_alone_does_not_make_a_bouquet(real_engine: Engine) -> None:
    keys = _group(real_engine)
    for first, second in (("tour1", "tour2"), ("deniers1", "deniers2"), ("belleville1", "belleville2")):
        assert keys[first] is None or keys[first] != keys[second], (first, second)


def test_the_same_need_stays_together_in_one_place_and_in_two(real_engine: Engine) -> None:
    keys = _group(real_engine)
    # one place, one need: the cycle lanes along avenue Jean Jaurès, the schoolyard of école Jules Ferry
    assert keys["velo1"] is not None and keys["velo1"] == keys["velo2"] == keys["velo3"]
    assert keys["ecole1"] is not None and keys["ecole1"] == keys["ecole2"] == keys["ecole3"]
    # two places, one need
    assert keys["arbres1"] is not None and keys["arbres1"] == keys["arbres2"]


def test_without_the_check_the_shared_place_groups_them(real_encoder: object) -> None:
    """The check is what keeps them apart: without it, at least one pair meets on its place."""
    engine = Engine(real_encoder, EngineConfig(need_beyond_names=False))  # type: ignore[arg-type]
    keys = _group(engine)
    pairs = (("tour1", "tour2"), ("deniers1", "deniers2"), ("belleville1", "belleville2"))
    assert any(keys[a] is not None and keys[a] == keys[b] for a, b in pairs)


def test_those_left_unsorted_say_which_names_they_shared(real_engine: Engine) -> None:
    corpus = {**CORPUS, **SAME_PLACE_OTHER_NEEDS, **SAME_NEED_TWO_PLACES}
    g = real_engine.group(list(corpus.values()), list(corpus), with_sdgs=False)
    refused = {pid: m.reason.shared_names for pid, m in g.memberships.items() if m.reason.shared_names}
    assert refused, "no member was refused for a shared name"
    for pid, shared in refused.items():
        assert g.memberships[pid].status is MemberStatus.UNGROUPED
        assert shared  # the names, e.g. « saint jacques », « sept deniers »


def test_a_pinned_bouquet_held_by_a_place_is_kept(real_engine: Engine) -> None:
    corpus = {**CORPUS, **SAME_PLACE_OTHER_NEEDS}
    pinned = PinnedBouquet("P", ("tour1", "tour2"), label="Autour de la tour Saint-Jacques")
    g = real_engine.group(
        list(corpus.values()), list(corpus), constraints=Constraints(pinned=(pinned,)), with_sdgs=False
    )
    bouquet = next(b for b in g.bouquets if b.key == "P")
    assert set(bouquet.member_ids) == {"tour1", "tour2"} and bouquet.pinned


# Real titles from the blind readings of seeds 13 and 14 (Paris, Toulouse): groups held by a generic action word
# (« lutter contre », « créer ») or by a kind of place with a different name each time (« la médiathèque X »).
SHARED_GENERIC_WORDS: dict[str, str] = {
    "lutter1": "Un jeu éducatif pour lutter contre le racisme",
    "lutter2": "Lutter contre toutes les pollutions",
    "lutter3": "Lutter contre les inégalités d’accès",
    "lutter4": "Lutter contre le bruit",
    "college1": "Le rêve du collège PMF",
    "college2": "De la danse à l'école des Amandiers et au collège Doisneau",
    "college3": "Amélioration de la cour du Collège Charlemagne",
    "college4": "Des élèves mobilisés pour embellir le collège Paul Valéry",
}
# One need written with generic action words: it stays one bouquet.
SAME_NEED_GENERIC_WORDS: dict[str, str] = {
    "ecoles1": "Rénover les écoles du 17ème",
    "ecoles2": "Embellir et rénover les écoles du 5e",
    "ecoles3": "Rénovons les écoles du 17ème !",
}


def test_a_generic_action_word_or_a_kind_of_place_alone_does_not_make_a_bouquet(real_engine: Engine) -> None:
    corpus = {**CORPUS, **SHARED_GENERIC_WORDS, **SAME_NEED_GENERIC_WORDS}
    g = real_engine.group(list(corpus.values()), list(corpus), with_sdgs=False)
    keys = {pid: m.bouquet_key for pid, m in g.memberships.items()}
    for group in ("lutter", "college"):
        members = [pid for pid in SHARED_GENERIC_WORDS if pid.startswith(group)]
        held = [keys[pid] for pid in members if keys[pid] is not None]
        assert len(set(held)) == len(held), (group, held)  # no two of them in one bouquet
    assert keys["ecoles1"] is not None and keys["ecoles1"] == keys["ecoles2"] == keys["ecoles3"]
    assert keys["velo1"] is not None and keys["velo1"] == keys["velo2"] == keys["velo3"]


def test_without_the_check_generic_words_group_them(real_encoder: object) -> None:
    """The check is what keeps them apart: without it, members of each set meet."""
    engine = Engine(real_encoder, EngineConfig(need_beyond_names=False))  # type: ignore[arg-type]
    corpus = {**CORPUS, **SHARED_GENERIC_WORDS, **SAME_NEED_GENERIC_WORDS}
    g = engine.group(list(corpus.values()), list(corpus), with_sdgs=False)
    keys = [g.memberships[pid].bouquet_key for pid in SHARED_GENERIC_WORDS]
    held = [k for k in keys if k is not None]
    assert len(set(held)) < len(held)
