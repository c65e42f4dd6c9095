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

# Okabe–Ito colours (colour-blind safe); the status text is always shown beside the colour.
STATUS_COLORS: dict[Status, str] = {
    Status.upcoming: "#BBBBBB",
    Status.in_progress: "#0072B2",
    Status.attention: "#E69F00",
    Status.done: "#009E73",
}

# Text colour on each status colour, chosen for WCAG contrast.
STATUS_TEXT_COLORS: dict[Status, str] = {
    Status.upcoming: "#1A1A1A",
    Status.in_progress: "#FFFFFF",
    Status.attention: "#1A1A1A",
    Status.done: "#1A1A1A",
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
