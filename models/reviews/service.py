"""The weekly review (*Ugentlig gennemgang*): start or resume one, its agenda, items marked
*drøftet* with a decision, and saving it with its attendees.

The agenda is built once, from the plan at the moment the review starts, and stored with the
review, so a review in progress can be resumed and its minutes say what the group saw:

1. *Nye Obs siden sidste gennemgang*: actions that are Obs now and whose status was set to Obs
   (a status change to Obs in the change log) since the last review;
2. *Overskredne*, 3. *Frist inden for 30 dage*, 4. *Ikke bekræftet*: the attention reasons of
   `models.plan.overview` (freshness window from the settings), each action once, in the first
   of these sections that applies (an Obs that is not new is listed for its other reasons);
5. *Ændret siden sidste gennemgang*: every action with a change in the change log since the
   last review, with what changed.

"Since the last review" means since the start of the previous closed review (its agenda
covered everything before that moment), so each change is on exactly one review's agenda; the
first review looks back `FIRST_REVIEW_DAYS` days. The headline figures are counted when a
review starts; their change is measured against the previous closed review's figures.
One review is open at a time (a unique column on the table makes sure of it).
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, select

from models.auth.users import READ_INTERNAL, Actor, authorize
from models.core.cpr import (
    CONTROL_CHARACTER,
    CONTROL_MESSAGE,
    CPR_MESSAGE,
    contains_cpr,
    guards_texts,
)
from models.core.errors import DomainError
from models.core.formatting import count_da, date_long_da, number_da
from models.core.settings import get_settings
from models.core.time import local_date, utcnow
from models.plan.change_log import DATE_FIELDS, ChangeRow, list_changes, value_text
from models.plan.overview import Attention, attention_reasons
from models.plan.queries import ActionView, ThemeView, get_themes
from models.plan.status import Status
from models.plan.tables import Action
from models.reviews.tables import (
    MAX_ATTENDEES_LENGTH,
    MAX_DECISION_LENGTH,
    ReviewItem,
    ReviewSection,
    WeeklyReview,
)

FIRST_REVIEW_DAYS = 7
"""How far the first review looks back for new Obs and changes (there is no last review)."""
SECTION_ORDER = tuple(ReviewSection)
_ATTENTION_SECTIONS = {
    Attention.overdue: ReviewSection.overdue,
    Attention.due_soon: ReviewSection.due_soon,
    Attention.unconfirmed: ReviewSection.unconfirmed,
}
_FREE_TEXT_FIELDS = frozenset({"note", "responsible", "revised_reason"})
_FIELD_ORDER = (
    "status",
    "note",
    "revised_end_date",
    "revised_reason",
    "kind",
    "rhythm",
    "owner",
    "responsible",
    "confirmed",
)
MINUS = "\u2212"
ITEMS = ("punkt", "punkter")


class ReviewError(DomainError):
    """A weekly-review command that cannot be carried out; the message is Danish."""


# --- headline figures -------------------------------------------------------------------------


class Trend(enum.StrEnum):
    better = "better"
    worse = "worse"
    same = "same"
    neutral = "neutral"  # changed, but neither better nor worse (e.g. deadlines coming up)
    none = "none"  # nothing to compare with (the first review)


@dataclass(frozen=True)
class FigureSpec:
    key: str
    label: str
    good: int  # -1: fewer is better, +1: more is better, 0: neither
    percent: bool = False


FIGURES = (
    FigureSpec("overdue", "Overskredne", -1),
    FigureSpec("obs", "Obs", -1),
    FigureSpec("due_soon", "Frist inden for 30 dage", 0),
    FigureSpec("unconfirmed", "Ikke bekræftet", -1),
    FigureSpec("done_share", "Afsluttet/implementeret", +1, percent=True),
)


@dataclass(frozen=True)
class Figure:
    label: str
    value: str  # "48", "14 %"
    delta: str | None  # "−3", "+1", "±0"; "+2 procentpoint"; None without a last review
    trend: Trend
    change: int | None

    @property
    def line(self) -> str:
        """`Overskredne 48 (−3)`; without a last review `Overskredne 48`."""
        return f"{self.label} {self.value}" + (f" ({self.delta})" if self.delta else "")


def signed_da(change: int, unit: str = "") -> str:
    """`+3`, `−3` (a real minus sign), `±0`; Danish digit grouping; then the unit, if any."""
    if change > 0:
        text = f"+{number_da(change)}"
    elif change < 0:
        text = f"{MINUS}{number_da(-change)}"
    else:
        text = "±0"
    return f"{text} {unit}" if unit else text


def plan_figures(themes: list[ThemeView], today: dt.date, window_days: int) -> dict[str, int]:
    """The counts behind the headline: actions in all, done, overdue, Obs, due within 30 days
    and not confirmed (an action counts under every reason it has)."""
    actions = [action for theme in themes for action in theme.actions]
    reasons = [{kind for kind, _ in attention_reasons(a, today, window_days)} for a in actions]
    return {
        "total": len(actions),
        "done": sum(action.status == Status.done for action in actions),
        "overdue": sum(Attention.overdue in found for found in reasons),
        "obs": sum(action.status == Status.attention for action in actions),
        "due_soon": sum(Attention.due_soon in found for found in reasons),
        "unconfirmed": sum(Attention.unconfirmed in found for found in reasons),
    }


def _figure_value(spec: FigureSpec, figures: dict[str, Any]) -> int:
    if spec.percent:
        total = int(figures.get("total") or 0)
        return round(100 * int(figures.get("done") or 0) / total) if total else 0
    return int(figures.get(spec.key) or 0)


def headline(figures: dict[str, Any], previous: dict[str, Any] | None) -> list[Figure]:
    """The headline figures with their change since the previous review's (None: the first)."""
    shown = []
    for spec in FIGURES:
        value = _figure_value(spec, figures)
        text = f"{number_da(value)} %" if spec.percent else number_da(value)
        if previous is None:
            shown.append(Figure(spec.label, text, None, Trend.none, None))
            continue
        change = value - _figure_value(spec, previous)
        if change == 0:
            trend = Trend.same
        elif spec.good == 0:
            trend = Trend.neutral
        else:
            trend = Trend.better if change * spec.good > 0 else Trend.worse
        delta = signed_da(change, "procentpoint" if spec.percent else "")
        shown.append(Figure(spec.label, text, delta, trend, change))
    return shown


