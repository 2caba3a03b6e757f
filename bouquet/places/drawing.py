"""A small map drawn from the authority's own geometry, as shapes ready for an SVG template.

Pure: no Django. The page that shows it (``www/templates/places/_map_svg.html``) only writes the shapes out; the
same drawing serves when JavaScript is off, and needs no tile server.
"""

import math
from collections.abc import Sequence
from dataclasses import dataclass

from bouquet.places.geometry import (
    Bounds,
    Geometry,
    LocalPlane,
    LonLat,
    bounds_of,
    lines,
    nice_length,
    polygons,
)

# Drawn from bottom to top; anything else is left out.
LAYER_ORDER = ("district", "park", "river", "avenue", "street", "square", "landmark", "focus")


@dataclass(frozen=True)
class MapItem:
    """One thing to draw: its kind (a LAYER_ORDER entry), its name and its GeoJSON geometry."""

    kind: str
    name: str
    geometry: Geometry


@dataclass(frozen=True)
class Shape:
    kind: str
    name: str
    path: str  # SVG path data
    dot: tuple[float, float] | None = None  # where a point is drawn, when the geometry is a point


@dataclass(frozen=True)
class Label:
    text: str
    x: float
    y: float
    kind: str


@dataclass(frozen=True)
class ScaleBar:
    x: float
    y: float
    length_px: float
    metres: int

    @property
    def kilometres(self) -> int | None:
        """The length in whole kilometres, when it is one (the bar then reads « 1 km », not « 1000 m »)."""
        return self.metres // 1000 if self.metres >= 1000 and self.metres % 1000 == 0 else None


@dataclass(frozen=True)
class Drawing:
    width: int
    height: int
    shapes: tuple[Shape, ...]
    labels: tuple[Label, ...]
    marker: tuple[float, float] | None
    scale: ScaleBar


@dataclass(frozen=True)
class Frame:
    """Fits a box of the territory into a picture of width x height pixels, keeping distances true."""

    bounds: Bounds
    width: int
    height: int
    margin: int = 12

    @property
    def _plane(self) -> LocalPlane:
        return LocalPlane(*self.bounds.center())

    @property
    def metres_per_px(self) -> float:
        """How many metres one pixel stands for (the same across and down)."""
        west, south = self._plane.to_metres(self.bounds.west, self.bounds.south)
        east, north = self._plane.to_metres(self.bounds.east, self.bounds.north)
        across = max(east - west, 1.0) / max(self.width - 2 * self.margin, 1)
        down = max(north - south, 1.0) / max(self.height - 2 * self.margin, 1)
        return max(across, down)

    def project(self, lon: float, lat: float) -> tuple[float, float]:
        """Pixel position of a point (y grows downwards)."""
        east, north = self._plane.to_metres(lon, lat)
        scale = self.metres_per_px
        return round(self.width / 2 + east / scale, 1), round(self.height / 2 - north / scale, 1)


def _path(frame: Frame, line: Sequence[LonLat], closed: bool) -> str:
    steps = [f"{x:g} {y:g}" for x, y in (frame.project(*p) for p in line)]
    if not steps:
        return ""
    return "M" + " L".join(steps) + (" Z" if closed else "")


def _anchor(frame: Frame, geometry: Geometry) -> tuple[float, float] | None:
    """Where to write a name: the point itself, or the middle of a shape's corners."""
    if geometry.get("type") == "Point":
        return frame.project(*geometry["coordinates"][:2])
    corners = [p for polygon in polygons(geometry) for p in polygon[0][:-1]] or [
        p for line in lines(geometry) for p in line
    ]
    if not corners:
        return None
    xs, ys = zip(*(frame.project(*p) for p in corners), strict=True)
    return round(sum(xs) / len(xs), 1), round(sum(ys) / len(ys), 1)


def _inside(frame: Frame, xy: tuple[float, float]) -> bool:
    return 0 <= xy[0] <= frame.width and 0 <= xy[1] <= frame.height


def draw_map(
    *,
    items: Sequence[MapItem],
    area: Sequence[Geometry],
    point: LonLat | None = None,
    width: int = 480,
    height: int = 320,
) -> Drawing | None:
    """Draw the items that fall in the box around `area` (a district, the territory) with the point marked.

    None when there is nothing to frame."""
    box = bounds_of([*area, *([{"type": "Point", "coordinates": list(point)}] if point else [])])
    if box is None:
        return None
    frame = Frame(box.grown(0.08), width, height)
    shapes: list[Shape] = []
    labels: list[Label] = []
    rank = {kind: i for i, kind in enumerate(LAYER_ORDER)}
    for item in sorted((i for i in items if i.kind in rank), key=lambda i: rank[i.kind]):
        geometry = item.geometry
        if geometry.get("type") == "Point":
            dot = frame.project(*geometry["coordinates"][:2])
            if _inside(frame, dot):
                shapes.append(Shape(item.kind, item.name, "", dot))
        else:
            closed = bool(polygons(geometry))
            path = " ".join(_path(frame, line, closed) for line in lines(geometry))
            shapes.append(Shape(item.kind, item.name, path))
        if item.kind in {"district", "focus", "square", "landmark"} and item.name:
            anchor = _anchor(frame, geometry)
            if anchor is not None and _inside(frame, anchor):
                labels.append(Label(item.name, anchor[0], anchor[1], item.kind))
    # A scale bar about a fifth of the picture wide, on a round number of metres.
    metres = nice_length(frame.metres_per_px * width / 5)
    scale = ScaleBar(
        x=frame.margin,
        y=height - frame.margin,
        length_px=round(metres / frame.metres_per_px, 1),
        metres=metres,
    )
    marker = frame.project(*point) if point else None
    if marker is not None and not math.isfinite(marker[0] + marker[1]):
        marker = None
    return Drawing(width, height, tuple(shapes), tuple(labels), marker, scale)
