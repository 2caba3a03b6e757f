"""Colour contrast as WCAG 2.1 defines it (pure: no Django)."""

import re
from typing import Final

HEX_COLOUR: Final = re.compile(r"^#[0-9a-fA-F]{6}$")
WHITE: Final = "#ffffff"
MIN_TEXT_CONTRAST: Final = 4.5  # WCAG 2.1 AA, normal text


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4


def relative_luminance(colour: str) -> float:
    """The relative luminance of a ``#rrggbb`` colour, from 0 (black) to 1 (white)."""
    if not HEX_COLOUR.match(colour):
        raise ValueError(f"not a #rrggbb colour: {colour!r}")
    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * _channel(red) + 0.7152 * _channel(green) + 0.0722 * _channel(blue)


def contrast_ratio(first: str, second: str) -> float:
    """The contrast ratio of two ``#rrggbb`` colours, from 1 (same) to 21 (black on white)."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)
