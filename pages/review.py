"""Ugentlig gennemgang: the steering group walks one ordered agenda, marks items *drøftet*
with a decision, saves the review with its attendees and downloads the minutes (Word)."""

import streamlit as st

from components.commands import run_command, show_flash
from components.exports import review_minutes_docx
from components.readers import load_open_review, load_review_items, load_reviews
from components.review_agenda import render_section
from components.safe_text import inert
from components.shell import current_actor, require_shell
from components.texts import review as t
from models.auth.users import READ_INTERNAL
from models.core.formatting import date_long_da, date_table_da, datetime_long_da
from models.core.settings import get_settings
from models.core.time import today_local
from models.reviews.service import (
    FIRST_REVIEW_DAYS,
    ReviewView,
    Trend,
    agenda_sections,
    close_review,
    section_heading,
    start_review,
)

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
DELTA_COLORS = {Trend.better: "green", Trend.worse: "red"}

require_shell(__file__, READ_INTERNAL)
actor = current_actor()
st.title(t.TITLE)
st.caption(t.INTRO)
show_flash()


def minutes_button(review: ReviewView, key: str) -> None:
    st.download_button(
        t.DOWNLOAD,
        data=review_minutes_docx(review),
        file_name=t.MINUTES_FILE.format(date=date_table_da(review.held_on)),
        mime=DOCX,
        key=key,
        on_click="ignore",
    )


review = load_open_review()
if review is None:
    saved = load_reviews()
    if saved:
        last = saved[0]
        st.info(
            t.LAST.format(
                date=date_long_da(last.held_on),
                user=inert(last.closed_by),
                since=datetime_long_da(last.started_at),
            )
        )
        minutes_button(last, "minutes_last")
    else:
        st.info(t.NONE_YET.format(days=FIRST_REVIEW_DAYS))
    if st.button(t.START, type="primary"):
        run_command(
            start_review,
            actor=actor,
            today=today_local(),
            window_days=get_settings().freshness_days,
            success=t.STARTED,
        )
    if len(saved) > 1:
        with st.expander(t.EARLIER):
            earlier = st.selectbox(
                t.EARLIER_SELECT,
                saved[1:],
                format_func=lambda r: f"{date_long_da(r.held_on)} ({r.closed_by})",
            )
            minutes_button(earlier, "minutes_earlier")
    st.stop()

since = datetime_long_da(review.changes_since)
st.caption(
    t.IN_PROGRESS.format(
        date=date_long_da(review.held_on),
        started=datetime_long_da(review.started_at),
        user=inert(review.started_by),
    )
    + " "
    + (
        t.SINCE_FIRST.format(days=FIRST_REVIEW_DAYS, since=since)
        if review.previous_held_on is None
        else t.SINCE.format(since=since)
    )
)

st.subheader(t.FIGURES)
for column, figure in zip(st.columns(len(review.headline)), review.headline, strict=True):
    column.metric(
        figure.label,
        figure.value,
        delta=figure.delta,
        delta_color=DELTA_COLORS.get(figure.trend, "gray"),
        delta_arrow="off" if not figure.change else ("up" if figure.change > 0 else "down"),
    )
if review.previous_held_on is None:
    st.caption(t.FIGURES_FIRST)
else:
    st.caption(t.FIGURES_SINCE.format(date=date_long_da(review.previous_held_on)))

unsaved = []
sections = agenda_sections(load_review_items(review.id))
for number, (section, items) in enumerate(sections.items(), start=1):
    with st.container(key=f"review_section_{section.name}"):
        st.subheader(section_heading(number, section, items))
        st.caption(t.SECTION_HELP[section])
        if not items:
            st.caption(t.EMPTY_SECTION)
            continue
        unsaved += render_section(review, section, items, actor)

st.subheader(t.CLOSE_HEADING)
attendees = st.text_area(
    t.ATTENDEES, value=review.attendees, help=t.ATTENDEES_HELP, key=f"attendees_{review.id}"
)
if st.button(t.CLOSE, type="primary", help=t.CLOSE_HELP):
    run_command(
        close_review,
        actor=actor,
        review_id=review.id,
        attendees=attendees,
        marks=unsaved,
        success=t.CLOSED,
    )
