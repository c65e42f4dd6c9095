"""The operators' log: JSON lines with identifiers and counts, never content."""

from __future__ import annotations

import io
import json

import pytest

from models.core import applog


@pytest.fixture
def stream() -> io.StringIO:
    buffer = io.StringIO()
    applog.configure(buffer)
    return buffer


def lines(stream: io.StringIO) -> list[dict]:
    return [json.loads(line) for line in stream.getvalue().splitlines()]


def test_an_event_is_one_json_line(stream: io.StringIO) -> None:
    applog.log_event("save", user="erik", role="editor", count=3, conflicts=0, kind=None)
    (entry,) = lines(stream)
    assert entry["event"] == "save"
    assert (entry["user"], entry["role"], entry["count"], entry["conflicts"]) == (
        "erik",
        "editor",
        3,
        0,
    )
    assert "kind" not in entry  # None is left out
    assert entry["level"] == "info"
    assert entry["time"].endswith("+00:00")


@pytest.mark.parametrize("field", ["note", "text", "password", "code", "params"])
def test_a_field_that_could_hold_content_is_refused(stream: io.StringIO, field: str) -> None:
    with pytest.raises(ValueError, match="not a log field"):
        applog.log_event("save", **{field: "hemmeligt"})
    assert stream.getvalue() == ""


MARKER = "MARKØR-7f3a notat om et barn"


def test_a_journey_logs_its_events_and_no_content(stream: io.StringIO, seeded_session) -> None:
    """Log in (a wrong and a right password), save a note with a marker, import cases: the
    log names each event with who and how many, and holds no marker and no password."""
    from sqlmodel import select

    from models.auth.login import attempt_login
    from models.auth.users import Role
    from models.plan.action_edits import ActionEdit, save_action_edits
    from models.plan.tables import Action
    from models.restoration.case_import import apply_import, parse_cases
    from tests.factories import PASSWORD, actor_for, make_user
    from tests.models.restoration.test_case_import import VALID

    erik = make_user(seeded_session, "erik", Role.editor)
    attempt_login(seeded_session, username="erik", password="forkert-hest-batteri")
    attempt_login(seeded_session, username="erik", password=PASSWORD)
    action = seeded_session.exec(select(Action).where(Action.code == "A.1.1")).one()
    save_action_edits(
        seeded_session,
        actor=actor_for(erik),
        edits=[ActionEdit(action.id, action.version, {"status": "Obs", "note": MARKER})],
    )
    apply_import(seeded_session, actor=actor_for(erik), parsed=parse_cases(VALID.encode(), "s.csv"))
    seeded_session.commit()

    entries = lines(stream)
    assert [(e["event"], e.get("outcome")) for e in entries] == [
        ("login", "failure"),
        ("login", "success"),
        ("save", None),
        ("import", None),
    ]
    assert (entries[2]["user"], entries[2]["count"]) == ("erik", 1)
    assert (entries[3]["kind"], entries[3]["count"]) == ("cases", 2)
    text = stream.getvalue()
    for secret in (MARKER, "MARKØR", PASSWORD, "forkert-hest-batteri", "S-0412"):
        assert secret not in text
