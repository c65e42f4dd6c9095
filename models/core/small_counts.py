"""Small counts about people: a count of 1–4 is never shown, only "under 5".

Used wherever figures about cases and families leave the staff's own pages: the citizen
meeting (`models.presentation`) and the committee appendix (`models.reports`).
"""

from __future__ import annotations

SMALL = 5
UNDER = "under 5"


def suppress(count: int) -> int | None:
    """A count as it may leave the server: None when it is 1–4 (shown as 'under 5')."""
    return None if 0 < count < SMALL else count


def shown_count(count: int | None) -> str:
    """A count as citizens may see it: below 5 (but not 0), or suppressed, is 'under 5'."""
    if count is None or suppress(count) is None:
        return UNDER
    return f"{count:,}".replace(",", ".")