# --- the agenda ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class AgendaEntry:
    section: ReviewSection
    action: ActionView
    detail: str


def describe_changes(rows: Iterable[ChangeRow]) -> str:
    """What changed on one action, e.g. `Status: I gang → Obs; Statusnote ændret (erik)`: each
    field once (status first), from its first old value to its last new one; free texts only
    as changed; then who changed it."""
    ordered = sorted(rows, key=lambda row: row.changed_at)
    first: dict[str, ChangeRow] = {}
    last: dict[str, ChangeRow] = {}
    for row in ordered:
        first.setdefault(row.field, row)
        last[row.field] = row
    parts = []
    for field, row in sorted(first.items(), key=lambda item: _field_rank(item[0])):
        if field == "confirmed":
            parts.append(row.field_label)
        elif field in _FREE_TEXT_FIELDS:
            parts.append(f"{row.field_label} ændret")
        else:
            old, new = _value(field, row.old_value), _value(field, last[field].new_value)
            parts.append(f"{row.field_label}: {old} → {new}")
    users = sorted({row.username for row in ordered})
    return "; ".join(parts) + (f" ({', '.join(users)})" if users else "")


def _field_rank(field: str) -> tuple[int, str]:
    return (_FIELD_ORDER.index(field) if field in _FIELD_ORDER else len(_FIELD_ORDER), field)


