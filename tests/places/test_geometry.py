"""Pure map geometry and drawing: no database, plain GeoJSON in, numbers and shapes out."""

import math

import pytest

from bouquet.places.drawing import Frame, MapItem, draw_map
from bouquet.places.geometry import (
    Bounds,
    LocalPlane,
    bounds_of,
    contains,
    distance_m,
    distance_to_line_m,
    nearest,
    nice_length,
)

# A 1 km by 1 km square district (near Val-de-Loirette's latitude) with a 200 m square hole (a park kept apart).
LAT, LON = 46.91, 1.34
DLAT, DLON = 1000 / 111_195, 1000 / (111_195 * math.cos(math.radians(LAT)))
SQUARE = {
    "type": "Polygon",
    "coordinates": [
        [[LON, LAT], [LON + DLON, LAT], [LON + DLON, LAT + DLAT], [LON, LAT + DLAT], [LON, LAT]],
        [
            [LON + 0.4 * DLON, LAT + 0.4 * DLAT],
            [LON + 0.6 * DLON, LAT + 0.4 * DLAT],
            [LON + 0.6 * DLON, LAT + 0.6 * DLAT],
            [LON + 0.4 * DLON, LAT + 0.6 * DLAT],
            [LON + 0.4 * DLON, LAT + 0.4 * DLAT],
        ],
    ],
}


@pytest.mark.parametrize(
    ("fraction_east", "fraction_north", "inside"),
    [
        (0.1, 0.1, True),
        (0.9, 0.5, True),
        (0.5, 0.5, False),  # in the hole
        (1.1, 0.5, False),
        (0.5, -0.01, False),
    ],
)
def test_point_in_polygon_with_a_hole(fraction_east, fraction_north, inside):
    assert contains(SQUARE, LON + fraction_east * DLON, LAT + fraction_north * DLAT) is inside


def test_point_in_multipolygon_and_other_geometries():
    far = [[[c[0] + 1, c[1]] for c in SQUARE["coordinates"][0]]]
    multi = {"type": "MultiPolygon", "coordinates": [far, SQUARE["coordinates"]]}
    assert contains(multi, LON + 0.1 * DLON, LAT + 0.1 * DLAT)
    assert contains(multi, LON + 1 + 0.1 * DLON, LAT + 0.1 * DLAT)
    assert not contains(multi, LON + 1.1 * DLON, LAT + 0.1 * DLAT)
    assert not contains({"type": "LineString", "coordinates": [[LON, LAT], [LON + DLON, LAT]]}, LON, LAT)
    assert not contains(None, LON, LAT)


def test_distances_in_metres_on_a_town_scale():
    assert distance_m((LON, LAT), (LON + DLON, LAT)) == pytest.approx(1000, rel=1e-3)
    assert distance_m((LON, LAT), (LON, LAT + DLAT)) == pytest.approx(1000, rel=1e-3)
    line = [(LON, LAT), (LON + DLON, LAT)]
    # Beside the middle of the segment: the perpendicular; beyond its end: the distance to the end.
    assert distance_to_line_m((LON + 0.5 * DLON, LAT + 0.1 * DLAT), line) == pytest.approx(100, rel=1e-3)
    assert distance_to_line_m((LON + 1.3 * DLON, LAT + 0.4 * DLAT), line) == pytest.approx(500, rel=1e-3)
    east, north = LocalPlane(LON, LAT).to_metres(LON + DLON, LAT + DLAT)
    assert (east, north) == (pytest.approx(1000, rel=1e-3), pytest.approx(1000, rel=1e-3))


def test_nearest_street_place_or_landmark():
    street = {"type": "LineString", "coordinates": [[LON, LAT], [LON + DLON, LAT]]}
    square = {"type": "Polygon", "coordinates": SQUARE["coordinates"][1:]}  # the hole as a square
    landmark = {"type": "Point", "coordinates": [LON + DLON, LAT + DLAT]}
    items = [("rue", street), ("place", square), ("église", landmark), ("sans forme", None)]
    assert nearest((LON + 0.5 * DLON, LAT + 0.05 * DLAT), items).item == "rue"
    found = nearest((LON + 0.5 * DLON, LAT + 0.5 * DLAT), items)
    assert found.item == "place" and found.distance_m == 0  # inside the square
    found = nearest((LON + 0.95 * DLON, LAT + 0.97 * DLAT), items)
    assert found.item == "église" and found.distance_m == pytest.approx(58, abs=2)
    assert nearest((LON, LAT), []) is None


