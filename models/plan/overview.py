"""The steering group's weekly overview: headline counts, what needs attention, what changed."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from models.core.formatting import count_da, number_da
from models.plan.change_log import ChangeRow
from models.plan.kinds import rhythm_label
from models.plan.queries import ActionView, ThemeView
from models.plan.status import STATUS_ORDER, Status

ATTENTION_HORIZON = dt.timedelta(weeks=6)


@dataclass(frozen=True)
class StatusSummary:
    total: int
    counts: dict[Status, int]
    overdue: int

    @property
    def done_share(self) -> float:
        return self.counts[Status.done] / self.total if self.total else 0.0


def status_summary(actions: list[ActionView], today: dt.date) -> StatusSummary:
    counts = Counter(action.status for action in actions)
    return StatusSummary(
        total=len(actions),
        counts={status: counts.get(status, 0) for status in STATUS_ORDER},
        overdue=sum(action.is_overdue(today) for action in actions),
    )


@dataclass(frozen=True)
class AttentionRow:
    theme_code: str
    track_code: str
    action: ActionView
    reasons: tuple[str, ...]


def needs_attention(themes: list[ThemeView], today: dt.date) -> list[AttentionRow]:
    """Overdue actions, Obs actions, actions due within 6 weeks and recurring work nobody has
    updated within its rhythm; soonest deadline first."""
    rows = []
    for theme in themes:
        for track in theme.tracks:
            for action in track.actions:
                reasons = []
                if action.is_overdue(today):
                    reasons.append("Overskredet")
                if action.status == Status.attention:
                    reasons.append("Obs")
                deadline = action.deadline
                if (
                    action.status != Status.done
                    and deadline is not None
                    and today <= deadline <= today + ATTENTION_HORIZON
                ):
                    reasons.append("Frist inden for 6 uger")
                if action.is_unconfirmed(today):
                    reasons.append(f"Ikke bekræftet ({rhythm_label(action.rhythm)})")
                if reasons:
                    rows.append(AttentionRow(theme.code, track.code, action, tuple(reasons)))
    return sorted(rows, key=lambda row: (row.action.deadline or dt.date.max, row.action.code))


def _actions(count: int) -> str:
    return count_da(count, "handling", "handlinger")


def summarise_changes(rows: list[ChangeRow]) -> list[str]:
    """Danish sentences for a period's changes, e.g. '3 handlinger er gået fra I gang til
    Afsluttet/implementeret'. Each action counts once, from its first to its last status."""
    if not rows:
        return ["Ingen ændringer i perioden."]
    ordered = sorted(rows, key=lambda row: row.changed_at)
    first_old: dict[int, str | None] = {}
    last_new: dict[int, str | None] = {}
    track_of: dict[int, str] = {}
    other_fields: Counter[str] = Counter()
    other_actions: dict[str, set[int]] = {}
    for row in ordered:
        if row.field == "status":
            first_old.setdefault(row.action_id, row.old_value)
            last_new[row.action_id] = row.new_value
            track_of[row.action_id] = row.track_code
        else:
            other_fields[row.field_label] += 1
            other_actions.setdefault(row.field_label, set()).add(row.action_id)
    transitions: Counter[tuple[str | None, str | None]] = Counter()
    new_obs: Counter[str] = Counter()
    for action_id, new in last_new.items():
        old = first_old[action_id]
        if old == new:
            continue
        transitions[(old, new)] += 1
        if new == Status.attention.value:
            new_obs[track_of[action_id]] += 1
    sentences = [
        f"{_actions(count)} er gået fra {old} til {new}"
        for (old, new), count in sorted(transitions.items(), key=lambda item: -item[1])
    ]
    sentences += [
        f"{number_da(count)} ny Obs på {track}"
        if count == 1
        else f"{number_da(count)} nye Obs på {track}"
        for track, count in sorted(new_obs.items())
    ]
    sentences += [
        f"{label} er ændret på {_actions(len(other_actions[label]))}"
        for label in sorted(other_fields)
    ]
    if not sentences:
        return ["Ingen statusændringer i perioden (kun ændringer, der blev rullet tilbage)."]
    return sentences


@dataclass(frozen=True)
class TimelineItem:
    theme_code: str
    track_code: str
    code: str
    text: str
    start: dt.date | None
    end: dt.date | None
    status: Status
    responsible: str
    plan_end: dt.date | None = None  # the plan's own deadline, where a revision moved it


def timeline_items(themes: list[ThemeView]) -> list[TimelineItem]:
    """Every action with a known start or end (the deadline in force)."""
    return [
        TimelineItem(
            theme.code,
            track.code,
            action.code,
            action.text,
            action.start_date,
            action.deadline,
            action.status,
            action.responsible,
            action.plan_deadline if action.deadline_moved else None,
        )
        for theme in themes
        for track in theme.tracks
        for action in track.actions
        if action.start_date or action.deadline
    ]
