"""How a deadline is spoken of at today's date: ahead or passed, by how much, and what remains.

Every place that names a deadline (the overview header, the restoration page, the slides, the
committee appendix, the PowerPoint) words it through this module, so that none of them can
speak of a passed deadline in the present tense. "Today" is always a parameter.

- `distance(deadline, today)`: "om 3 uger", "i dag", "for 5 måneder siden" (days below two
  weeks, weeks below ten weeks, else whole calendar months).
- `deadline_phrase(deadline, today)`: "30. juni 2026 – passeret for 4 måneder siden".
- `DeadlineTarget` and `target_sentence(...)`: a deadline that a decision may have moved,
  with the original kept beside the current one and what remains at the end.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from models.core.formatting import count_da, date_long_da

DAYS_UP_TO = 13
WEEKS_UP_TO = 9


def _months_between(earlier: dt.date, later: dt.date) -> int:
    """Whole calendar months from `earlier` to `later` (30 Jun → 30 Nov is 5; → 29 Nov is 4)."""
    months = (later.year - earlier.year) * 12 + later.month - earlier.month
    return months - (later.day < earlier.day)


def _span(earlier: dt.date, later: dt.date) -> str:
    days = (later - earlier).days
    if days <= DAYS_UP_TO:
        return count_da(days, "dag", "dage")
    if days // 7 <= WEEKS_UP_TO:
        return count_da(days // 7, "uge", "uger")
    return count_da(_months_between(earlier, later), "måned", "måneder")


def distance(deadline: dt.date, today: dt.date) -> str:
    """How far the deadline is from today, in words."""
    if deadline == today:
        return "i dag"
    if deadline > today:
        return f"om {_span(today, deadline)}"
    return f"for {_span(deadline, today)} siden"


def has_passed(deadline: dt.date, today: dt.date) -> bool:
    """A deadline has passed once its day is over."""
    return deadline < today


def deadline_phrase(deadline: dt.date, today: dt.date) -> str:
    """`30. juni 2026 – om 4 måneder`, `30. juni 2026 – i dag`,
    `30. juni 2026 – passeret for 4 måneder siden`."""
    when = distance(deadline, today)
    if has_passed(deadline, today):
        when = f"passeret {when}"
    return f"{date_long_da(deadline)} – {when}"


@dataclass(frozen=True)
class DeadlineTarget:
    """A deadline as first set, and as a later decision may have moved it."""

    original: dt.date
    current: dt.date
    decided_on: dt.date | None = None
    decided_by: str = ""
    reference: str = ""

    @property
    def moved(self) -> bool:
        return self.current != self.original


def target_sentence(
    label: str, target: DeadlineTarget, today: dt.date, remaining: str | None = None
) -> str:
    """One sentence for a deadline at today's date, e.g.

    `Frist for genopretning: 30. juni 2026 – passeret for 4 måneder siden. 6 sagsskridt
    mangler.` or, after a decision, `Oprindelig frist 30. juni 2026 (passeret) · ny frist
    31. december 2026 – om 1 måned, besluttet af Børn & Læringsudvalget 24. november 2026.`
    `remaining` is what is left to do, a whole clause ("6 sagsskridt mangler").
    """
    if not target.moved:
        sentence = f"{label}: {deadline_phrase(target.current, today)}."
    else:
        original = (
            "passeret" if has_passed(target.original, today) else distance(target.original, today)
        )
        decided = ""
        if target.decided_by or target.decided_on:
            by = f" af {target.decided_by}" if target.decided_by else ""
            on = f" {date_long_da(target.decided_on)}" if target.decided_on else ""
            decided = f", besluttet{by}{on}"
        sentence = (
            f"Oprindelig frist {date_long_da(target.original)} ({original}) · "
            f"ny frist {deadline_phrase(target.current, today)}{decided}."
        )
    if remaining:
        sentence += f" {remaining[0].upper()}{remaining[1:]}."
    return sentence
