"""Readers around `models` queries for the pages; cached ones are keyed on the data's revision.

Every page reads through these (pages open no sessions). Files for download are built in
`components.exports`, uploads are checked in `components.uploads`.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import streamlit as st
from sqlmodel import Session

from components.safe_text import inert
from components.streamlit_options import cookie_secret_set
from models.auth.first_admin import get_or_create_setup_code
from models.auth.login import LoginEvent, login_events
from models.auth.throttle import Block, current_blocks
from models.auth.users import User, get_user, list_users
from models.bootstrap import SchemaError, start_app_database
from models.core.applog import log_event
from models.core.db import database_url, get_engine, session_scope
from models.core.deadlines import DeadlineTarget
from models.core.settings import get_settings
from models.core.time import utcnow
from models.indicators.service import IndicatorCard, indicator_cards, measurement_revision
from models.operations.health import shared_secret_problems
from models.plan.action_edits import eligible_owners
from models.plan.change_log import ChangeRow, count_changes, list_change_authors, list_changes
from models.plan.decisions import (
    DecisionMove,
    decision_moves,
    list_decisions,
    restoration_target,
)
from models.plan.owners import owned_codes
from models.plan.queries import (
    PlanView,
    ThemeSummary,
    ThemeView,
    data_revision,
    get_plan,
    get_themes,
    list_theme_codes,
    theme_summaries,
)
from models.plan.tables import PlanDecision
from models.presentation.aggregates import Deck, build_deck
from models.reports.compare import Comparison, compare
from models.reports.snapshots import (
    DEFAULT_DEADLINE,
    NOW_NAME,
    Snapshot,
    SnapshotEvent,
    StatusReport,
    current_key_messages,
    deleted_reports,
    list_snapshots,
    load_report,
    report_now,
)
from models.restoration.report import RestorationReport, build_report, restoration_revision
from models.reviews.service import (
    AgendaItem,
    ReviewView,
    list_reviews,
    open_review,
    review_items,
)

SETUP_CODE_HINT = "no users yet: python manage.py setup-code prints the one-time setup code"

Revision = tuple[str, tuple[int, int, str]]


@st.cache_resource(show_spinner=False)
def _ensure_database(url: str) -> None:
    """Once per process and database: create a fresh database (or upgrade when the setting
    asks for it) and load the plan; while there are no users, log which command prints the
    one-time setup code (never the code). An out-of-date schema raises SchemaError (not
    cached)."""
    engine = get_engine(url)
    start_app_database(engine)
    with session_scope(engine, write=True) as session:
        code = get_or_create_setup_code(session)
    if code is not None:  # the code itself only through `manage.py setup-code`, never a log
        log_event("setup_code_waiting", outcome=SETUP_CODE_HINT)


def ensure_database() -> None:
    """Stop the app with a Danish message when instances would not share their secrets, or
    naming the command when the schema is out of date."""
    problems = shared_secret_problems(get_settings(), streamlit_secret_set=cookie_secret_set())
    if problems:
        st.error(inert(" ".join(problems)))
        st.stop()
    try:
        _ensure_database(database_url())
    except SchemaError as error:
        st.error(inert(error))
        st.stop()


def plan_revision() -> Revision:
    """A token that changes whenever an action changes (the key of every plan cache)."""
    url = database_url()
    with session_scope(get_engine(url)) as session:
        return url, data_revision(session)


@st.cache_data(show_spinner=False)
def _plan(revision: Revision) -> PlanView | None:
    with session_scope(get_engine(revision[0])) as session:
        return get_plan(session)


@st.cache_data(show_spinner=False)
def _theme_codes(revision: Revision) -> list[tuple[str, str]]:
    with session_scope(get_engine(revision[0])) as session:
        return list_theme_codes(session)


@st.cache_data(show_spinner=False)
def _themes(revision: Revision) -> list[ThemeView]:
    with session_scope(get_engine(revision[0])) as session:
        return get_themes(session)


@st.cache_data(show_spinner=False)
def _summaries(revision: Revision) -> list[ThemeSummary]:
    with session_scope(get_engine(revision[0])) as session:
        return theme_summaries(session)


def load_plan() -> PlanView | None:
    return _plan(plan_revision())


def load_theme_codes() -> list[tuple[str, str]]:
    return _theme_codes(plan_revision())


def load_themes() -> list[ThemeView]:
    return _themes(plan_revision())


def load_theme(code: str) -> ThemeView | None:
    return next((theme for theme in load_themes() if theme.code == code), None)


def load_theme_summaries() -> list[ThemeSummary]:
    return _summaries(plan_revision())


def load_action_history(action_id: int) -> list[ChangeRow]:
    """Every change of one action, newest first (read fresh: it changes with every save)."""
    with session_scope() as session:
        return list_changes(session, action_id=action_id)


def load_changes(*, limit: int | None = None, **filters: Any) -> list[ChangeRow]:
    """The changes the filters find, newest first (the first `limit` if given)."""
    with session_scope() as session:
        return list_changes(session, limit=limit, **filters)


def load_change_count(**filters: Any) -> int:
    """How many changes the filters find (counted in the database)."""
    with session_scope() as session:
        return count_changes(session, **filters)


def load_change_authors() -> list[str]:
    with session_scope() as session:
        return list_change_authors(session)


def cases_revision() -> tuple[str, tuple]:
    """A token that changes whenever restoration cases or their steps change."""
    url = database_url()
    with session_scope(get_engine(url)) as session:
        return url, restoration_revision(session)


@st.cache_data(show_spinner=False, max_entries=8)
def _restoration_report(
    revision: tuple[str, tuple], today: dt.date, deadline: dt.date
) -> RestorationReport:
    with session_scope(get_engine(revision[0])) as session:
        return build_report(session, today=today, deadline=deadline)


def load_restoration_target() -> DeadlineTarget:
    """The deadline for restoring every open case: the plan's, and a decision's if any."""
    with session_scope() as session:
        target = restoration_target(session)
    return target or DeadlineTarget(DEFAULT_DEADLINE, DEFAULT_DEADLINE)


def load_decisions() -> list[tuple[PlanDecision, list[DecisionMove]]]:
    """Every plan decision, newest first, with the deadlines it moved."""
    with session_scope() as session:
        return [(d, decision_moves(session, d.id)) for d in list_decisions(session)]  # type: ignore[arg-type]


def load_restoration_report(today: dt.date) -> RestorationReport:
    """The restoration figures against the current target, recomputed whenever cases, steps
    or the target change."""
    return _restoration_report(cases_revision(), today, load_restoration_target().current)


def _indicator_revision() -> tuple[str, tuple]:
    url = database_url()
    with session_scope(get_engine(url)) as session:
        return url, measurement_revision(session)


@st.cache_data(show_spinner=False, max_entries=8)
def _indicator_cards(revision: tuple[str, tuple], today: dt.date) -> list[IndicatorCard]:
    with session_scope(get_engine(revision[0])) as session:
        return indicator_cards(session, today=today)


def load_indicator_cards(today: dt.date) -> list[IndicatorCard]:
    """Every effect goal with its measurements, recomputed whenever a measurement changes."""
    return _indicator_cards(_indicator_revision(), today)


def load_owner_choices() -> list[str]:
    """The users who may own an action: active editors and admins (read fresh, one query)."""
    with session_scope() as session:
        return eligible_owners(session)


def load_users() -> list[User]:
    with session_scope() as session:
        return list_users(session)


def load_user(username: str) -> User | None:
    """One user as stored now (not cached: a profile shows what was just saved)."""
    with session_scope() as session:
        return get_user(session, username)


def load_login_events() -> list[LoginEvent]:
    with session_scope() as session:
        return login_events(session)


def load_owned_codes() -> dict[str, list[str]]:
    """Every owner's action codes (read fresh: owners change with every save)."""
    with session_scope() as session:
        return owned_codes(session)