def _value(field: str, stored: str | None) -> str:
    """A stored audit value in a sentence: a date in prose style (1. december 2026), else as
    the change log shows it (value_text)."""
    if not stored:
        return "–"
    if field in DATE_FIELDS:
        try:
            return date_long_da(dt.date.fromisoformat(stored))
        except ValueError:
            return stored
    return value_text(field, stored)


def build_agenda(
    themes: list[ThemeView],
    changes: list[ChangeRow],
    *,
    today: dt.date,
    window_days: int,
) -> list[AgendaEntry]:
    """The agenda in its order: sections 1–4 by soonest deadline, then number; section 5 in
    plan order. `changes` are the change-log rows since the last review."""
    became_obs = {
        row.action_id
        for row in changes
        if row.field == "status" and row.new_value == Status.attention.value
    }
    actions = [action for theme in themes for action in theme.actions]
    attention: list[AgendaEntry] = []
    for action in actions:
        reasons = attention_reasons(action, today, window_days)
        if action.status == Status.attention and action.id in became_obs:
            attention.append(AgendaEntry(ReviewSection.new_obs, action, action.note))
            continue
        section = next(
            (_ATTENTION_SECTIONS[k] for k, _ in reasons if k in _ATTENTION_SECTIONS), None
        )
        if section is not None:
            attention.append(AgendaEntry(section, action, " · ".join(text for _, text in reasons)))
    attention.sort(
        key=lambda entry: (
            SECTION_ORDER.index(entry.section),
            entry.action.deadline or dt.date.max,
            entry.action.code,
        )
    )
    by_action: dict[int, list[ChangeRow]] = {}
    for row in changes:
        by_action.setdefault(row.action_id, []).append(row)
    changed = [
        AgendaEntry(ReviewSection.changed, action, describe_changes(by_action[action.id]))
        for action in actions
        if action.id in by_action
    ]
    return attention + changed


# --- read models --------------------------------------------------------------------------------


@dataclass(frozen=True)
class ReviewView:
    id: int
    held_on: dt.date
    started_at: dt.datetime
    started_by: str
    changes_since: dt.datetime
    attendees: str
    closed_at: dt.datetime | None
    closed_by: str | None
    figures: dict[str, Any]
    previous_figures: dict[str, Any] | None
    previous_held_on: dt.date | None

    @property
    def is_open(self) -> bool:
        return self.closed_at is None

    @property
    def headline(self) -> list[Figure]:
        return headline(self.figures, self.previous_figures)


@dataclass(frozen=True)
class AgendaItem:
    id: int
    section: ReviewSection
    action_id: int
    code: str
    text: str
    status: str
    detail: str
    discussed: bool
    decision: str
    discussed_by: str | None
    discussed_at: dt.datetime | None


def _view(session: Session, review: WeeklyReview) -> ReviewView:
    previous = (
        session.get(WeeklyReview, review.previous_review_id) if review.previous_review_id else None
    )
    return ReviewView(
        id=review.id or 0,
        held_on=review.held_on,
        started_at=review.started_at,
        started_by=review.started_by,
        changes_since=review.changes_since,
        attendees=review.attendees,
        closed_at=review.closed_at,
        closed_by=review.closed_by,
        figures=dict(review.figures or {}),
        previous_figures=dict(previous.figures or {}) if previous else None,
        previous_held_on=previous.held_on if previous else None,
    )


def _open(session: Session) -> WeeklyReview | None:
    return session.exec(
        select(WeeklyReview)
        .where(WeeklyReview.closed_at.is_(None))  # type: ignore[union-attr]
        .execution_options(populate_existing=True)
    ).first()


def _last_closed(session: Session) -> WeeklyReview | None:
    return session.exec(
        select(WeeklyReview)
        .where(WeeklyReview.closed_at.is_not(None))  # type: ignore[union-attr]
        .order_by(WeeklyReview.started_at.desc(), WeeklyReview.id.desc())  # type: ignore[attr-defined]
    ).first()


