"""Input fra familier, write side (editors and admins): record a meeting, add an item, edit an
item and link it to actions and tracks, edit a meeting, import a file of items.

Every form hands its values to one write function of `models.families.service` in one
transaction. A conflict (someone saved first) is shown after a rerun, above the stored values;
any other refusal is shown where the form is, and what was typed stays.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import streamlit as st

from components.commands import flash, run_command
from components.readers import load_themes
from components.safe_text import inert
from components.texts import family_input as t
from components.texts import uploads as upload_texts
from components.uploads import choose_file, forget, once_per_file, problem_rows_html
from models.auth.users import Actor, PermissionDenied
from models.core.db import session_scope
from models.core.errors import DomainError
from models.core.formatting import DATE_INPUT_FORMAT, count_da, date_long_da, number_da
from models.families.input_import import ParsedInputs, apply_input_import, parse_inputs
from models.families.input_import import template_csv as import_template
from models.families.panel import panel_config
from models.families.queries import InputView, MeetingView
from models.families.service import (
    FamilyConflict,
    add_input,
    create_meeting,
    update_input,
    update_meeting,
)
from models.families.tables import MeetingKind, ResponseStatus

_CONFLICT = "_family_conflict"
_GENERATION = "family_form_generation"  # a new number after each save: new, empty forms
_PARSED = "_family_upload_parsed"
WANTED_MEETING = "_family_meeting_wanted"  # the meeting to show after the next rerun


def _generation() -> int:
    return st.session_state.setdefault(_GENERATION, 0)


def _saved(message: str) -> None:
    st.session_state[_GENERATION] = _generation() + 1
    flash(message)
    st.rerun()


def save(command: Callable[..., Any], /, *, form: str | None = None, **kwargs: Any) -> Any:
    """Run a write. A conflict is kept, the edit `form` reset and the page rerun: the stored
    values then show. Any other refusal is shown here, and what was typed stays."""
    try:
        with session_scope(write=True) as session:
            return command(session, **kwargs)
    except FamilyConflict as conflict:
        st.session_state[_CONFLICT] = str(conflict)
        if form is not None:
            reset_form(form)
        st.rerun()
    except (DomainError, PermissionDenied) as error:
        st.error(inert(error))
    return None


def edit_form(name: str, version: int) -> tuple[str, int]:
    """The widget key of an edit form and the version it started from.

    The version is kept from the form's first showing, so a save is checked against what the
    editor saw, and the key does not change while they type (a click on a form that another
    save had renamed would be lost). After a save or a conflict, `reset_form` gives new
    widgets holding the stored values.
    """
    slot = f"_form_{name}"
    generation, base = st.session_state.get(slot, (0, None))
    if base is None:
        base = version
        st.session_state[slot] = (generation, base)
    return f"{name}_{generation}", base


def reset_form(name: str) -> None:
    slot = f"_form_{name}"
    generation, _base = st.session_state.get(slot, (0, None))
    st.session_state[slot] = (generation + 1, None)


def show_conflict() -> None:
    """The conflict a save ran into before its rerun, once."""
    message = st.session_state.pop(_CONFLICT, None)
    if message:
        st.error(inert(message))


def _plan_choices() -> tuple[dict[str, str], dict[str, str]]:
    """Action codes and track codes with their texts, in the plan's order."""
    themes = load_themes()
    actions = {a.code: a.text for theme in themes for a in theme.actions}
    tracks = {track.code: track.title for theme in themes for track in theme.tracks}
    return actions, tracks


