"""AppTest renders of the overview page."""

from __future__ import annotations

import pytest

from models.auth.users import Role
from tests.pages.apptest import PLAN, rendered_text, run_app


def section(at, name: str):
    """The attention section (an expander labelled "Name (count)")."""
    (found,) = [e for e in at.expander if e.label.startswith(f"{name} (")]
    return found


def section_html(expander) -> str:
    return "\n".join(str(node.proto) for node in expander.children.values())


@pytest.mark.parametrize("username", ["hanna", "erik", "vera"])
def test_internal_roles_see_the_overview(users: None, username: str) -> None:
    at = run_app(username=username)
    assert at.title[0].value == "Udviklings- og genopretningsplan på familieområdet 2024–2027"
    total = sum(len(track.actions) for theme in PLAN.themes for track in theme.tracks)
    text = rendered_text(at)
    assert f"Handlinger i alt: <b>{total}</b>" in text
    assert [metric.label for metric in at.metric] == [
        "Afsluttet/implementeret",
        "Overskredne",
        "Obs",
    ]
    assert [sub.value for sub in at.subheader] == [
        "Status pr. tema",
        "Kræver opmærksomhed",
        "Siden sidste gennemgang",
        "Tidslinje",
    ]
    assert "Ingen ændringer i perioden." in text
    assert "Logget ind som" in text


def test_the_overview_summarises_this_weeks_changes(users: None) -> None:
    from sqlmodel import select

    from models.auth.users import Actor
    from models.core.db import get_engine, session_scope
    from models.plan.action_edits import ActionEdit, save_action_edits
    from models.plan.tables import Action

    with session_scope(get_engine(), write=True) as session:
        target = session.exec(select(Action).where(Action.code == "A.4.1")).one()
        save_action_edits(
            session,
            actor=Actor("erik", Role.editor),
            edits=[ActionEdit(target.id, target.version, {"status": "Obs", "note": "Venter"})],
        )
    at = run_app(username="vera")
    text = rendered_text(at)
    assert "1 handling er gået fra Kommende opgave til Obs" in text
    assert "1 ny Obs på A.4" in text
    obs = section(at, "Obs")
    assert obs.label == "Obs (1)"
    assert "A.4.1" in section_html(obs)
    assert "Venter" in section_html(obs)  # an Obs shows its note: why


@pytest.fixture
def demo_cases(users: None) -> None:
    import datetime as dt

    from models.auth.users import Actor
    from models.core.db import get_engine, session_scope
    from models.restoration.demo_cases import seed_demo

    with session_scope(get_engine(), write=True) as session:
        seed_demo(session, actor=Actor.command_line(), today=dt.date(2026, 11, 25))


def set_today(monkeypatch: pytest.MonkeyPatch, day: str) -> None:
    import datetime as dt

    monkeypatch.setattr("models.core.time.today_local", lambda: dt.date.fromisoformat(day))


@pytest.mark.parametrize(
    ("today", "kind", "said"),
    [
        ("2026-11-25", "warning", "30. juni 2026 – passeret for 4 måneder siden."),
        ("2026-03-01", "info", "30. juni 2026 – om 3 måneder."),
    ],
)
@pytest.mark.parametrize("page", [None, "pages/restoration.py"], ids=["overview", "restoration"])
def test_the_overview_and_the_restoration_page_say_where_the_deadline_stands(
    demo_cases: None,
    monkeypatch: pytest.MonkeyPatch,
    today: str,
    kind: str,
    said: str,
    page: str | None,
) -> None:
    set_today(monkeypatch, today)
    at = run_app(page, username="vera")
    (box,) = [
        box.value for box in getattr(at, kind) if box.value.startswith("Frist for genopretning")
    ]
    assert box.startswith(f"Frist for genopretning af alle åbne sager: {said}")
    assert box.endswith("manglende sagsskridt er endnu ikke gennemført.")
    assert "medio 2026" not in rendered_text(at)


def test_recurring_and_ongoing_work_is_not_counted_overdue(users: None, monkeypatch) -> None:
    set_today(monkeypatch, "2026-11-25")
    at = run_app(username="vera")
    assert at.metric[1].label == "Overskredne"
    assert at.metric[1].value == "42"  # the README lists them
    overdue = section_html(section(at, "Overskredet"))
    unconfirmed = section_html(section(at, "Ikke bekræftet"))
    for code in ("A.2.6", "D.3.1", "E.4.3"):
        assert f">{code}<" not in overdue
        assert f">{code}<" in unconfirmed
    assert "Ikke bekræftet (hver 6. uge)" in unconfirmed  # A.2.6's own rhythm


def test_a_moved_deadline_shows_both_deadlines_in_the_timeline(users: None) -> None:
    import datetime as dt

    import pyarrow as pa

    from models.auth.users import Actor
    from models.core.db import get_engine, session_scope
    from models.plan.decisions import record_decision

    with session_scope(get_engine(), write=True) as session:
        record_decision(
            session,
            actor=Actor.command_line(),
            decided_on=dt.date(2026, 11, 24),
            body="Børn & Læringsudvalget",
            text="C.1.2 flyttes.",
            deadlines={"C.1.2": dt.date(2027, 3, 31)},
            today=dt.date(2026, 11, 25),
        )
    at = run_app(username="vera")
    timeline = at.get("vega_lite_chart")[-1].proto
    buffers = [timeline.data.data] if timeline.data.data else []
    buffers += [dataset.data.data for dataset in timeline.datasets]
    rows = [row for buffer in buffers for row in pa.ipc.open_stream(buffer).read_all().to_pylist()]
    (moved,) = [row for row in rows if row.get("Nr") == "C.1.2"]
    assert (moved["Slut"].date(), moved["Planens frist"].date()) == (
        dt.date(2027, 3, 31),
        dt.date(2025, 3, 31),
    )
    assert '"Planens frist"' in timeline.spec  # drawn as a tick, with its own tooltip
    unmoved = [row for row in rows if row.get("Nr") == "C.1.1"]
    assert unmoved
    assert unmoved[0]["Planens frist"] is None
