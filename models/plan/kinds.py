"""What kind of work an action is: a task with a deadline, recurring work, or ongoing work.

- `deadline` (*Frist*): done once, by its deadline; overdue when the deadline has passed and it
  is not *Afsluttet/implementeret*.
- `recurring` (*Tilbagevendende*): done again and again at a rhythm (every 6 weeks, monthly,
  yearly, …). It is never overdue; it is *ikke bekræftet* when nobody has updated it within
  its rhythm.
- `ongoing` (*Løbende*): a standing practice or a description of work done under other tracks;
  it has no deadline and is never overdue.

`data/plan.yaml` sets the kind where the plan's own words say so (each with a comment quoting
them); editors may change it (audited like a status). A rhythm is written as an ISO 8601
period of weeks, months or years: `P6W`, `P1M`, `P3M`, `P1Y`.
"""

from __future__ import annotations

import calendar
import datetime as dt
import enum
import re


class ActionKind(enum.StrEnum):
    deadline = "deadline"
    recurring = "recurring"
    ongoing = "ongoing"


KIND_LABELS: dict[ActionKind, str] = {
    ActionKind.deadline: "Frist",
    ActionKind.recurring: "Tilbagevendende",
    ActionKind.ongoing: "Løbende",
}

# The rhythms editors can choose, in order, with their Danish wording.
RHYTHM_LABELS: dict[str, str] = {
    "P1W": "hver uge",
    "P2W": "hver 2. uge",
    "P6W": "hver 6. uge",
    "P1M": "hver måned",
    "P3M": "hvert kvartal",
    "P6M": "hvert halve år",
    "P1Y": "hvert år",
}
_RHYTHM = re.compile(r"^P(?P<count>[1-9]\d?)(?P<unit>[WMY])$")


def parse_kind(text: str) -> ActionKind:
    """The kind from its code or its Danish label; ValueError with a Danish reason."""
    cleaned = text.strip()
    for kind, label in KIND_LABELS.items():
        if cleaned in (kind.value, label):
            return kind
    choices = ", ".join(KIND_LABELS.values())
    raise ValueError(f"Ukendt type '{cleaned}'. Vælg en af: {choices}.")


def parse_rhythm(text: str | None) -> str | None:
    """A rhythm code (`P6W`) from its code or its Danish wording; None for no rhythm."""
    cleaned = (text or "").strip()
    if not cleaned:
        return None
    for code, label in RHYTHM_LABELS.items():
        if cleaned in (code, label):
            return code
    if _RHYTHM.match(cleaned):
        return cleaned
    raise ValueError(f"Ukendt rytme '{cleaned}'. Vælg en af: {', '.join(RHYTHM_LABELS.values())}.")


def rhythm_label(rhythm: str | None) -> str:
    """`hver 6. uge`; a code without a fixed wording is spelled out (`hver 5. uge`)."""
    if not rhythm:
        return ""
    if rhythm in RHYTHM_LABELS:
        return RHYTHM_LABELS[rhythm]
    match = _RHYTHM.match(rhythm)
    if match is None:
        return rhythm
    count, unit = int(match["count"]), match["unit"]
    noun = {"W": "uge", "M": "måned", "Y": "år"}[unit]
    return f"hver {count}. {noun}" if count > 1 else f"hver {noun}"


def _add_months(day: dt.date, months: int) -> dt.date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return day.replace(
        year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1])
    )


def next_due(last: dt.date, rhythm: str) -> dt.date:
    """The day one rhythm after `last` (calendar months and years; 31 Jan + 1 month = 28 Feb)."""
    match = _RHYTHM.match(rhythm)
    if match is None:
        raise ValueError(f"Ukendt rytme '{rhythm}'.")
    count, unit = int(match["count"]), match["unit"]
    if unit == "W":
        return last + dt.timedelta(weeks=count)
    return _add_months(last, count * (12 if unit == "Y" else 1))