def test_bounds_and_scale_lengths():
    box = bounds_of([SQUARE, {"type": "Point", "coordinates": [LON - 1, LAT]}, None])
    assert box == Bounds(LON - 1, LAT, LON + DLON, LAT + DLAT)
    assert box.contains(LON - 0.5, LAT + DLAT / 2) and not box.contains(LON, LAT - 0.1)
    assert bounds_of([None, {}]) is None
    assert [nice_length(m) for m in (0.3, 7, 140, 260, 999, 1000, 4999)] == [1, 5, 100, 200, 500, 1000, 2000]


def test_projection_keeps_north_up_and_distances_true():
    frame = Frame(Bounds(LON, LAT, LON + DLON, LAT + DLAT), width=400, height=200, margin=0)
    # A square kilometre fits the picture's height: 200 px for 1000 m, the same scale across.
    assert frame.metres_per_px == pytest.approx(5, rel=1e-3)
    west_x, south_y = frame.project(LON, LAT)
    east_x, north_y = frame.project(LON + DLON, LAT + DLAT)
    assert north_y < south_y  # north is up
    assert east_x - west_x == pytest.approx(200, abs=0.5)
    assert south_y - north_y == pytest.approx(200, abs=0.5)
    assert frame.project(*Bounds(LON, LAT, LON + DLON, LAT + DLAT).center()) == (200, 100)


def test_drawing_of_a_district_with_its_streets_and_the_point():
    street = {
        "type": "LineString",
        "coordinates": [[LON - DLON, LAT + 0.5 * DLAT], [LON + 2 * DLON, LAT + 0.5 * DLAT]],
    }
    items = [
        MapItem("street", "rue du Four", street),
        MapItem("focus", "Centre", SQUARE),
        MapItem("landmark", "église", {"type": "Point", "coordinates": [LON + 0.2 * DLON, LAT + 0.8 * DLAT]}),
        MapItem(
            "landmark", "ailleurs", {"type": "Point", "coordinates": [LON + 5 * DLON, LAT]}
        ),  # off the map
        MapItem("unknown", "ignoré", street),
    ]
    point = (LON + 0.25 * DLON, LAT + 0.25 * DLAT)
    drawing = draw_map(items=items, area=[SQUARE], point=point, width=300, height=300)
    kinds = [shape.kind for shape in drawing.shapes]
    # The district's fill under the street, its outline on top; nothing unknown, nothing off the picture.
    assert kinds == ["focus", "street", "landmark", "outline"]
    assert drawing.shapes[1].path.startswith("M") and " L" in drawing.shapes[1].path
    assert drawing.shapes[0].path.endswith("Z")
    x, y = drawing.marker
    assert 0 < x < 150 and 150 < y < 300  # south-west quarter
    assert {label.text for label in drawing.labels} == {"Centre", "église"}
    # The scale bar reads a round length and is drawn to scale (the square and 8 % around it, 12 px margins).
    frame_mpp = drawing.scale.metres / drawing.scale.length_px
    assert drawing.scale.metres in {100, 200, 500} and frame_mpp == pytest.approx(1160 / (300 - 24), rel=0.02)


def test_labels_never_overlap_each_other_nor_the_point():
    crowded = [
        MapItem(
            "landmark",
            f"lieu numéro {i}",
            {"type": "Point", "coordinates": [LON + 0.5 * DLON, LAT + 0.5 * DLAT]},
        )
        for i in range(6)
    ]
    drawing = draw_map(items=[MapItem("focus", "Centre", SQUARE), *crowded], area=[SQUARE], point=(LON, LAT))
    boxes = [
        (lb.x - len(lb.text) * 3.1, lb.y - 11, lb.x + len(lb.text) * 3.1, lb.y + 3) for lb in drawing.labels
    ]
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            assert not (a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3])
    assert drawing.labels[0].text == "Centre"  # the district's name comes first
    assert len(drawing.labels) < 7


def test_nothing_to_draw():
    assert draw_map(items=[], area=[], point=None) is None