def _short(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _item_fields(key: str, meeting: MeetingView, item: InputView | None = None) -> dict[str, Any]:
    """The item's widgets (inside a form); returns the values for the write functions."""
    actions, tracks = _plan_choices()
    themes = [None, *(theme.key for theme in panel_config().themes)]
    titles = {theme.key: theme.title for theme in panel_config().themes}
    questions = [None, *range(1, len(meeting.questions) + 1)]
    text = st.text_area(
        t.ITEM_TEXT, value=item.text if item else "", help=t.ITEM_TEXT_HELP, key=f"{key}_text"
    )
    left, right = st.columns(2)
    theme = left.selectbox(
        t.THEME,
        themes,
        index=themes.index(item.theme) if item and item.theme in themes else 0,
        format_func=lambda key: titles.get(key, t.NO_THEME) if key else t.NO_THEME,
        key=f"{key}_theme",
    )
    question = right.selectbox(
        t.QUESTION,
        questions,
        index=questions.index(item.question) if item and item.question in questions else 0,
        format_func=lambda n: (
            t.QUESTION_OPTION.format(number=n, question=_short(meeting.questions[n - 1], 60))
            if n
            else t.NO_QUESTION
        ),
        key=f"{key}_question",
    )
    statuses = list(ResponseStatus)
    status = st.selectbox(
        t.STATUS,
        statuses,
        index=statuses.index(item.status) if item else 0,
        format_func=lambda status: status.value,
        help=t.STATUS_HELP,
        key=f"{key}_status",
    )
    response = st.text_area(
        t.RESPONSE_FIELD, value=item.response if item else "", key=f"{key}_response"
    )
    linked_actions = st.multiselect(
        t.ACTIONS,
        list(actions),
        default=[a.code for a in item.actions] if item else [],
        format_func=lambda code: f"{code} {_short(actions[code])}",
        placeholder=t.CHOOSE,
        key=f"{key}_actions",
    )
    linked_tracks = st.multiselect(
        t.TRACKS,
        list(tracks),
        default=[track.code for track in item.tracks] if item else [],
        format_func=lambda code: f"{code} {tracks[code]}",
        placeholder=t.CHOOSE,
        key=f"{key}_tracks",
    )
    note = st.text_area(t.NOTE_FIELD, value=item.internal_note if item else "", key=f"{key}_note")
    return {
        "text": text,
        "theme": theme,
        "question": question,
        "status": status,
        "response": response,
        "internal_note": note,
        "actions": linked_actions,
        "tracks": linked_tracks,
    }


def render_item_form(actor: Actor, meeting: MeetingView, item: InputView) -> None:
    """Edit an item and its links; based on the version shown (a conflict is refused)."""
    with st.expander(t.EDIT_ITEM):
        name = f"family_item_{item.id}"
        key, base = edit_form(name, item.version)
        with st.form(key):
            values = _item_fields(key, meeting, item)
            if st.form_submit_button(t.SAVE_ITEM, type="primary"):
                saved = save(
                    update_input,
                    form=name,
                    actor=actor,
                    input_id=item.id,
                    base_version=base,
                    values=values,
                )
                if saved is not None:
                    reset_form(name)
                    _saved(t.ITEM_SAVED)


def render_new_item(actor: Actor, meeting: MeetingView) -> None:
    with st.expander(t.NEW_ITEM):
        key = f"family_new_{meeting.id}_{_generation()}"
        with st.form(key):
            values = _item_fields(key, meeting)
            if st.form_submit_button(t.ADD_ITEM, type="primary"):
                added = save(add_input, actor=actor, meeting_id=meeting.id, **values)
                if added is not None:
                    _saved(t.ITEM_ADDED)


def _meeting_fields(key: str, today: dt.date, meeting: MeetingView | None = None) -> dict:
    kinds = list(MeetingKind)
    left, right = st.columns(2)
    held_on = left.date_input(
        t.HELD_ON,
        value=meeting.held_on if meeting else today,
        max_value=today,
        format=DATE_INPUT_FORMAT,
        key=f"{key}_on",
    )
    kind = right.selectbox(
        t.KIND,
        kinds,
        index=kinds.index(meeting.kind) if meeting else 0,
        format_func=lambda kind: kind.value,
        key=f"{key}_kind",
    )
    title = st.text_input(
        t.MEETING_TITLE, value=meeting.title if meeting else "", key=f"{key}_title"
    )
    left, right = st.columns(2)
    participants = left.number_input(
        t.PARTICIPANT_COUNT,
        min_value=0,
        step=1,
        value=meeting.participants if meeting else None,
        key=f"{key}_participants",
    )
    registered = right.number_input(
        t.REGISTERED_COUNT,
        min_value=0,
        step=1,
        value=meeting.registered if meeting else None,
        key=f"{key}_registered",
    )
    questions = st.text_area(
        t.QUESTION_LINES,
        value="\n".join(meeting.questions) if meeting else "",
        key=f"{key}_questions",
    )
    return {
        "held_on": held_on,
        "kind": kind,
        "title": title,
        "participants": participants,
        "registered": registered,
        "questions": [line for line in questions.splitlines() if line.strip()],
    }


def render_new_meeting(actor: Actor, today: dt.date) -> None:
    with st.expander(t.NEW_MEETING):
        key = f"family_meeting_{_generation()}"
        with st.form(key):
            values = _meeting_fields(key, today)
            if st.form_submit_button(t.SAVE_MEETING, type="primary"):
                made = save(create_meeting, actor=actor, today=today, **values)
                if made is not None:
                    st.session_state[WANTED_MEETING] = made.id
                    label = f"{made.kind.value} {date_long_da(made.held_on)}"
                    _saved(t.MEETING_SAVED.format(label=label))


def render_meeting_form(actor: Actor, meeting: MeetingView, today: dt.date) -> None:
    with st.expander(t.EDIT_MEETING):
        name = f"family_edit_meeting_{meeting.id}"
        key, base = edit_form(name, meeting.version)
        with st.form(key):
            values = _meeting_fields(key, today, meeting)
            if st.form_submit_button(t.UPDATE_MEETING, type="primary"):
                saved = save(
                    update_meeting,
                    form=name,
                    actor=actor,
                    meeting_id=meeting.id,
                    base_version=base,
                    values=values,
                    today=today,
                )
                if saved is not None:
                    reset_form(name)
                    _saved(t.MEETING_UPDATED)


def _parse(meeting_id: int) -> Callable[[bytes, str], ParsedInputs]:
    def read(data: bytes, filename: str) -> ParsedInputs:
        with session_scope() as session:
            return parse_inputs(session, data, filename, meeting_id=meeting_id)

    return read


def render_import(actor: Actor, meeting: MeetingView) -> None:
    """A file of items for this meeting: checked whole, every error with line and column."""
    with st.expander(t.IMPORT_TITLE):
        st.caption(t.IMPORT_HELP)
        st.download_button(
            t.TEMPLATE, import_template(), file_name="input-skabelon.csv", mime="text/csv"
        )
        upload = choose_file(
            upload_texts.CHOOSE_FILE, ["csv", "xlsx"], key=f"family_upload_{_generation()}"
        )
        if upload is None:
            forget(_PARSED)
            return
        read = once_per_file(
            _PARSED, upload, _parse(meeting.id), depends_on=(meeting.id, meeting.items)
        )
        if read.value is None:
            st.error(inert(read.error))
            return
        parsed = read.value
        if parsed.problems:
            st.error(upload_texts.PROBLEMS.format(count=number_da(len(parsed.problems))))
            st.html(problem_rows_html(parsed.problems))
            return
        items = count_da(len(parsed.rows), *t.ITEMS)
        st.success(t.IMPORT_PREVIEW.format(items=items))
        if st.button(t.IMPORT_APPLY, type="primary"):
            applied = run_command(apply_input_import, actor=actor, parsed=parsed)
            if applied is not None:
                forget(_PARSED)
                _saved(t.IMPORT_APPLIED.format(items=count_da(applied, *t.ITEMS)))
