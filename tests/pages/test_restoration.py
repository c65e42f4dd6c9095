"""AppTest renders of the restoration page (Genopretning)."""

from __future__ import annotations

from tests.pages.apptest import assert_unreachable, run_app


def test_the_restoration_page_without_data_says_so(users: None) -> None:
    at = run_app("pages/restoration.py", username="vera")
    assert at.title[0].value == "Genopretning af sager"
    assert at.info[0].value.startswith("Der er endnu ingen sager indlæst.")
    assert not at.get("file_uploader")
    assert [button.label for button in at.button] == ["Log ud"]


def test_the_restoration_page_with_demo_data_is_labelled_and_shows_the_figures(
    users: None,
) -> None:
    import datetime as dt

    from models.auth.users import Actor
    from models.core.db import get_engine, session_scope
    from models.restoration.demo_cases import seed_demo

    with session_scope(get_engine(), write=True) as session:
        seed_demo(session, actor=Actor.command_line(), today=dt.date.today())
    at = run_app("pages/restoration.py", username="hanna")
    assert at.warning[0].value.startswith("DEMODATA: 400 af sagerne er syntetiske demosager")
    labels = [metric.label for metric in at.metric]
    assert labels[:8] == [
        "Sager i genopretning",
        "Fuldt genoprettet",
        "Med genopretningsplan",
        "Familier orienteret",
        "Åbne sagsskridt",
        "Tempo, sidste 4 uger",
        "Krævet tempo til fristen",
        "Forventet færdig",
    ]
    assert {"Indlæs demodata", "Fjern demodata"} <= {button.label for button in at.button}
    assert "Indlæs sager fra fagsystemet" in [expander.label for expander in at.expander]


def test_a_presenter_cannot_reach_the_restoration_page(users: None) -> None:
    assert_unreachable("pages/restoration.py", username="pia")
