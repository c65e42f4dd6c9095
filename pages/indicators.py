"""Effektmål: every indicator's latest value, its status against the target, trend and freshness."""

from __future__ import annotations

import datetime as dt
from html import escape

import streamlit as st

from components import texts
from components.case_upload import problem_rows_html
from components.commands import run_command, show_flash
from components.data import check_measurement_file, load_indicator_cards
from components.indicator_charts import indicator_chart
from components.shell import current_actor, require_shell
from components.status_html import PLAN_CSS
from components.widgets import choose_many
from models.auth.users import EDIT_PLAN, READ_INTERNAL, Actor
from models.core.formatting import date_da, number_da
from models.core.time import today_local
from models.core.uploads import UploadError
from models.indicators.measurement_import import apply_measurements
from models.indicators.rules import FREQUENCY_LABELS, TargetStatus
from models.indicators.service import IndicatorCard, record_measurement

STATUS_STYLE = {
    TargetStatus.on_target: ("#009E73", "#1A1A1A", "✓"),
    TargetStatus.near: ("#E69F00", "#1A1A1A", "≈"),
    TargetStatus.off_target: ("#D55E00", "#FFFFFF", "✗"),
    TargetStatus.no_target: ("#BBBBBB", "#1A1A1A", "–"),
    TargetStatus.no_data: ("#BBBBBB", "#1A1A1A", "?"),
}


def badge(card: IndicatorCard) -> str:
    background, color, symbol = STATUS_STYLE[card.status]
    parts = [
        f'<span class="status-badge" style="background:{background};color:{color}">'
        f"{symbol} {escape(card.status.value)}</span>"
    ]
    if card.stale:
        parts.append(f'<span class="overdue-mark">⚠ {texts.IND_STALE}</span>')
    if card.public:
        parts.append(f'<span class="meta-tag">{texts.IND_PUBLIC}</span>')
    return " ".join(parts)


def render_card(card: IndicatorCard, actor: Actor, today: dt.date) -> None:
    with st.container(border=True):
        place = f"{card.theme_code} / {card.track_code}" if card.track_code else card.theme_code
        st.markdown(f"**{card.name}** · {place}")
        latest = card.latest
        st.html(badge(card))
        if latest is None:
            st.caption(texts.IND_NO_DATA)
        else:
            st.markdown(
                texts.IND_LATEST.format(
                    value=number_da(latest.value), unit=card.unit, date=date_da(latest.measured_on)
                )
                + (f" · {texts.IND_TREND.format(trend=card.trend.value)}" if card.trend else "")
            )
        target = card.target.describe(card.unit) if card.target else None
        st.caption(
            (texts.IND_TARGET.format(target=target) if target else texts.IND_NO_TARGET)
            + f" · {texts.IND_FRESH.format(frequency=FREQUENCY_LABELS[card.frequency])}"
            + f" · {texts.IND_SOURCE.format(source=card.source)}"
        )
        if card.measurements:
            st.altair_chart(indicator_chart(card), width="stretch")
        st.caption(card.description)
        if actor.role in EDIT_PLAN:
            with (
                st.expander(texts.IND_RECORD),
                st.form(f"measure_{card.code}", clear_on_submit=True),
            ):
                day = st.date_input(
                    texts.IND_DATE, value=today, max_value=today, format="DD-MM-YYYY"
                )
                value = st.number_input(
                    texts.IND_VALUE.format(unit=card.unit), value=None, step=1.0
                )
                comment = st.text_input(texts.IND_COMMENT, max_chars=500)
                if st.form_submit_button(texts.IND_SAVE):
                    run_command(
                        record_measurement,
                        success=texts.IND_SAVED.format(name=card.name),
                        actor=actor,
                        indicator_code=card.code,
                        measured_on=day,
                        value=value,
                        comment=comment,
                        today=today,
                    )


def render_import(actor: Actor, today: dt.date) -> None:
    with st.expander(texts.IND_IMPORT):
        st.caption(texts.IND_IMPORT_HELP)
        key = f"measure_upload_{st.session_state.get('measure_generation', 0)}"
        upload = st.file_uploader(texts.R_UPLOAD, type=["csv", "xlsx"], key=key)
        if upload is None:
            return
        try:
            parsed = check_measurement_file(upload.getvalue(), upload.name, today)
        except UploadError as error:
            st.error(str(error))
            return
        if parsed.problems:
            st.error(texts.R_PROBLEMS.format(count=len(parsed.problems)))
            st.html(problem_rows_html(parsed.problems))
            return
        if st.button(texts.IND_IMPORT_APPLY.format(count=len(parsed.rows)), type="primary"):
            st.session_state["measure_generation"] = (
                st.session_state.get("measure_generation", 0) + 1
            )
            run_command(
                apply_measurements,
                success=texts.IND_IMPORTED.format(count=len(parsed.rows)),
                actor=actor,
                parsed=parsed,
                today=today,
            )


require_shell(__file__, READ_INTERNAL)
actor = current_actor()
today = today_local()
st.html(PLAN_CSS)
st.title(texts.IND_TITLE)
show_flash()
st.caption(texts.IND_INTRO)
cards = load_indicator_cards(today)
themes = sorted({card.theme_code for card in cards})
chosen = choose_many(texts.IND_THEMES, themes)
shown = [card for card in cards if not chosen or card.theme_code in chosen]
columns = st.columns(2)
for index, card in enumerate(shown):
    with columns[index % 2]:
        render_card(card, actor, today)
if actor.role in EDIT_PLAN:
    render_import(actor, today)
