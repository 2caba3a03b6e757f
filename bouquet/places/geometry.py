"""Plane geometry on a town's scale, on GeoJSON data: which shape holds a point, what is nearest, how far.

Pure: no Django, plain GeoJSON mappings in, plain numbers out. A town spans a few kilometres, so a local
equirectangular projection (metres east and north of a reference point) is exact to well under a metre there;
no map projection library is needed.
"""

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

EARTH_RADIUS_M = 6_371_008.8  # mean radius (IUGG)

type LonLat = tuple[float, float]  # GeoJSON order: longitude, latitude
type Ring = list[LonLat]
type Geometry = Mapping[str, Any]  # a GeoJSON geometry object


@dataclass(frozen=True)
class Bounds:
    """A box in degrees."""

    west: float
    south: float
    east: float
    north: float

    def contains(self, lon: float, lat: float) -> bool:
        """Whether the point lies in the box (edges included)."""
        return self.west <= lon <= self.east and self.south <= lat <= self.north

    def center(self) -> LonLat:
        """The middle of the box."""
        return (self.west + self.east) / 2, (self.south + self.north) / 2

    def grown(self, fraction: float) -> "Bounds":
        """The box made larger by `fraction` of its size on every side."""
        dx, dy = (self.east - self.west) * fraction, (self.north - self.south) * fraction
        return Bounds(self.west - dx, self.south - dy, self.east + dx, self.north + dy)


def _pair(value: Sequence[Any]) -> LonLat:
    return float(value[0]), float(value[1])


def polygons(geometry: Geometry | None) -> list[list[Ring]]:
    """The polygons of a Polygon or MultiPolygon, each as its rings (outer first, then holes); [] otherwise."""
    if not geometry:
        return []
    kind, coordinates = geometry.get("type"), geometry.get("coordinates") or []
    if kind == "Polygon":
        return [[[_pair(c) for c in ring] for ring in coordinates]]
    if kind == "MultiPolygon":
        return [[[_pair(c) for c in ring] for ring in polygon] for polygon in coordinates]
    return []


def lines(geometry: Geometry | None) -> list[Ring]:
    """The lines of a LineString or MultiLineString, and the outlines of a (Multi)Polygon; [] for a Point."""
    if not geometry:
        return []
    kind, coordinates = geometry.get("type"), geometry.get("coordinates") or []
    if kind == "LineString":
        return [[_pair(c) for c in coordinates]]
    if kind == "MultiLineString":
        return [[_pair(c) for c in line] for line in coordinates]
    return [ring for polygon in polygons(geometry) for ring in polygon]


def points(geometry: Geometry | None) -> list[LonLat]:
    """Every coordinate of a geometry, whatever its type."""
    if not geometry:
        return []
    if geometry.get("type") == "Point":
        return [_pair(geometry["coordinates"])]
    return [point for line in lines(geometry) for point in line]


def bounds_of(geometries: Iterable[Geometry | None]) -> Bounds | None:
    """The box around all the geometries; None when they hold no coordinate."""
    every = [point for geometry in geometries for point in points(geometry)]
    if not every:
        return None
    lons, lats = [p[0] for p in every], [p[1] for p in every]
    return Bounds(min(lons), min(lats), max(lons), max(lats))


def _in_ring(lon: float, lat: float, ring: Ring) -> bool:
    # Even-odd rule: count the edges that a ray going east from the point crosses.
    inside = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
        if (y1 > lat) != (y2 > lat) and lon < x1 + (lat - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside


def contains(geometry: Geometry | None, lon: float, lat: float) -> bool:
    """Whether a (Multi)Polygon holds the point (inside an outer ring and in none of its holes)."""
    for polygon in polygons(geometry):
        if polygon and _in_ring(lon, lat, polygon[0]) and not any(_in_ring(lon, lat, h) for h in polygon[1:]):
            return True
    return False


@dataclass(frozen=True)
class LocalPlane:
    """Metres east and north of a reference point: exact enough over a town."""

    lon0: float
    lat0: float

    def to_metres(self, lon: float, lat: float) -> tuple[float, float]:
        """(east, north) in metres from the reference point."""
        k = math.pi / 180 * EARTH_RADIUS_M
        return (lon - self.lon0) * k * math.cos(math.radians(self.lat0)), (lat - self.lat0) * k


def distance_m(a: LonLat, b: LonLat) -> float:
    """The distance between two points in metres (over a town's distances)."""
    plane = LocalPlane(*a)
    return math.hypot(*plane.to_metres(*b))


def distance_to_line_m(point: LonLat, line: Sequence[LonLat]) -> float:
    """The shortest distance in metres from a point to a polyline."""
    if not line:
        return math.inf
    plane = LocalPlane(*point)  # the point is the origin
    projected = [plane.to_metres(*p) for p in line]
    if len(projected) == 1:
        return math.hypot(*projected[0])
    best = math.inf
    for (x1, y1), (x2, y2) in zip(projected, projected[1:], strict=False):
        dx, dy = x2 - x1, y2 - y1
        length2 = dx * dx + dy * dy
        t = 0.0 if length2 == 0 else max(0.0, min(1.0, -(x1 * dx + y1 * dy) / length2))
        best = min(best, math.hypot(x1 + t * dx, y1 + t * dy))
    return best


def distance_to_geometry_m(point: LonLat, geometry: Geometry | None) -> float:
    """The distance in metres from a point to a geometry: 0 inside a polygon, else to its nearest edge or point."""
    if not geometry:
        return math.inf
    if geometry.get("type") == "Point":
        return distance_m(point, _pair(geometry["coordinates"]))
    if contains(geometry, *point):
        return 0.0
    return min((distance_to_line_m(point, line) for line in lines(geometry)), default=math.inf)


@dataclass(frozen=True)
class Nearest[T]:
    item: T
    distance_m: float


def nearest[T](point: LonLat, items: Iterable[tuple[T, Geometry | None]]) -> Nearest[T] | None:
    """The item whose geometry lies nearest to the point; None when there is none."""
    best: Nearest[T] | None = None
    for item, geometry in items:
        distance = distance_to_geometry_m(point, geometry)
        if best is None or distance < best.distance_m:
            best = Nearest(item, distance)
    return best if best is not None and math.isfinite(best.distance_m) else None


def nice_length(metres: float) -> int:
    """The largest round length (1, 2 or 5 times a power of ten) not over `metres`, for a scale bar."""
    if metres < 1:
        return 1
    power = 10 ** math.floor(math.log10(metres))
    return int(max(step * power for step in (1, 2, 5) if step * power <= metres))
