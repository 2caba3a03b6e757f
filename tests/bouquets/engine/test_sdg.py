"""SDG suggestions from hand-written French goal descriptions."""

from bouquet.bouquets.engine import SDGS, Engine


def test_seventeen_goals_with_french_names() -> None:
    """All 17 goals are described."""
    assert [g.number for g in SDGS] == list(range(1, 18))
    assert all(len(g.description) > 100 for g in SDGS)


def test_bike_lane_suggests_sustainable_cities(real_engine: Engine) -> None:
    """A bike-lane proposal is about goal 11."""
    top = real_engine.suggest_sdgs("Créer une piste cyclable sécurisée entre le lycée et la gare")
    assert top and top[0].number == 11 and 1 <= len(top) <= 3


def test_typical_proposals_get_their_goal(real_engine: Engine) -> None:
    """Solar roofs, compost and a food bank land on the expected goals (within the top 3)."""
    cases = {
        "Installer des panneaux solaires sur le toit du gymnase": 7,
        "Des composteurs collectifs et une recyclerie pour réduire les déchets": 12,
        "Une épicerie solidaire pour les familles en précarité": 1,
        "Des nichoirs à oiseaux et des hôtels à insectes dans le parc": 15,
    }
    results = real_engine.suggest_sdgs(list(cases))
    for (text, goal), sugg in zip(cases.items(), results, strict=True):
        assert goal in [s.number for s in sugg], text