def open_review(session: Session) -> ReviewView | None:
    """The review in progress, if any."""
    review = _open(session)
    return _view(session, review) if review else None


def get_review(session: Session, review_id: int) -> ReviewView | None:
    review = session.get(WeeklyReview, review_id)
    return _view(session, review) if review else None


def list_reviews(session: Session) -> list[ReviewView]:
    """Every saved (closed) review, newest first."""
    reviews = session.exec(
        select(WeeklyReview)
        .where(WeeklyReview.closed_at.is_not(None))  # type: ignore[union-attr]
        .order_by(WeeklyReview.started_at.desc(), WeeklyReview.id.desc())  # type: ignore[attr-defined]
    ).all()
    return [_view(session, review) for review in reviews]


def review_items(session: Session, review_id: int) -> list[AgendaItem]:
    """A review's agenda in its order."""
    rows = session.exec(
        select(ReviewItem, Action.text)
        .join(Action, Action.id == ReviewItem.action_id)
        .where(ReviewItem.review_id == review_id)
        .order_by(ReviewItem.position)
    ).all()
    return [
        AgendaItem(
            id=item.id or 0,
            section=item.section,
            action_id=item.action_id,
            code=item.action_code,
            text=text,
            status=item.status,
            detail=item.detail,
            discussed=item.discussed,
            decision=item.decision,
            discussed_by=item.discussed_by,
            discussed_at=item.discussed_at,
        )
        for item, text in rows
    ]


def section_heading(number: int, section: ReviewSection, items: list[AgendaItem]) -> str:
    """`2. Overskredne (40 punkter, 3 drøftet)`, as the page and the minutes head a section."""
    discussed = sum(item.discussed for item in items)
    return (
        f"{number}. {section.value} ({count_da(len(items), *ITEMS)}, "
        f"{number_da(discussed)} drøftet)"
    )


def agenda_sections(items: list[AgendaItem]) -> dict[ReviewSection, list[AgendaItem]]:
    """The items by section, every section present (in agenda order), empty ones too."""
    return {
        section: [item for item in items if item.section == section] for section in SECTION_ORDER
    }


# --- writes -------------------------------------------------------------------------------------


def start_review(
    session: Session,
    *,
    actor: Actor,
    today: dt.date | None = None,
    now: dt.datetime | None = None,
    window_days: int | None = None,
) -> ReviewView:
    """Start a review (viewers, editors and admins: the steering group), or resume the one in
    progress. The agenda and the figures are taken from the plan now."""
    authorize(session, actor, READ_INTERNAL)
    existing = _open(session)
    if existing is not None:
        return _view(session, existing)
    now = now or utcnow()
    today = today or local_date(now)
    window = window_days or get_settings().freshness_days
    previous = _last_closed(session)
    since = previous.started_at if previous else now - dt.timedelta(days=FIRST_REVIEW_DAYS)
    themes = get_themes(session)
    changes = list_changes(session, since=since, until=now)
    review = WeeklyReview(
        held_on=today,
        started_at=now,
        started_by=actor.username,
        changes_since=since,
        previous_review_id=previous.id if previous else None,
        figures=plan_figures(themes, today, window),
    )
    try:
        with session.begin_nested():
            session.add(review)
            session.flush()
    except sa.exc.IntegrityError:  # someone else started one at the same moment: theirs
        other = _open(session)
        if other is None:
            raise
        return _view(session, other)
    for position, entry in enumerate(
        build_agenda(themes, changes, today=today, window_days=window)
    ):
        session.add(
            ReviewItem(
                review_id=review.id or 0,
                position=position,
                section=entry.section,
                action_id=entry.action.id,
                action_code=entry.action.code,
                status=entry.action.status.value,
                detail=entry.detail,
            )
        )
    session.flush()
    return _view(session, review)


