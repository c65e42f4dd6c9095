"""Server-side timings on a scaled database: script runs (AppTest), saves, exports, a report.

- Script run per page: each page's warm rerun with AppTest (the tests' served mode), logged in
  as the role the page benchmark uses, interleaved with an empty page's run (the floor).
- Rerun after a widget change: the overview's period (date input) switched between the last
  7 and the last 30 days, a run each (target ≤ 150 ms at factor 1); and the change log's
  script run with its period set to the last two years.
- 50 saves: one `save_action_edits` of 50 actions (two fields each) as the editor (< 100 ms).
- Exports, model level (< 2 s at factor 100 each): the status report's Word, PDF, Excel and
  PNG (the newest report against the one before), the state now (`report_now`), the deck's
  PowerPoint, the status workbook, the change log's CSV over two years.
- A status report: `create_snapshot` (it rebuilds the state now).

Run: .venv/bin/python -m benchmarks.server_side --url sqlite:////tmp/x.db [--runs 3]
     (changes the database: saves and a report; build it with `python -m benchmarks.scale`)
"""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import os
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from benchmarks.pages import PageCase, page_cases
from benchmarks.save_changes import time_saves
from benchmarks.scale import BENCH_USERS
from benchmarks.servers import COOKIE_KEY
from models.auth.users import Actor, Role
from models.core.db import dispose_engines, get_engine, session_scope
from models.core.settings import get_settings
from models.core.time import local_day_start, today_local
from models.plan.change_log import changes_csv, list_changes
from models.plan.queries import get_plan
from models.plan.status_workbook import build_status_workbook
from models.presentation.aggregates import build_deck
from models.presentation.pptx import build_pptx
from models.reports.charts import chart_png, status_by_theme
from models.reports.compare import compare
from models.reports.document import appendix, build_docx, build_pdf
from models.reports.snapshots import create_snapshot, list_snapshots, load_report, report_now
from models.reports.xlsx import build_report_xlsx

FLOOR = "import streamlit as st\nst.write('floor')\n"
CHANGE_LOG_DAYS = 730


@dataclass
class ServerSide:
    floor: list[float] = field(default_factory=list)
    pages: dict[PageCase, list[float]] = field(default_factory=dict)
    first: dict[PageCase, float] = field(default_factory=dict)
    widget_rerun: list[float] = field(default_factory=list)
    change_log_two_years: list[float] = field(default_factory=list)
    saves: list[float] = field(default_factory=list)
    exports: dict[str, list[float]] = field(default_factory=dict)
    snapshot: float = float("nan")


def timed(run: Callable[[], object]) -> float:
    started = time.perf_counter()
    run()
    return time.perf_counter() - started


def use_database(url: str) -> None:
    """Point this process's settings and engines at `url`."""
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DASHBOARD_COOKIE_KEY", COOKIE_KEY)
    get_settings.cache_clear()
    dispose_engines()


def script_runs(result: ServerSide, runs: int) -> None:
    """Every page's warm rerun against the floor's, interleaved; the overview's widget rerun."""
    from streamlit.testing.v1 import AppTest

    from tests.pages.apptest import new_app  # the same served-mode AppTest as the tests

    # Cached readers called outside a script run warn that there is no ScriptRunContext.
    logging.getLogger("streamlit.runtime.scriptrunner_utils.script_run_context").addFilter(
        lambda record: "missing ScriptRunContext" not in record.getMessage()
    )
    floor = AppTest.from_string(FLOOR)
    floor.run()
    for case in page_cases():
        at = new_app(BENCH_USERS[case.role])
        at.run(timeout=300)
        at.switch_page(f"pages/{case.name}.py")
        result.first[case] = timed(lambda at=at: at.run(timeout=300))
        if at.exception:
            print(f"  {case.name}: {at.exception[0].value}")
        times = result.pages.setdefault(case, [])
        for _ in range(runs):
            result.floor.append(timed(floor.run))
            times.append(timed(lambda at=at: at.run(timeout=300)))
    at = new_app(BENCH_USERS[Role.viewer])
    at.run(timeout=300)
    today = today_local()
    for number in range(2 * runs):
        days = 30 if number % 2 == 0 else 7
        at.date_input(key="overview_period").set_value((today - dt.timedelta(days=days), today))
        result.widget_rerun.append(timed(lambda: at.run(timeout=300)))
        assert not at.exception, [e.value for e in at.exception]
    at.switch_page("pages/change_log.py")
    at.run(timeout=300)
    at.date_input[0].set_value((today - dt.timedelta(days=CHANGE_LOG_DAYS), today))
    for _ in range(runs):
        result.change_log_two_years.append(timed(lambda: at.run(timeout=300)))
        assert not at.exception, [e.value for e in at.exception]


