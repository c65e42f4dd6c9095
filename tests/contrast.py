"""WCAG 2.1 contrast ratio of two sRGB colours (relative luminance, as WCAG defines it)."""

from __future__ import annotations

WHITE = "#FFFFFF"
TEXT_MIN = 4.5  # WCAG 1.4.3, normal text
GRAPHICS_MIN = 3.0  # WCAG 1.4.11, chart marks and other graphical objects


def relative_luminance(colour: str) -> float:
    hex_digits = colour.lstrip("#")
    assert len(hex_digits) == 6, colour
    channels = [int(hex_digits[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(first: str, second: str) -> float:
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)