@dataclass(frozen=True)
class ItemMark:
    """What the group says about one agenda item: discussed or not, and the decision."""

    item_id: int
    discussed: bool
    decision: str = ""


def _locked_open_review(session: Session, review_id: int) -> WeeklyReview:
    review = session.exec(
        select(WeeklyReview)
        .where(WeeklyReview.id == review_id)
        .with_for_update()
        .execution_options(populate_existing=True)
    ).first()
    if review is None:
        raise ReviewError("Gennemgangen findes ikke.")
    if review.closed_at is not None:
        raise ReviewError("Gennemgangen er afsluttet og gemt; den kan ikke længere ændres.")
    return review


@guards_texts(ReviewError, checked_inside=("marks",))
def record_discussions(
    session: Session,
    *,
    actor: Actor,
    review_id: int,
    marks: list[ItemMark],
    now: dt.datetime | None = None,
) -> int:
    """Mark items *drøftet* (or not) with a decision text; returns how many changed.

    An item with a decision counts as discussed. Who and when are recorded per item. All or
    nothing: a bad decision text (too long, CPR-shaped, a control character) saves nothing.
    """
    for mark in marks:  # before anything else: such a text is never looked up or stored
        if contains_cpr(mark.decision):
            raise ReviewError(CPR_MESSAGE)
        if CONTROL_CHARACTER.search(mark.decision):
            raise ReviewError(CONTROL_MESSAGE)
    authorize(session, actor, READ_INTERNAL)
    review = _locked_open_review(session, review_id)
    items = {
        item.id: item
        for item in session.exec(
            select(ReviewItem)
            .where(ReviewItem.review_id == review.id)
            .where(ReviewItem.id.in_([mark.item_id for mark in marks]))  # type: ignore[union-attr]
            .with_for_update()
            .execution_options(populate_existing=True)
        )
    }
    cleaned = []
    for mark in marks:
        item = items.get(mark.item_id)
        if item is None:
            raise ReviewError("Punktet findes ikke på denne gennemgang.")
        decision = mark.decision.strip()
        if len(decision) > MAX_DECISION_LENGTH:
            raise ReviewError(
                f"{item.action_code}: beslutningen må højst være {MAX_DECISION_LENGTH} tegn."
            )
        cleaned.append((item, mark.discussed or bool(decision), decision))
    now = now or utcnow()
    changed = 0
    for item, discussed, decision in cleaned:
        if (item.discussed, item.decision) == (discussed, decision):
            continue
        item.discussed, item.decision = discussed, decision
        item.discussed_by, item.discussed_at = (actor.username, now) if discussed else (None, None)
        session.add(item)
        changed += 1
    session.flush()
    return changed


@guards_texts(ReviewError, checked_inside=("marks",))
def close_review(
    session: Session,
    *,
    actor: Actor,
    review_id: int,
    attendees: str,
    marks: list[ItemMark] | None = None,
    now: dt.datetime | None = None,
) -> ReviewView:
    """Save the review with its attendees (and any `marks` not yet recorded, in the same
    transaction); it can no longer change, and the next review's "since the last review"
    starts where this one started."""
    authorize(session, actor, READ_INTERNAL)
    if marks:
        record_discussions(session, actor=actor, review_id=review_id, marks=marks, now=now)
    review = _locked_open_review(session, review_id)
    attendees = attendees.strip()
    if not attendees:
        raise ReviewError("Skriv, hvem der deltog i gennemgangen, før den gemmes.")
    if len(attendees) > MAX_ATTENDEES_LENGTH:
        raise ReviewError(f"Deltagerlisten må højst være {MAX_ATTENDEES_LENGTH} tegn.")
    review.attendees = attendees
    review.closed_at = now or utcnow()
    review.closed_by = actor.username
    review.in_progress = None
    session.add(review)
    session.flush()
    return _view(session, review)
