"""The opinion map's geometry, pure: convex hulls of the groups and the frame that fits them (no Django).

The page draws each group as a shaded area (its hull, widened a little), never as the dots of its members:
nobody but the participant themself is shown."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

type Point = tuple[float, float]


def _cross(o: Point, a: Point, b: Point) -> float:
    return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])


def convex_hull(points: Iterable[Point]) -> list[Point]:
    """The convex hull of the points, counter-clockwise, by the monotone chain (1, 2 or 3 points come back as is)."""
    unique = sorted(set(points))
    if len(unique) <= 2:
        return unique
    lower: list[Point] = []
    for p in unique:
        while len(lower) >= 2 and _cross(lower[-2], lower[-1], p) <= 0:
            lower.pop()
        lower.append(p)
    upper: list[Point] = []
    for p in reversed(unique):
        while len(upper) >= 2 and _cross(upper[-2], upper[-1], p) <= 0:
            upper.pop()
        upper.append(p)
    return lower[:-1] + upper[:-1]


@dataclass(frozen=True, slots=True)
class Frame:
    """Maps the map's coordinates onto an SVG square of ``size`` pixels, with a margin."""

    min_x: float
    min_y: float
    max_x: float
    max_y: float
    size: float = 400.0
    margin: float = 30.0

    @classmethod
    def around(cls, points: Sequence[Point], size: float = 400.0) -> "Frame":
        """The frame that holds every point (a unit square around the origin when there is none)."""
        if not points:
            return cls(-1.0, -1.0, 1.0, 1.0, size)
        xs = [p[0] for p in points]
        ys = [p[1] for p in points]
        return cls(min(xs), min(ys), max(xs), max(ys), size)

    def place(self, point: Point) -> Point:
        """The point in SVG pixels (y grows downwards), the same scale on both axes."""
        span = max(self.max_x - self.min_x, self.max_y - self.min_y, 1e-9)
        inner = self.size - 2 * self.margin
        scale = inner / span
        offset_x = (inner - (self.max_x - self.min_x) * scale) / 2
        offset_y = (inner - (self.max_y - self.min_y) * scale) / 2
        x = self.margin + offset_x + (point[0] - self.min_x) * scale
        y = self.size - (self.margin + offset_y + (point[1] - self.min_y) * scale)
        return (round(x, 1), round(y, 1))


def widened(hull: Sequence[Point], by: float) -> list[Point]:
    """The hull pushed away from its centre by ``by`` pixels, so that a group of one or two still shows an area."""
    if not hull:
        return []
    cx = sum(p[0] for p in hull) / len(hull)
    cy = sum(p[1] for p in hull) / len(hull)
    if len(hull) < 3:  # a point or a segment: draw a small octagon around it
        out = []
        for dx, dy in ((1, 0), (0.7, 0.7), (0, 1), (-0.7, 0.7), (-1, 0), (-0.7, -0.7), (0, -1), (0.7, -0.7)):
            base = hull[0] if dx * (hull[-1][0] - cx) + dy * (hull[-1][1] - cy) < 0 else hull[-1]
            out.append((round(base[0] + dx * by, 1), round(base[1] + dy * by, 1)))
        return convex_hull(out)
    result = []
    for x, y in hull:
        dx, dy = x - cx, y - cy
        length = max((dx * dx + dy * dy) ** 0.5, 1e-9)
        result.append((round(x + dx / length * by, 1), round(y + dy / length * by, 1)))
    return result


def svg_points(points: Sequence[Point]) -> str:
    """The ``points`` attribute of an SVG polygon."""
    return " ".join(f"{x:g},{y:g}" for x, y in points)
