"""HTML for status badges and a track's action table; every user text is escaped."""

from __future__ import annotations

import datetime as dt

from components.safe_text import inert_html as escape
from components.texts import common as texts
from models.core.formatting import date_table_da
from models.core.time import local_date
from models.plan.kinds import ActionKind, rhythm_label
from models.plan.overview import AttentionRow
from models.plan.queries import ActionView
from models.plan.status import STATUS_COLORS, STATUS_SYMBOLS, STATUS_TEXT_COLORS, Status

PLAN_CSS = """
<style>
.plan-actions { width: 100%; border-collapse: collapse; font-size: 0.95rem; }
.plan-actions.fixed { table-layout: fixed; }
.plan-actions col.code { width: 4.2rem; }
.plan-actions col.timeline { width: 26%; }
.plan-actions col.status { width: 28%; }
.plan-actions col.deadline { width: 9.5rem; }
.plan-actions col.why { width: 11rem; }
.plan-actions th { text-align: left; font-weight: 600; border-bottom: 2px solid #d0d4da;
  padding: 0.35rem 0.5rem; color: #31333f; }
.plan-actions td { vertical-align: top; border-bottom: 1px solid #e6e8eb;
  padding: 0.45rem 0.5rem; line-height: 1.4; }
.plan-actions td.code { white-space: nowrap; color: #5a5f6b; }
.plan-actions .deadline { font-weight: 600; }
.plan-actions .timeline { margin-top: 0.2rem; color: #3d4350; font-style: italic;
  font-size: 0.88rem; }
.plan-actions .meta { margin-top: 0.3rem; font-size: 0.85rem; overflow-wrap: anywhere; }
.plan-actions .note { margin-top: 0.3rem; font-size: 0.85rem; color: #4a4f5c;
  white-space: pre-wrap; }
.status-badge { display: inline-block; border-radius: 0.8rem; padding: 0.1rem 0.6rem;
  font-size: 0.85rem; font-weight: 600; white-space: nowrap; }
.overdue-mark { display: inline-block; margin-top: 0.2rem; padding: 0.05rem 0.45rem;
  border: 1.5px solid #b00020; border-radius: 0.3rem; color: #b00020; font-size: 0.8rem;
  font-weight: 700; }
.meta-tag { display: inline-block; margin-left: 0.2rem; padding: 0.05rem 0.45rem;
  border: 1px solid #8a8f99; border-radius: 0.3rem; color: #4a4f5c; font-size: 0.8rem; }
.revised { display: block; font-size: 0.8rem; font-weight: 400; color: #4a4f5c; }
</style>
"""


def status_badge(status: Status) -> str:
    """A coloured pill that carries the status symbol and text (readable without colour)."""
    return (
        f'<span class="status-badge" style="background:{STATUS_COLORS[status]};'
        f'color:{STATUS_TEXT_COLORS[status]}">'
        f"{STATUS_SYMBOLS[status]} {escape(status.value)}</span>"
    )


def deadline_cell(action: ActionView, today: dt.date) -> str:
    """The deadline in force with the plan's own beside it when moved, or the kind of work
    that has none; marks for overdue and for recurring work nobody has confirmed."""
    if action.kind == ActionKind.recurring:
        parts = [escape(texts.DEADLINE_RECURRING.format(rhythm=rhythm_label(action.rhythm)))]
    elif action.kind == ActionKind.ongoing:
        parts = [escape(texts.DEADLINE_ONGOING)]
    elif action.deadline:
        parts = [escape(date_table_da(action.deadline))]
        if action.deadline_moved:
            plan = texts.DEADLINE_PLAN.format(date=date_table_da(action.plan_deadline))
            parts.append(f'<br><span class="revised">{escape(plan)}</span>')
    elif action.start_date:
        parts = [escape(texts.DEADLINE_START_ONLY.format(date=date_table_da(action.start_date)))]
    else:
        parts = ["–"]
    if action.is_overdue(today):
        parts.append(f'<br><span class="overdue-mark">⚠ {escape(texts.OVERDUE_LABEL)}</span>')
    return " ".join(parts)


