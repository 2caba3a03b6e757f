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

# Drawn from bottom to top; anything else is left out. The focused district is filled with the others and its
# outline drawn again on top of the streets ("outline").
LAYER_ORDER = ("district", "focus", "park", "river", "avenue", "street", "square", "landmark")
# Which names are written first when they would overlap (the others are left out).
LABEL_PRIORITY = ("focus", "square", "district", "landmark")
LABEL_CHAR_PX = 6.2  # the width of a character at the labels' size, roughly
LABEL_HEIGHT_PX = 13


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


def _box(label: Label) -> tuple[float, float, float, float]:
    half = len(label.text) * LABEL_CHAR_PX / 2
    return label.x - half, label.y - LABEL_HEIGHT_PX + 2, label.x + half, label.y + 3


def _overlap(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _placed(candidates: Sequence[Label], marker: tuple[float, float] | None) -> tuple[Label, ...]:
    """The labels that fit: by priority, each kept only if it covers no label kept before nor the marker."""
    taken: list[tuple[float, float, float, float]] = []
    if marker is not None:
        taken.append((marker[0] - 11, marker[1] - 11, marker[0] + 11, marker[1] + 11))
    kept: list[Label] = []
    priority = {kind: i for i, kind in enumerate(LABEL_PRIORITY)}
    for label in sorted(candidates, key=lambda c: priority[c.kind]):
        # Where it should be, else just above or below, else beside.
        half = len(label.text) * LABEL_CHAR_PX / 2 + 12
        for dx, dy in ((0, 0), (0, -16), (0, 18), (half, 0), (-half, 0)):
            moved = Label(label.text, round(label.x + dx, 1), round(label.y + dy, 1), label.kind)
            box = _box(moved)
            if not any(_overlap(box, other) for other in taken):
                taken.append(box)
                kept.append(moved)
                break
    return tuple(kept)


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
    rank = {kind: i for i, kind in enumerate(LAYER_ORDER)}
    candidates: list[Label] = []
    outlines: list[Shape] = []
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
            if item.kind == "focus":
                outlines.append(Shape("outline", item.name, path))
        if item.kind in LABEL_PRIORITY and item.name:
            anchor = _anchor(frame, geometry)
            if anchor is not None and _inside(frame, anchor):
                # A point's name goes just above it; a shape's name on its middle.
                y = anchor[1] - 7 if geometry.get("type") == "Point" else anchor[1] + 4
                candidates.append(Label(item.name, anchor[0], round(y, 1), item.kind))
    shapes += outlines
    marker = frame.project(*point) if point else None
    if marker is not None and not math.isfinite(marker[0] + marker[1]):
        marker = None
    labels = _placed(candidates, marker)
    # A scale bar about a fifth of the picture wide, on a round number of metres.
    metres = nice_length(frame.metres_per_px * width / 5)
    scale = ScaleBar(
        x=frame.margin,
        y=height - frame.margin,
        length_px=round(metres / frame.metres_per_px, 1),
        metres=metres,
    )
    return Drawing(width, height, tuple(shapes), tuple(labels), marker, scale)
