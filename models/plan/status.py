"""The four action statuses, exactly as the municipality reports them, and their colours."""

from __future__ import annotations

import enum


class Status(enum.StrEnum):
    """Status of an action; the value is the Danish label stored in the database."""

    upcoming = "Kommende opgave"
    in_progress = "I gang"
    attention = "Obs"
    done = "Afsluttet/implementeret"


STATUS_ORDER: tuple[Status, ...] = (
    Status.upcoming,
    Status.in_progress,
    Status.attention,
    Status.done,
)

# Okabe–Ito colours (colour-blind safe) and a neutral grey; the status text is always shown
# beside the colour. Every one stands out from white by at least 3:1 (WCAG 1.4.11), so a bar
# or a badge is visible as such: hence vermillion, not Okabe–Ito's lighter orange (2.2:1), for
# Obs, and a mid grey, not a light one (1.9:1), for Kommende opgave.
STATUS_COLORS: dict[Status, str] = {
    Status.upcoming: "#8C8C8C",
    Status.in_progress: "#0072B2",
    Status.attention: "#D55E00",
    Status.done: "#009E73",
}

# Text colour on each status colour: at least 4.5:1 against it (WCAG 1.4.3).
STATUS_TEXT_COLORS: dict[Status, str] = {
    Status.upcoming: "#000000",
    Status.in_progress: "#FFFFFF",
    Status.attention: "#000000",
    Status.done: "#000000",
}

# A symbol per status, so the status reads without colour too.
STATUS_SYMBOLS: dict[Status, str] = {
    Status.upcoming: "○",
    Status.in_progress: "◐",
    Status.attention: "!",
    Status.done: "✓",
}


def parse_status(value: str) -> Status:
    """Return the status for an exact Danish label; raise ValueError with a Danish message."""
    try:
        return Status(value.strip())
    except ValueError:
        allowed = ", ".join(f"'{s.value}'" for s in STATUS_ORDER)
        raise ValueError(f"Ukendt status '{value}'. Tilladte værdier: {allowed}.") from None