def freshness_line(action: ActionView, today: dt.date, window_days: int) -> str:
    """`Senest opdateret/bekræftet: 3. dec. 2026, erik`, and a mark when it is due again."""
    touched = action.last_touched
    if touched is None:
        line = escape(texts.NEVER_TOUCHED)
    else:
        when, who = touched
        line = escape(texts.LAST_TOUCHED.format(date=date_table_da(local_date(when)), user=who))
    if action.is_unconfirmed(today, window_days):
        line += f' <span class="overdue-mark">⚠ {escape(texts.UNCONFIRMED_LABEL)}</span>'
    return f'<div class="meta">{line}</div>'


def action_table(actions: list[ActionView], today: dt.date, window_days: int) -> str:
    """One track's actions as an HTML table: number, text, timeline with deadline, status."""
    labels = (texts.COL_CODE, texts.COL_ACTION, texts.COL_TIMELINE, texts.COL_STATUS)
    header = "".join(f"<th>{escape(label)}</th>" for label in labels)
    rows = []
    for action in actions:
        responsible = (
            f'<div class="meta">{escape(texts.COL_RESPONSIBLE)}: {escape(action.responsible)}</div>'
            if action.responsible
            else ""
        )
        note = f'<div class="note">{escape(action.note)}</div>' if action.note else ""
        owner = (
            f'<div class="meta">{escape(texts.COL_OWNER)}: {escape(action.owner)}</div>'
            if action.owner
            else ""
        )
        phrase = escape(action.timeline) or "–"
        rows.append(
            "<tr>"
            f'<td class="code">{escape(action.code)}</td>'
            f"<td>{escape(action.text)}</td>"
            f'<td><div class="deadline">{deadline_cell(action, today)}</div>'
            f'<div class="timeline">{phrase}</div></td>'
            f"<td>{status_badge(action.status)}{owner}{responsible}{note}"
            f"{freshness_line(action, today, window_days)}</td>"
            "</tr>"
        )
    columns = "".join(f'<col class="{name}">' for name in ("code", "text", "timeline", "status"))
    return (
        f'<table class="plan-actions fixed"><colgroup>{columns}</colgroup>'
        f"<thead><tr>{header}</tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def attention_table(rows: list[AttentionRow], today: dt.date, window_days: int) -> str:
    """One attention section as a table that fits 1366 px: number, action (with the status
    note, so an Obs says why), deadline, status with owner and freshness, and every reason."""
    labels = (
        texts.COL_CODE,
        texts.COL_ACTION,
        texts.COL_DEADLINE,
        texts.COL_STATUS,
        texts.COL_WHY,
    )
    header = "".join(f"<th>{escape(label)}</th>" for label in labels)
    body = []
    for row in rows:
        action = row.action
        note = f'<div class="note">{escape(action.note)}</div>' if action.note else ""
        owner = action.owner or action.responsible
        who = f'<div class="meta">{escape(owner)}</div>' if owner else ""
        reasons = "".join(f'<div class="meta">{escape(reason)}</div>' for reason in row.reasons)
        body.append(
            "<tr>"
            f'<td class="code">{escape(action.code)}</td>'
            f"<td>{escape(action.text)}{note}</td>"
            f'<td><div class="deadline">{deadline_cell(action, today)}</div></td>'
            f"<td>{status_badge(action.status)}{who}"
            f"{freshness_line(action, today, window_days)}</td>"
            f"<td>{reasons}</td>"
            "</tr>"
        )
    columns = "".join(
        f'<col class="{name}">' for name in ("code", "text", "deadline", "status", "why")
    )
    return (
        f'<table class="plan-actions fixed"><colgroup>{columns}</colgroup>'
        f"<thead><tr>{header}</tr></thead>"
        f"<tbody>{''.join(body)}</tbody></table>"
    )
