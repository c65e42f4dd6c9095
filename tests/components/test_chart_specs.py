"""Charts are drawn from Vega-Lite specs built once per builder and data (components.charts)."""

from __future__ import annotations

import altair as alt
import pandas as pd
import pyarrow as pa
import pytest
import streamlit as st

from components.charts import chart_spec

CALLS: list[tuple[str, int]] = []


def bars(label: str, count: int) -> alt.Chart:
    CALLS.append((label, count))
    frame = pd.DataFrame({"tema": [label], "antal": [count]})
    return alt.Chart(frame, description="egen beskrivelse").mark_bar().encode(x="antal", y="tema")


@pytest.fixture(autouse=True)
def fresh_cache() -> None:
    st.cache_data.clear()
    CALLS.clear()


def dataset_rows(spec: dict) -> list[dict]:
    """The rows of the spec's one dataset, whatever form Streamlit keeps them in."""
    (data,) = spec["datasets"].values()
    if isinstance(data, bytes):  # Streamlit's Arrow IPC stream, as sent to the browser
        return pa.ipc.open_stream(data).read_all().to_pandas().to_dict("records")
    return pd.DataFrame(data).to_dict("records")


def test_the_spec_holds_the_chart_and_its_data() -> None:
    spec = chart_spec(bars, "A", 7)

    assert spec["mark"]["type"] == "bar"
    assert dataset_rows(spec) == [{"tema": "A", "antal": 7}]
    # the page's accessibility settings; the alt text names the chart, not a description
    assert spec["config"]["mark"]["aria"] is False
    assert spec["config"]["axis"]["aria"] is False
    assert "description" not in spec


def test_a_slide_spec_has_no_page_settings() -> None:
    spec = chart_spec(bars, "A", 7, page=False)

    assert "aria" not in spec.get("config", {}).get("mark", {})
    assert "description" not in spec


def test_the_same_data_builds_once_and_new_data_builds_anew() -> None:
    first = chart_spec(bars, "A", 7)
    again = chart_spec(bars, "A", 7)
    changed = chart_spec(bars, "A", 8)

    assert CALLS == [("A", 7), ("A", 8)]
    assert dataset_rows(again) == dataset_rows(first) == [{"tema": "A", "antal": 7}]
    assert dataset_rows(changed) == [{"tema": "A", "antal": 8}]


def test_a_cached_spec_is_not_changed_by_its_user() -> None:
    spec = chart_spec(bars, "A", 7)
    spec["mark"]["type"] = "line"

    assert chart_spec(bars, "A", 7)["mark"]["type"] == "bar"