def saves(result: ServerSide, runs: int) -> None:
    editor = Actor(BENCH_USERS[Role.editor], Role.editor)
    result.saves.extend(time_saves(get_engine(), editor, runs))


def exports(result: ServerSide, runs: int) -> None:
    today = today_local()
    with session_scope() as session:
        names = [snapshot.name for snapshot in list_snapshots(session)]
        plan = get_plan(session)
    newest, before = names[0], names[1] if len(names) > 1 else None
    municipality = plan.municipality if plan else ""

    def content() -> object:
        with session_scope() as session:
            report = load_report(session, newest)
            comparison = compare(load_report(session, before), report) if before else None
        return report, comparison, appendix(report, comparison, municipality, author="Benchmark")

    report, comparison, document = content()

    def in_session(build: Callable) -> Callable[[], object]:
        def run() -> object:
            with session_scope() as session:
                return build(session)

        return run

    since = local_day_start(today - dt.timedelta(days=CHANGE_LOG_DAYS))
    builders: dict[str, Callable[[], object]] = {
        "report: load and compare": content,
        "report: Word (docx)": lambda: build_docx(document),  # type: ignore[arg-type]
        "report: PDF": lambda: build_pdf(document),  # type: ignore[arg-type]
        "report: Excel (xlsx)": lambda: build_report_xlsx(report, comparison),  # type: ignore[arg-type]
        "report: chart (PNG)": lambda: chart_png(status_by_theme(report)),  # type: ignore[arg-type]
        "state now (report_now)": in_session(lambda s: report_now(s, today=today)),
        "deck (pptx)": in_session(lambda s: build_pptx(build_deck(s, today=today))),
        "status workbook (xlsx)": in_session(build_status_workbook),
        "change log CSV, 2 years": in_session(lambda s: changes_csv(list_changes(s, since=since))),
    }
    for name, build in builders.items():
        result.exports[name] = [timed(build) for _ in range(runs)]


def snapshot(result: ServerSide) -> None:
    today = today_local()
    started = time.perf_counter()
    with session_scope(write=True) as session:
        create_snapshot(
            session,
            actor=Actor(BENCH_USERS[Role.editor], Role.editor),
            name=f"Benchmark {time.time_ns()}",
            taken_on=today,
            today=today,
        )
    result.snapshot = time.perf_counter() - started


def run_server_side(url: str, runs: int, progress: Callable[[str], None] = print) -> ServerSide:
    use_database(url)
    result = ServerSide()
    for name, step in (
        ("script runs", lambda: script_runs(result, runs)),
        ("saves", lambda: saves(result, max(runs, 10))),
        ("exports", lambda: exports(result, runs)),
        ("snapshot", lambda: snapshot(result)),
    ):
        progress(f"  {name}: {timed(step):.1f} s")
    dispose_engines()
    return result


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--url", required=True)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    result = run_server_side(args.url, args.runs)
    base = median(result.floor)
    for case, times in result.pages.items():
        print(
            f"{case.name:<16}{case.role.value:<10} script median {median(times):.3f} s "
            f"({median(times) / base:.1f}× floor {base:.3f} s), first {result.first[case]:.3f} s"
        )
    print(f"overview rerun after a date change: median {median(result.widget_rerun):.3f} s")
    print(f"change log over two years: median {median(result.change_log_two_years):.3f} s")
    print(f"50 saves: median {median(result.saves) * 1000:.0f} ms")
    for name, times in result.exports.items():
        print(f"{name}: median {median(times):.2f} s")
    print(f"create_snapshot: {result.snapshot:.2f} s")


if __name__ == "__main__":
    main()
