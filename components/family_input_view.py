"""Input fra familier, read side: fresh readers, a meeting with its items and the actions that
answer them (their status now), the audit, and the input per track for the theme pages.

Every user text goes through `components.safe_text` (inert markdown, escaped HTML).
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components.readers import Revision, plan_revision
from components.safe_text import inert
from components.safe_text import inert_html as escape
from components.status_html import PLAN_CSS, status_badge
from components.texts import family_input as t
from models.core.db import get_engine, session_scope
from models.core.formatting import date_long_da, date_table_da, datetime_table_da, number_da
from models.families.queries import (
    FamilyChangeRow,
    InputView,
    MeetingView,
    TrackInput,
    family_history,
    inputs_by_track,
    list_meetings,
    meeting_inputs,
)
from models.families.service import FIELD_LABELS

# --- readers (fresh: editors write while they read; the data is small) ----------------------


def load_meetings() -> list[MeetingView]:
    with session_scope() as session:
        return list_meetings(session)


def load_items(meeting_id: int) -> list[InputView]:
    with session_scope() as session:
        return meeting_inputs(session, meeting_id)


def load_history(meeting_id: int) -> list[FamilyChangeRow]:
    with session_scope() as session:
        return family_history(session, meeting_id)


@st.cache_data(show_spinner=False)
def _inputs_by_track(revision: Revision) -> dict[str, list[TrackInput]]:
    with session_scope(get_engine(revision[0])) as session:
        return inputs_by_track(session)


def load_inputs_by_track() -> dict[str, list[TrackInput]]:
    """The input per track, cached per data revision (every family write raises it): the
    theme pages read it on every run."""
    return _inputs_by_track(plan_revision())


# --- a meeting and its items ---------------------------------------------------------------

MEETING_CHOICE = "family_meeting_choice"


def render_meetings(meetings: list[MeetingView]) -> None:
    """Every meeting in one table, newest first: what it was, who came, what is still open."""
    frame = pd.DataFrame(
        [
            (
                date_table_da(meeting.held_on),
                meeting.kind.value,
                meeting.title or "–",
                _count(meeting.participants),
                "–" if meeting.registered is None else number_da(meeting.registered),
                number_da(meeting.items),
                number_da(meeting.open_items),
            )
            for meeting in meetings
        ],
        columns=list(t.MEETING_COLUMNS),
    )
    st.dataframe(frame, hide_index=True, width="stretch")


def choose_meeting(meetings: list[MeetingView], wanted: str) -> MeetingView:
    """The meeting to show: the one chosen (newest first by default); `wanted` names a
    session-state slot holding a meeting's id to select once (a meeting just recorded)."""
    ids = [meeting.id for meeting in meetings]
    pending = st.session_state.pop(wanted, None)
    if pending in ids:
        st.session_state[MEETING_CHOICE] = pending
    if st.session_state.get(MEETING_CHOICE) not in ids:
        st.session_state.pop(MEETING_CHOICE, None)
    by_id = {meeting.id: meeting for meeting in meetings}
    chosen = st.selectbox(
        t.CHOOSE_MEETING,
        ids,
        format_func=lambda meeting_id: meeting_label(by_id[meeting_id]),
        key=MEETING_CHOICE,
    )
    return by_id[chosen]


def meeting_label(meeting: MeetingView) -> str:
    label = t.MEETING_HEADING.format(kind=meeting.kind.value, date=date_long_da(meeting.held_on))
    return f"{label}: {meeting.title}" if meeting.title else label


def _count(count: int | None) -> str:
    return t.NOT_COUNTED if count is None else number_da(count)


def render_meeting(meeting: MeetingView) -> None:
    """The meeting's facts: kind, date, title, head counts, the questions, the source."""
    st.subheader(inert(meeting_label(meeting)))
    facts = [t.PARTICIPANTS.format(count=_count(meeting.participants))]
    if meeting.registered is not None:
        facts.append(t.REGISTERED.format(count=_count(meeting.registered)))
    facts.append(t.OPEN_COUNT.format(count=number_da(meeting.open_items)))
    st.caption(inert(" · ".join(facts)))
    if meeting.questions:
        with st.expander(f"{t.QUESTIONS} ({len(meeting.questions)})"):
            st.markdown("\n".join(f"{n}. {inert(q)}" for n, q in enumerate(meeting.questions, 1)))
    if meeting.source:
        st.caption(inert(t.SOURCE.format(source=meeting.source)))


def _answers_html(item: InputView) -> str:
    """The actions (with their status now) and tracks that answer the item, as a list."""
    rows = [
        f"<li>{status_badge(action.status)} <b>{escape(action.code)}</b> {escape(action.text)}</li>"
        for action in item.actions
    ]
    rows += [
        f"<li>{escape(t.TRACK_LINK.format(code=track.code, title=track.title))}</li>"
        for track in item.tracks
    ]
    return (
        f"{PLAN_CSS}<div class='family-answers'><p>{escape(t.ANSWERED_BY)}</p>"
        f"<ul>{''.join(rows)}</ul></div>"
    )


def render_item(item: InputView, number: int) -> None:
    """One input item: its text, theme, question, response status and text, what answers it."""
    st.markdown(f"**{number}\\. {inert(item.text)}**")
    st.caption(inert(t.ITEM_META.format(theme=item.theme_title, status=item.status.value)))
    if item.question:
        st.caption(inert(t.ITEM_QUESTION.format(number=item.question, question=item.question_text)))
    if item.response:
        st.markdown(inert(t.RESPONSE.format(response=item.response)))
    if item.actions or item.tracks:
        st.html(_answers_html(item))
    if item.internal_note:
        st.caption(inert(t.INTERNAL_NOTE.format(note=item.internal_note)))
    if item.source:
        st.caption(inert(t.SOURCE.format(source=item.source)))
    if item.updated_at and item.updated_by:
        when = datetime_table_da(item.updated_at)
        st.caption(inert(t.LAST_CHANGED.format(when=when, user=item.updated_by)))


def render_history(meeting_id: int, items: list[InputView]) -> None:
    """Every change people made to the meeting and its items, newest first."""
    with st.expander(t.HISTORY):
        rows = load_history(meeting_id)
        if not rows:
            st.info(t.HISTORY_EMPTY)
            return
        number = {item.id: str(position) for position, item in enumerate(items, 1)}
        frame = pd.DataFrame(
            [
                (
                    datetime_table_da(row.changed_at),
                    row.username,
                    number.get(row.input_id, "–") if row.input_id else t.MEETING_ROW,
                    FIELD_LABELS.get(row.field, row.field),
                    row.old_value or "–",
                    row.new_value or "–",
                )
                for row in rows
            ],
            columns=list(t.HISTORY_COLUMNS),
        )
        st.dataframe(frame, hide_index=True, width="stretch")


# --- the theme pages -----------------------------------------------------------------------


def render_track_input(inputs: list[TrackInput]) -> None:
    """Under a track: the family input it (or one of its actions) answers, short."""
    if not inputs:
        return
    lines = [
        t.TRACK_INPUT_LINE.format(
            text=item.text,
            status=item.status.value,
            meeting=f"{item.kind.value} {date_table_da(item.held_on)}",
            via=", ".join(item.via),
        )
        for item in inputs
    ]
    st.markdown(f"**{t.TRACK_INPUT}**\n\n" + "\n".join(f"- {inert(line)}" for line in lines))
