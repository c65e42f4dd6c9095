"""The steering group's weekly overview: headline counts, what needs attention, what changed."""

from __future__ import annotations

import datetime as dt
import enum
from collections import Counter
from dataclasses import dataclass

from models.core.formatting import count_da, number_da
from models.plan.change_log import ChangeRow
from models.plan.kinds import ActionKind, rhythm_label
from models.plan.queries import FRESHNESS_DAYS, ActionView, ThemeView
from models.plan.status import STATUS_ORDER, Status

ATTENTION_HORIZON = dt.timedelta(days=30)


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


class Attention(enum.StrEnum):
    """Why an action needs the steering group's attention, most urgent first."""

    obs = "Obs"
    overdue = "Overskredet"
    due_soon = "Frist inden for 30 dage"
    unconfirmed = "Ikke bekræftet"


ATTENTION_ORDER = tuple(Attention)


@dataclass(frozen=True)
class AttentionRow:
    theme_code: str
    track_code: str
    action: ActionView
    section: Attention  # the most urgent reason: where the row is listed
    reasons: tuple[str, ...]  # every reason, in words


def attention_reasons(
    action: ActionView, today: dt.date, window_days: int = FRESHNESS_DAYS
) -> list[tuple[Attention, str]]:
    """Every reason `action` needs attention at `today`, most urgent first."""
    reasons: list[tuple[Attention, str]] = []
    if action.status == Status.attention:
        reasons.append((Attention.obs, Attention.obs.value))
    if action.is_overdue(today):
        reasons.append((Attention.overdue, Attention.overdue.value))
    deadline = action.deadline
    if (
        action.status != Status.done
        and deadline is not None
        and today <= deadline <= today + ATTENTION_HORIZON
    ):
        reasons.append((Attention.due_soon, Attention.due_soon.value))
    if action.is_unconfirmed(today, window_days):
        rhythm = f" ({rhythm_label(action.rhythm)})" if action.kind == ActionKind.recurring else ""
        reasons.append((Attention.unconfirmed, f"{Attention.unconfirmed.value}{rhythm}"))
    return reasons


def needs_attention(
    themes: list[ThemeView], today: dt.date, window_days: int = FRESHNESS_DAYS
) -> list[AttentionRow]:
    """Obs, overdue, due within 30 days, not confirmed: each action once, under its most urgent
    reason; in section order, then soonest deadline first."""
    rows = []
    for theme in themes:
        for track in theme.tracks:
            for action in track.actions:
                reasons = attention_reasons(action, today, window_days)
                if reasons:
                    rows.append(
                        AttentionRow(
                            theme.code,
                            track.code,
                            action,
                            reasons[0][0],
                            tuple(text for _, text in reasons),
                        )
                    )
    return sorted(
        rows,
        key=lambda row: (
            ATTENTION_ORDER.index(row.section),
            row.action.deadline or dt.date.max,
            row.action.code,
        ),
    )


def attention_sections(rows: list[AttentionRow]) -> dict[Attention, list[AttentionRow]]:
    """The rows by section, every section present (in order), empty ones too."""
    return {section: [row for row in rows if row.section == section] for section in Attention}


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
