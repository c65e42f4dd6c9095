"""How wide a text is in Arial, so the slides can be laid out before PowerPoint draws them.

The advance widths (1/1000 em) of Arial's printable ASCII and the Danish letters, as Liberation
Sans (metric-compatible with Arial, which the PowerPoint names) has them; any other character
counts as 0.6 em. `text_width` adds a small margin, since it decides what fits.
"""

from __future__ import annotations

CHARACTERS = "".join(map(chr, range(32, 127))) + "æøåÆØÅéüö–·»«…"
_REGULAR_TEXT = """
    278 278 355 556 556 889 667 191 333 333 389 584 278 333 278 278 556 556 556 556 556 556
    556 556 556 556 278 278 584 584 584 556 1015 667 667 722 722 667 611 778 722 278 500 667
    556 833 722 778 667 778 722 667 611 722 667 944 667 667 611 278 278 278 469 556 333 556
    556 500 556 556 278 556 556 222 222 500 222 833 556 556 556 556 333 500 278 556 500 722
    500 500 500 334 260 334 584 889 611 556 1000 778 667 556 556 556 556 278 556 556 1000
"""
REGULAR = tuple(int(width) for width in _REGULAR_TEXT.split())
_BOLD_TEXT = """
    278 333 474 556 556 889 722 238 333 333 389 584 278 333 278 278 556 556 556 556 556 556
    556 556 556 556 333 333 584 584 584 611 975 722 722 722 722 667 611 778 722 278 556 722
    611 833 722 778 667 778 722 667 611 722 667 944 667 667 611 333 278 333 584 556 333 556
    611 556 611 556 333 611 611 278 278 556 278 889 611 611 611 611 389 556 333 611 556 778
    556 556 500 389 280 389 584 889 611 556 1000 778 722 556 611 611 556 278 556 556 1000
"""
BOLD = tuple(int(width) for width in _BOLD_TEXT.split())
UNKNOWN = 600
MARGIN = 1.03

_WIDTHS = {
    False: dict(zip(CHARACTERS, REGULAR, strict=True)),
    True: dict(zip(CHARACTERS, BOLD, strict=True)),
}


def text_width(text: str, size: float, *, bold: bool = True) -> float:
    """`text`'s width at `size` (in the units of `size`: points, or pixels), a little generous."""
    widths = _WIDTHS[bold]
    return sum(widths.get(char, UNKNOWN) for char in text) / 1000 * size * MARGIN