def load_login_blocks() -> list[Block]:
    """The login throttles that block right now (not cached: they run out by themselves)."""
    with session_scope() as session:
        return current_blocks(session, utcnow())


def load_key_messages() -> list[str]:
    with session_scope() as session:
        return current_key_messages(session)


def current_revision() -> tuple:
    """A token that changes when actions, cases or measurements change (for export caches)."""
    return (plan_revision(), cases_revision(), _indicator_revision())


@st.cache_data(show_spinner=False, max_entries=4)
def _deck(today: dt.date, revision: object) -> Deck:
    with session_scope() as session:
        return build_deck(session, today=today)


def load_deck(today: dt.date) -> Deck:
    """The citizen-meeting deck (aggregates only)."""
    return _deck(today, current_revision())


def load_snapshot_list() -> list[Snapshot]:
    with session_scope() as session:
        return list_snapshots(session)


def load_deleted_reports() -> list[SnapshotEvent]:
    """Who deleted which report, when and why (newest first)."""
    with session_scope() as session:
        return deleted_reports(session)


@st.cache_data(show_spinner=False, max_entries=4)
def _report_now(revision: tuple, today: dt.date, target: DeadlineTarget) -> StatusReport:
    with session_scope(get_engine(revision[0][0])) as session:
        return report_now(session, today=today)


def load_report_now(today: dt.date) -> StatusReport:
    """The state now in report form, built once per state of the data: actions and content
    (key messages, reports), cases and steps, measurements and the restoration target."""
    return _report_now(current_revision(), today, load_restoration_target())


def _report(session: Session, name: str, today: dt.date) -> StatusReport:
    return load_report_now(today) if name == NOW_NAME else load_report(session, name)


def load_report_pair(
    name: str, against: str | None, today: dt.date
) -> tuple[StatusReport, Comparison | None]:
    """The chosen report and, if asked, its comparison with an earlier one (before -> chosen)."""
    with session_scope() as session:
        report = _report(session, name, today)
        if against is None:
            return report, None
        return report, compare(_report(session, against, today), report)


# --- the weekly review (read fresh: the steering group writes while it reads) ----------------


def load_open_review() -> ReviewView | None:
    """The weekly review in progress, if any."""
    with session_scope() as session:
        return open_review(session)


def load_reviews() -> list[ReviewView]:
    """Every saved weekly review, newest first."""
    with session_scope() as session:
        return list_reviews(session)


def load_review_items(review_id: int) -> list[AgendaItem]:
    """A weekly review's agenda in its order."""
    with session_scope() as session:
        return review_items(session, review_id)
