"""Coordinates typed by people: a pair or nothing, within bounds, French decimal commas accepted."""

import pytest

from bouquet.core.errors import InvalidInput
from bouquet.places.geo import parse_coordinates


def test_empty_means_no_place():
    assert parse_coordinates("", None) is None


def test_decimal_comma():
    assert parse_coordinates("47,25", "1,5") == (47.25, 1.5)


@pytest.mark.parametrize(
    ("lat", "lon", "field"),
    [
        ("91", "2", "latitude"),
        ("45", "-180.5", "longitude"),
        ("abc", "2", "latitude"),
        ("45", "", "longitude"),
        ("nan", "2", "latitude"),
        ("inf", "2", "latitude"),
    ],
)
def test_invalid_pairs_are_refused_with_the_field(lat, lon, field):
    with pytest.raises(InvalidInput) as error:
        parse_coordinates(lat, lon)
    assert field in error.value.field_errors
