"""What happened between two status reports: per theme, in a table and in Danish sentences."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from models.core.formatting import NO_DATE, count_da, date_long_da, date_table_da, number_da
from models.plan.status import Status
from models.reports.snapshots import StatusReport

NO_STATUS_CHANGE = "Ingen ændringer i status."
RESTORATION_LABELS = {
    "cases": "Sager i genopretning",
    "restored": "Fuldt genoprettet",
    "with_plan": "Med genopretningsplan",
    "families_informed": "Familier orienteret",
    "open_steps": "Åbne sagsskridt",
    "pace_4_weeks": "Tempo pr. uge (4 uger)",
    "projected": "Forventet færdig",
}


@dataclass(frozen=True)
class ActionChangeRow:
    theme_code: str
    code: str
    text: str
    old_status: str | None
    new_status: str
    newly_obs: bool
    newly_overdue: bool
    completed: bool


@dataclass(frozen=True)
class Comparison:
    before: StatusReport
    after: StatusReport
    rows: list[ActionChangeRow]
    restoration: list[tuple[str, str, str]]  # label, before, after (Danish text)
    sentences: dict[str, list[str]]  # theme code -> sentences; "" for the whole plan


def _listed(codes: list[str], verb: str) -> str:
    """'2 handlinger er afsluttet/implementeret (A.1.1, A.1.2)', or '1 ny Obs (A.4.1)'."""
    listed = ", ".join(codes)
    if verb == "obs":
        return f"{count_da(len(codes), 'ny Obs', 'nye Obs')} ({listed})"
    return f"{count_da(len(codes), 'handling', 'handlinger')} {verb} ({listed})"


def restoration_value(value: object) -> str:
    """A restoration figure as a table shows it: `1.023`, `0,25`, `14-02-2027`; `–` for none."""
    if value is None:
        return NO_DATE
    if isinstance(value, bool):
        return "ja" if value else "nej"
    if isinstance(value, int | float):
        return number_da(value)
    try:
        return date_table_da(dt.date.fromisoformat(str(value)))
    except ValueError:
        return str(value)


def compare(before: StatusReport, after: StatusReport) -> Comparison:
    """Status changes (from -> to), new Obs, newly overdue and completed, per theme."""
    old = {action.code: action for action in before.actions}
    rows = []
    for action in after.actions:
        previous = old.get(action.code)
        old_status = previous.status if previous else None
        newly_obs = action.status == Status.attention.value and old_status != action.status
        newly_overdue = action.overdue and not (previous and previous.overdue)
        completed = action.status == Status.done.value and old_status != action.status
        if old_status != action.status or newly_overdue:
            rows.append(
                ActionChangeRow(
                    action.theme_code,
                    action.code,
                    action.text,
                    old_status,
                    action.status,
                    newly_obs,
                    newly_overdue,
                    completed,
                )
            )
    sentences: dict[str, list[str]] = {}
    themes = dict.fromkeys(action.theme_code for action in after.actions)
    for theme in themes:
        theme_rows = [row for row in rows if row.theme_code == theme]
        said = []
        started = [
            row.code
            for row in theme_rows
            if row.old_status == Status.upcoming.value
            and row.new_status == Status.in_progress.value
        ]
        groups = (
            ([row.code for row in theme_rows if row.completed], "er afsluttet/implementeret"),
            ([row.code for row in theme_rows if row.newly_obs], "obs"),
            (started, "er sat i gang"),
            ([row.code for row in theme_rows if row.newly_overdue], "er blevet overskredet"),
        )
        said += [_listed(codes, verb) for codes, verb in groups if codes]
        other = [
            row
            for row in theme_rows
            if row.old_status != row.new_status
            and not row.completed
            and not row.newly_obs
            and row.code not in started
        ]
        said += [
            f"{row.code} er gået fra {row.old_status or 'ny'} til {row.new_status}" for row in other
        ]
        sentences[theme] = said or [NO_STATUS_CHANGE]
    total_changed = sum(1 for row in rows if row.old_status != row.new_status)
    sentences[""] = [
        f"Siden «{before.name}» ({date_long_da(before.taken_on)}) har "
        f"{count_da(total_changed, 'handling', 'handlinger')} skiftet status."
    ]
    restoration = [
        (
            label,
            restoration_value(before.restoration.get(key)),
            restoration_value(after.restoration.get(key)),
        )
        for key, label in RESTORATION_LABELS.items()
        if key in before.restoration or key in after.restoration
    ]
    return Comparison(before, after, rows, restoration, sentences)
