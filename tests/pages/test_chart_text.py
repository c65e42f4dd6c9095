"""Every chart on a page comes with its text alternative: the sentence as the chart's name
and, one click away, the sentence and the figures as a table."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from tests.pages.apptest import run_app

SHOW = "Vis tallene bag diagrammet"


def _charts(at: AppTest) -> list:
    return list(at.get("vega_lite_chart"))


def test_the_overviews_charts_are_named_by_their_figures(users: None) -> None:
    at = run_app(username="vera")
    charts = _charts(at)
    assert len(charts) == 2
    names = [chart.proto.alt for chart in charts]
    assert names[0].startswith("Tema A: ")
    assert " afsluttet, " in names[0]
    assert names[1].startswith("Tidslinje over ")
    figures = [e for e in at.expander if e.label == SHOW]
    assert len(figures) == 2
    assert figures[0].markdown[0].value.startswith("Tema A: ")
    (table,) = [
        str(node.proto) for node in figures[0].children.values() if "<table" in str(node.proto)
    ]
    assert table.count("<tr>") == 1 + 6  # the header and themes A–F
    assert "Afsluttet/implementeret</th>" in table


def test_status_i_tal_names_its_chart_as_shown(users: None) -> None:
    at = run_app(username="pia")
    at.switch_page("pages/status_figures.py")
    at.run()
    (chart,) = _charts(at)
    assert chart.proto.alt.startswith("Tema A: ")
    assert [e.label for e in at.expander].count(SHOW) == 1
