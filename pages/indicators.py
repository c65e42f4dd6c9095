"""Effektmål: every indicator's latest value (as precise as its source), its status against the
target that applies today (a superseded target is shown as history), trend and freshness."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from components.charts import show_chart
from components.commands import flash, run_command, show_flash
from components.indicator_charts import indicator_chart, indicator_figures
from components.readers import load_indicator_cards
from components.safe_text import inert, inert_html
from components.shell import current_actor, require_shell
from components.status_html import PLAN_CSS
from components.texts import indicators as t
from components.texts import uploads as upload_texts
from components.uploads import (
    MEASUREMENT_UPLOAD,
    check_measurement_file,
    choose_file,
    forget,
    problem_rows_html,
)
from components.widgets import choose_many
from models.auth.users import EDIT_PLAN, READ_INTERNAL, Actor
from models.core.formatting import DATE_INPUT_FORMAT, count_da, date_long_da, number_da
from models.core.time import today_local
from models.indicators.measurement_import import apply_measurements
from models.indicators.rules import FREQUENCY_LABELS, TargetState, TargetStatus, with_unit
from models.indicators.service import IndicatorCard, record_measurement

STATUS_STYLE = {
    TargetStatus.on_target: ("#009E73", "#1A1A1A", "✓"),
    TargetStatus.near: ("#E69F00", "#1A1A1A", "≈"),
    TargetStatus.off_target: ("#D55E00", "#000000", "✗"),  # white on vermillion: 3.9:1
    TargetStatus.no_target: ("#BBBBBB", "#1A1A1A", "–"),
    TargetStatus.no_current_target: ("#BBBBBB", "#1A1A1A", "–"),
    TargetStatus.before_target: ("#BBBBBB", "#1A1A1A", "–"),
    TargetStatus.no_data: ("#BBBBBB", "#1A1A1A", "?"),
}


def target_text(card: IndicatorCard) -> str:
    """The target as its source gives it, with its validity at today: a current target with its
    document and period, a historical one as history (not evaluated), a coming one as such."""
    target = card.target
    if target is None:
        return t.NO_TARGET
    described = target.describe(card.unit)
    start, end = date_long_da(target.valid_from), date_long_da(target.valid_to)
    if card.target_state is TargetState.historical:
        if target.for_year is not None:
            text = t.HISTORICAL.format(
                document=target.document, year=target.for_year, target=described
            )
        else:
            text = t.HISTORICAL_TO.format(document=target.document, end=end, target=described)
        notes = [t.SUPERSEDED.format(by=target.superseded_by)] if target.superseded_by else []
        return " · ".join([text, *notes, t.NOT_EVALUATED])
    if card.target_state is TargetState.upcoming:
        return f"{t.UPCOMING.format(start=start, target=described)} · {t.NOT_YET}"
    text = (
        t.TARGET_DOCUMENT.format(document=target.document, target=described)
        if target.document
        else t.TARGET.format(target=described)
    )
    if target.valid_from and target.valid_to:
        text += f" · {t.TARGET_FROM_TO.format(start=start, end=end)}"
    elif target.valid_from:
        text += f" · {t.TARGET_FROM.format(start=start)}"
    elif target.valid_to:
        text += f" · {t.TARGET_TO.format(end=end)}"
    return text


def badge(card: IndicatorCard) -> str:
    background, color, symbol = STATUS_STYLE[card.status]
    parts = [
        f'<span class="status-badge" style="background:{background};color:{color}">'
        f"{symbol} {inert_html(card.status.value)}</span>"
    ]
    if card.stale:
        parts.append(f'<span class="overdue-mark">⚠ {t.STALE}</span>')
    if card.public:
        parts.append(f'<span class="meta-tag">{t.PUBLIC}</span>')
    return " ".join(parts)


def render_card(card: IndicatorCard, actor: Actor, today: dt.date) -> None:
    with st.container(border=True):
        place = f"{card.theme_code} / {card.track_code}" if card.track_code else card.theme_code
        st.markdown(f"**{inert(card.name)}** · {inert(place)}")
        latest = card.latest
        st.html(badge(card))
        if latest is None:
            st.caption(t.NO_DATA)
        else:
            st.markdown(
                inert(
                    t.LATEST.format(
                        value=with_unit(latest.value_text, card.unit), date=latest.date_text
                    )
                    + (f" · {t.TREND.format(trend=card.trend.value)}" if card.trend else "")
                )
            )
        st.caption(
            inert(
                target_text(card)
                + f" · {t.FRESH.format(frequency=FREQUENCY_LABELS[card.frequency])}"
                + f" · {t.SOURCE.format(source=card.source)}"
            )
        )
        if card.measurements:
            show_chart(indicator_chart, (card,), *indicator_figures(card))
        st.caption(inert(card.description))
        if card.target is not None and card.target.source:
            st.caption(inert(t.TARGET_SOURCE.format(source=card.target.source)))
        if actor.role in EDIT_PLAN:
            with (
                st.expander(t.RECORD),
                st.form(f"measure_{card.code}", clear_on_submit=True),
            ):
                day = st.date_input(t.DATE, value=today, max_value=today, format=DATE_INPUT_FORMAT)
                value = st.number_input(t.VALUE.format(unit=card.unit), value=None, step=1.0)
                comment = st.text_input(t.COMMENT, max_chars=500)
                if st.form_submit_button(t.SAVE):
                    run_command(
                        record_measurement,
                        success=t.SAVED.format(name=card.name),
                        actor=actor,
                        indicator_code=card.code,
                        measured_on=day,
                        value=value,
                        comment=comment,
                        today=today,
                    )


def render_import(actor: Actor, today: dt.date) -> None:
    with st.expander(t.IMPORT):
        st.caption(t.IMPORT_HELP)
        key = f"measure_upload_{st.session_state.get('measure_generation', 0)}"
        upload = choose_file(upload_texts.CHOOSE_FILE, ["csv", "xlsx"], key=key)
        if upload is None:
            forget(MEASUREMENT_UPLOAD)
            return
        read = check_measurement_file(upload, today)
        if read.value is None:
            st.error(inert(read.error))
            return
        parsed = read.value
        if parsed.problems:
            st.error(upload_texts.PROBLEMS.format(count=number_da(len(parsed.problems))))
            st.html(problem_rows_html(parsed.problems))
            return
        measurements = count_da(len(parsed.rows), *t.MEASUREMENTS)
        if st.button(t.IMPORT_APPLY.format(measurements=measurements), type="primary"):
            imported = run_command(apply_measurements, actor=actor, parsed=parsed, today=today)
            if imported is not None:  # clear the uploader only when the file went in
                st.session_state["measure_generation"] = (
                    st.session_state.get("measure_generation", 0) + 1
                )
                forget(MEASUREMENT_UPLOAD)
                flash(t.IMPORTED.format(measurements=count_da(imported, *t.MEASUREMENTS)))
                st.rerun()


require_shell(__file__, READ_INTERNAL)
actor = current_actor()
today = today_local()
st.html(PLAN_CSS)
st.title(t.TITLE)
show_flash()
st.caption(t.INTRO)
cards = load_indicator_cards(today)
themes = sorted({card.theme_code for card in cards})
chosen = choose_many(t.THEMES, themes)
shown = [card for card in cards if not chosen or card.theme_code in chosen]
columns = st.columns(2)
for index, card in enumerate(shown):
    with columns[index % 2]:
        render_card(card, actor, today)
if actor.role in EDIT_PLAN:
    render_import(actor, today)
