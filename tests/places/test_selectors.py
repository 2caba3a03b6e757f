"""Where a point is: inside the territory or not, in which district, near which street, in words."""

import pytest

from bouquet.core.errors import InvalidInput
from bouquet.places.models import Article, FeatureKind
from bouquet.places.selectors import (
    district_at,
    district_drawing,
    place_in_words,
    place_refusal,
    search_places,
    territory_bounds,
    territory_geojson,
)
from bouquet.places.services import add_map_feature, set_district_boundary
from tests.factories import DistrictFactory, MapFeatureFactory, square_area

pytestmark = pytest.mark.django_db

MARKET = {
    "type": "Polygon",
    "coordinates": [[[1.0, 47.0], [1.001, 47.0], [1.001, 47.001], [1.0, 47.001], [1.0, 47.0]]],
}


def test_a_territory_without_districts_accepts_every_point():
    assert territory_bounds() is None
    assert place_refusal(latitude=48.85, longitude=2.35) is None


def test_districts_with_boundaries_make_the_territory():
    west = DistrictFactory(name="Ouest", boundary=square_area(0.98, 46.98, 1.0, 47.03))
    DistrictFactory(name="Est", boundary=square_area(1.0, 46.98, 1.04, 47.03))
    DistrictFactory(name="Sans contour", boundary=None)
    assert place_refusal(latitude=47.0, longitude=0.99) is None
    assert district_at(latitude=47.0, longitude=0.99) == west
    # In the box around the districts but in neither: refused, like a point 30 km away.
    refusal = place_refusal(latitude=47.0, longitude=1.3)
    assert refusal and "en dehors du territoire" in refusal
    assert place_refusal(latitude=46.9, longitude=1.0)
    box = territory_bounds()
    assert (box.west, box.south, box.east, box.north) == (0.98, 46.98, 1.04, 47.03)


def test_districts_with_only_a_centre_make_a_box_with_a_margin():
    DistrictFactory(latitude=47.0, longitude=1.0)
    assert place_refusal(latitude=47.02, longitude=1.0) is None  # 2.2 km north
    assert place_refusal(latitude=47.0, longitude=1.4)  # 30 km east


def test_place_in_words_names_the_nearest_street_and_the_district():
    DistrictFactory(name="Centre", outlined=True)
    add_map_feature(kind=FeatureKind.SQUARE, name="place du Marché", article=Article.LA, shape=MARKET)
    MapFeatureFactory(name="quai des Tanneurs", article=Article.LE)  # a line along latitude 47.0
    assert (
        place_in_words(latitude=47.0005, longitude=1.0005).text
        == "Près de la place du Marché, quartier Centre"
    )
    assert (
        place_in_words(latitude=46.9995, longitude=1.008).text == "Près du quai des Tanneurs, quartier Centre"
    )
    # Nothing named within 250 m: the district only.
    assert place_in_words(latitude=47.02, longitude=1.03).text == "Quartier Centre"
    assert place_in_words(latitude=45.0, longitude=3.0).text == "Sur le territoire de la collectivité"


@pytest.mark.parametrize(
    ("article", "name", "expected"),
    [
        (Article.LA, "médiathèque", "Près de la médiathèque"),
        (Article.LE, "lavoir", "Près du lavoir"),
        (Article.ELIDED, "église Saint-Martin", "Près de l'église Saint-Martin"),
        (Article.LES, "halles", "Près des halles"),
        (Article.NONE, "Grand-Rue", "Près de Grand-Rue"),
    ],
)
def test_french_articles(article, name, expected):
    add_map_feature(
        kind=FeatureKind.LANDMARK, name=name, article=article, shape={"type": "Point", "coordinates": [1, 47]}
    )
    assert place_in_words(latitude=47.0001, longitude=1.0).text == expected


def test_boundaries_and_features_are_checked_when_written():
    district = DistrictFactory(latitude=None, longitude=None)
    with pytest.raises(InvalidInput) as refused:
        set_district_boundary(
            district=district, boundary={"type": "Polygon", "coordinates": [[[1, 47], [2, 47], [1, 48]]]}
        )
    assert "boundary" in refused.value.field_errors
    set_district_boundary(district=district, boundary=square_area(1.0, 47.0, 1.02, 47.02))
    district.refresh_from_db()
    assert (district.latitude, district.longitude) == (pytest.approx(47.01), pytest.approx(1.01))
    with pytest.raises(InvalidInput):
        add_map_feature(kind=FeatureKind.STREET, name="rue", shape={"type": "Circle", "coordinates": [1, 47]})


def test_search_in_the_territorys_own_names_ignores_accents_and_case():
    DistrictFactory(name="Les Grands Champs", outlined=True)
    add_map_feature(kind=FeatureKind.SQUARE, name="place du Marché", article=Article.LA, shape=MARKET)
    assert [(p.label, p.context) for p in search_places(query="MARCHE place")] == [
        ("place du Marché", "Les Grands Champs")
    ]
    found = search_places(query="grands champs")
    assert [p.label for p in found] == ["Les Grands Champs"]
    assert found[0].latitude == pytest.approx(47.005) and found[0].longitude == pytest.approx(1.01)
    assert search_places(query="  ") == []


def test_territory_layers_and_district_drawing():
    district = DistrictFactory(name="Centre", outlined=True)
    DistrictFactory(name="Voisin", boundary=square_area(1.04, 46.98, 1.08, 47.03))
    MapFeatureFactory(name="rue du Four")
    data = territory_geojson()
    assert [(f["properties"]["kind"], f["properties"]["name"]) for f in data["features"]] == [
        ("district", "Centre"),
        ("district", "Voisin"),
        ("street", "rue du Four"),
    ]
    drawing = district_drawing(
        district=None, latitude=47.0, longitude=1.0
    )  # the district found from the point
    assert [s.kind for s in drawing.shapes].count("outline") == 1
    assert drawing.marker is not None
    assert {label.text for label in drawing.labels} >= {"Centre"}
    assert district_drawing(district=district) is not None
