"""No lost updates: two sessions, and 20 threads saving at once, on SQLite files and PostgreSQL."""

from __future__ import annotations

import threading
from collections import Counter

import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from models.auth.users import Role
from models.bootstrap import init_db
from models.core.db import session_scope
from models.plan.action_edits import ActionEdit, EditResult, Outcome, save_action_edits
from models.plan.tables import Action, ActionChange
from tests.factories import actor_for, make_user

THREADS = 20


def action_ids(engine: Engine, count: int) -> list[int]:
    with Session(engine) as session:
        return list(session.exec(select(Action.id).order_by(Action.id).limit(count)))


def test_two_sessions_editing_the_same_action(engine: Engine) -> None:
    init_db(engine)
    with Session(engine) as session:
        erik = actor_for(make_user(session, "erik", Role.editor))
        ida = actor_for(make_user(session, "ida", Role.editor))
    (target,) = action_ids(engine, 1)
    # Both editors open the page: each reads the action in its own session.
    with Session(engine) as erik_page, Session(engine) as ida_page:
        base = erik_page.get(Action, target).version
        assert ida_page.get(Action, target).version == base
    # Each save is its own write transaction, as the app does it.
    with session_scope(engine, write=True) as session:
        save_action_edits(
            session,
            actor=erik,
            edits=[ActionEdit(target, base, {"status": "Obs", "note": "Hvorfor"})],
        )
    with session_scope(engine, write=True) as session:
        (late,) = save_action_edits(
            session, actor=ida, edits=[ActionEdit(target, base, {"status": "I gang"})]
        )
    assert (late.outcome, late.current["status"].value, late.last_changed_by) == (
        Outcome.conflict,
        "Obs",
        "erik",
    )
    with Session(engine) as session:
        assert session.get(Action, target).status.value == "Obs"


def test_twenty_threads_saving_at_once_lose_nothing(engine: Engine) -> None:
    init_db(engine)
    with Session(engine) as session:
        editors = [actor_for(make_user(session, f"editor-{n}", Role.editor)) for n in range(4)]
    targets = action_ids(engine, 5)
    results: list[EditResult] = []
    errors: list[BaseException] = []
    lock = threading.Lock()
    start = threading.Barrier(THREADS)

    def worker(n: int) -> None:
        # Threads 0-9 all edit the first action from version 1; the others spread out.
        target = targets[0] if n < 10 else targets[1 + n % 4]
        edit = ActionEdit(target, 1, {"note": f"tråd {n}", "responsible": f"team {n}"})
        try:
            start.wait()
            with session_scope(engine, write=True) as session:
                saved = save_action_edits(session, actor=editors[n % 4], edits=[edit])
            with lock:
                results.extend(saved)
        except BaseException as error:
            with lock:
                errors.append(error)

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    assert errors == []
    assert len(results) == THREADS  # every write either landed or was reported
    outcomes = Counter(result.outcome for result in results)
    saved_per_action = Counter(r.action_id for r in results if r.outcome == Outcome.saved)
    # Each action saw exactly one winner from version 1; the rest are conflicts.
    assert saved_per_action == {target: 1 for target in targets}
    assert outcomes == {Outcome.saved: 5, Outcome.conflict: 15}
    with Session(engine) as session:
        audit_rows = session.exec(select(sa.func.count()).select_from(ActionChange)).one()
        versions = {t: session.get(Action, t).version for t in targets}
    changed_fields = sum(len(r.changed_fields) for r in results if r.outcome == Outcome.saved)
    assert audit_rows == changed_fields == 10
    assert versions == {target: 2 for target in targets}
