"""An edit is visible on the next page load of every page that shows it (issue 19).

For each kind of edit (an action's status, a key message, an indicator measurement, a case
import) and each page that shows that data: the page is loaded twice before the edit (the
second load is served by whatever the first one cached, and must look the same), the edit is
made — in this process through the models' write function, or in another process writing to
the same database (`python -m tests.pages.edits`, as a second server or `manage.py` would) —
and a fresh load of the page must then show it. Every page also names what it must show
after the edit (`NEW`): a text that was not on the page before. On SQLite and PostgreSQL.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from models.auth.users import Actor, Role
from models.core.db import dispose_engines, get_engine, session_scope
from models.core.settings import get_settings
from models.core.time import today_local
from tests.factories import make_user
from tests.pages import edits
from tests.pages.apptest import USERS, new_app, rendered_text

PROJECT_ROOT = Path(__file__).resolve().parents[2]
SLIDES = 9


@dataclass(frozen=True)
class Page:
    script: str
    username: str = "hanna"  # admin: sees every page
    query: tuple[tuple[str, str], ...] = ()


PAGES = {
    "overview": Page("pages/overview.py"),
    "tema_a": Page("pages/tema_a.py"),
    "my_actions": Page("pages/my_actions.py", "erik"),  # erik owns the edited action
    "change_log": Page("pages/change_log.py"),
    "reports": Page("pages/reports.py", "vera"),  # the "Status nu" comparison
    "reports_editor": Page("pages/reports.py", "erik"),  # with the key messages' form
    **{
        f"slide_{n}": Page("pages/presentation.py", "pia", (("slide", str(n)),))
        for n in range(1, SLIDES + 1)
    },
    "status_figures": Page("pages/status_figures.py", "vera"),
    "indicators": Page("pages/indicators.py"),
    "restoration": Page("pages/restoration.py", "vera"),
    "public_site": Page("pages/public_site.py"),
}

# edit kind -> the pages that show its data (found by rendering every page before and after
# each edit: the other pages do not change)
SHOWN_ON: dict[str, tuple[str, ...]] = {
    "status": (
        "overview",
        "tema_a",
        "my_actions",
        "change_log",
        "reports",
        "slide_3",
        "status_figures",
        "public_site",
    ),
    "key_message": ("reports_editor", "slide_4"),  # and the report files (test_cache_revisions)
    "measurement": ("indicators",),
    "case_import": ("overview", "reports", "slide_2", "slide_5", "restoration", "public_site"),
}

# What the page shows after the edit, if it can be named as one text (else: any difference).
NEW: dict[tuple[str, str], str] = {
    ("key_message", "reports_editor"): edits.NEW_POINT,
    ("key_message", "slide_4"): edits.NEW_POINT,
    ("measurement", "indicators"): edits.MEASURED,
}

# What changes on its own from one load to the next: moments of the day, and the ids of
# download files (a file's bytes carry the moment it was built: not the page's data).
VOLATILE = re.compile(
    r"\d{1,2}[.:]\d{2}(?:[.:]\d{2})?|\d{4}-\d{2}-\d{2}T[\d:.+]+"
    r"|/media/\w+\.\w+|deferred_file_id: \"\w+\""
)


def render(page: Page) -> str:
    at: AppTest = new_app(page.username)
    for name, value in page.query:
        at.query_params[name] = value
    at.run()
    at.switch_page(page.script)
    for name, value in page.query:
        at.query_params[name] = value
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return VOLATILE.sub("<t>", rendered_text(at))


@pytest.fixture
def app_database(seeded_db_url: str, monkeypatch: pytest.MonkeyPatch) -> str:
    """The app's database (DATABASE_URL) on each backend: the seeded plan, USERS, erik owning
    the edited action, and one status report to compare "now" with."""
    monkeypatch.setenv("DATABASE_URL", seeded_db_url)
    get_settings.cache_clear()
    dispose_engines()
    with session_scope(get_engine(), write=True) as session:
        for username, role in USERS:
            make_user(session, username, role)
    edits.own_the_action("erik")
    from models.reports.snapshots import create_snapshot

    today = today_local()
    with session_scope(get_engine(), write=True) as session:
        create_snapshot(
            session, actor=Actor("erik", Role.editor), name="Før", taken_on=today, today=today
        )
    return seeded_db_url


def edit_in_another_process(kind: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "tests.pages.edits", kind],
        cwd=PROJECT_ROOT,
        env={**os.environ, "PYTHONPATH": str(PROJECT_ROOT)},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("written at"), result.stdout


@pytest.mark.parametrize("where", ["this_process", "other_process"])
@pytest.mark.parametrize("kind", list(SHOWN_ON))
def test_an_edit_shows_on_the_next_load_of_every_page_that_shows_it(
    app_database: str, kind: str, where: str
) -> None:
    pages = SHOWN_ON[kind]
    before = {}
    for name in pages:
        first, cached = render(PAGES[name]), render(PAGES[name])
        assert first == cached, f"{name} differs from one load to the next without an edit"
        new_text = NEW.get((kind, name))
        assert new_text is None or new_text not in first, f"{name} already shows {new_text!r}"
        before[name] = first

    if where == "this_process":
        edits.WRITES[kind]()
    else:
        edit_in_another_process(kind)

    stale = []
    for name in pages:
        after = render(PAGES[name])
        new_text = NEW.get((kind, name))
        if after == before[name] or (new_text is not None and new_text not in after):
            stale.append(name)
    assert not stale, f"after the {kind} edit ({where}) these pages still show the old data"
