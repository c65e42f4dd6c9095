"""The whole benchmark in one run: scale, pages, server-side timings, import; one results file.

Builds a database at `--factor` (benchmarks.scale), runs the page benchmark against the floor
(benchmarks.pages), the server-side timings (benchmarks.server_side) and the 100,000-row
import from the command line (benchmarks.import_cli), then writes
`benchmarks/results/YYYY-MM-DD-factor-N.md` (with `-postgresql` on PostgreSQL) with the
machine's description and every figure beside its target from issue 19, and prints it.

Run: .venv/bin/python -m benchmarks.suite --factor 1 [--runs 3] [--url URL]
     (without --url: a new SQLite file in a temporary folder; a given database must be empty)
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import tempfile
import time
from pathlib import Path

from benchmarks import machine
from benchmarks.import_cli import ImportTiming, import_cli
from benchmarks.pages import PageResults, run_pages, summary_lines, verdict
from benchmarks.scale import Built, build
from benchmarks.server_side import ServerSide, run_server_side

RESULTS_DIR = Path(__file__).resolve().parent / "results"
RERUN_TARGET_S = 0.150
CONCURRENT_TARGET = 3.0
RSS_TARGET_MB = 500
IMPORT_TARGET_S = 10.0
SAVE_TARGET_S = 0.100
EXPORT_TARGET_S = 2.0


def page_target(factor: int) -> float:
    """The issue's ratio target: 1.3× the floor at today's size, 2× at a hundred times."""
    return 2.0 if factor >= 100 else 1.3


def _median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def _row(what: str, figure: str, target: str, met: bool | None) -> str:
    judged = "" if met is None else ("met" if met else "**missed**")
    return f"| {what} | {figure} | {target} | {judged} |"


def target_rows(
    factor: int, pages: PageResults, server: ServerSide, imported: ImportTiming
) -> list[str]:
    base = pages.floor.median
    target = page_target(factor)
    ratios = {case: timings.median / base for case, timings in pages.pages.items()}
    worst = max(ratios, key=lambda case: ratios[case] if ratios[case] == ratios[case] else 1e9)
    over = [
        f"{case.name} ({case.role.value})"
        for case, ratio in ratios.items()
        if verdict(ratio, target) != "met"
    ]
    one, ten = _median(pages.one_session), _median(pages.ten_sessions)
    cpu_one, cpu_ten = _median(pages.cpu_one), _median(pages.cpu_ten)
    floor_one, floor_ten = _median(pages.floor_one), _median(pages.floor_ten)
    rerun = _median(server.widget_rerun)
    save = _median(server.saves)
    exports = {name: _median(times) for name, times in server.exports.items()}
    slowest = max(exports, key=lambda name: exports[name])
    rows = [
        "| what | figure | target (issue 19) | |",
        "|---|---|---|---|",
        _row(
            "pages: median load ÷ floor's median, worst page",
            f"{ratios[worst]:.2f}× ({worst.name}, {worst.role.value}); "
            f"{len(ratios) - len(over)} of {len(ratios)} pages within",
            f"every page ≤ {target:g}× (factor {'100' if target == 2.0 else '1'})",
            not over,
        ),
        _row(
            "overview rerun after a widget change (server script, AppTest)",
            f"{rerun * 1000:.0f} ms",
            "≤ 150 ms at factor 1",
            rerun <= RERUN_TARGET_S if factor == 1 else None,
        ),
        _row(
            "ten sessions open the overview at once ÷ one session (wall)",
            f"{ten / one:.1f}× ({ten:.1f} s ÷ {one:.1f} s); server CPU {cpu_ten / cpu_one:.1f}×; "
            f"the empty page in the same run: {floor_ten / floor_one:.1f}× "
            f"({floor_ten:.1f} s ÷ {floor_one:.1f} s)",
            "≤ 3×",
            ten / one <= CONCURRENT_TARGET,
        ),
        _row(
            "server RSS with ten sessions (after every page)",
            f"{pages.rss_ten_sessions:.0f} MB (after every page {pages.rss_after_pages:.0f} MB, "
            f"peak {pages.rss_peak:.0f} MB)",
            "< 500 MB at factor 100",
            pages.rss_ten_sessions < RSS_TARGET_MB if factor >= 100 else None,
        ),
        _row(
            f"import-cases, {imported.rows:,} rows, end to end (manage.py)",
            f"{imported.seconds:.1f} s (manage.py --help {imported.startup:.1f} s)",
            "< 10 s",
            imported.seconds < IMPORT_TARGET_S,
        ),
        _row(
            "50 saves (one save_action_edits)",
            f"{save * 1000:.0f} ms",
            "< 100 ms",
            save < SAVE_TARGET_S,
        ),
        _row(
            "slowest export (model level)",
            f"{exports[slowest]:.2f} s ({slowest})",
            "every export < 2 s at factor 100",
            exports[slowest] < EXPORT_TARGET_S if factor >= 100 else None,
        ),
        _row("create_snapshot (one status report)", f"{server.snapshot:.2f} s", "", None),
    ]
    return rows


def detail_rows(pages: PageResults, server: ServerSide) -> list[str]:
    base = _median(server.floor)
    lines = [
        "| page | role | script median s | × empty script | first run s |",
        "|---|---|--:|--:|--:|",
        f"| empty page (floor) | | {base:.3f} | 1.0 | |",
    ]
    for case, times in server.pages.items():
        lines.append(
            f"| {case.name} | {case.role.value} | {_median(times):.3f} | "
            f"{_median(times) / base:.0f} | {server.first[case]:.3f} |"
        )
    lines.append(
        f"| change_log, period two years | viewer | {_median(server.change_log_two_years):.3f} | "
        f"{_median(server.change_log_two_years) / base:.0f} | |"
    )
    exports = ["| export or step | median s |", "|---|--:|"]
    exports += [f"| {name} | {_median(times):.2f} |" for name, times in server.exports.items()]
    logins = ", ".join(f"{role.value} {seconds:.1f} s" for role, seconds in pages.logins.items())
    return [
        "### Server-side script time per page (AppTest rerun, warm)",
        "",
        *lines,
        "",
        "### Exports and reports (model level)",
        "",
        *exports,
        "",
        f"Logins through the form (click to the first page): {logins}.",
    ]


def results_text(
    factor: int,
    runs: int,
    url: str,
    built: Built,
    pages: PageResults,
    server: ServerSide,
    imported: ImportTiming,
    described: list[tuple[str, str]],
    seconds: float,
) -> str:
    command = f"python -m benchmarks.suite --factor {factor} --runs {runs}"
    lines = [
        f"# Benchmark at factor {factor} ({dt.date.today().isoformat()})",
        "",
        f"`{command}` on {'SQLite' if url.startswith('sqlite') else 'PostgreSQL'}; "
        f"the whole run took {seconds / 60:.1f} min.",
        "",
        "| machine | |",
        "|---|---|",
        *(f"| {name} | {value} |" for name, value in described),
        "",
        "## Data",
        "",
        *(f"- {line}" for line in built.lines()),
        "",
        "## Targets",
        "",
        *target_rows(factor, pages, server, imported),
        "",
        f"## Pages in Chromium ({runs} loads each, interleaved with the floor, fresh context)",
        "",
        *summary_lines(pages, page_target(factor)),
        "",
        "*first*: the untimed first load after the server's start (cold caches); *runs/load*: ",
        "script runs the browser saw per load.",
        "",
        *detail_rows(pages, server),
        "",
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--factor", type=int, default=1)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--url", help="an empty database (default: a temporary SQLite file)")
    args = parser.parse_args()
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder:
        url = args.url or f"sqlite:///{Path(folder) / 'bench.db'}"
        described = machine.describe(url)
        print(f"building factor {args.factor} ...")
        built = build(url, args.factor)
        print("\n".join(built.lines()))
        print("pages in Chromium ...")
        pages = run_pages(url, args.runs)
        print("server-side timings ...")
        server = run_server_side(url, args.runs)
        print("import from the command line ...")
        imported = import_cli(url)
        text = results_text(
            args.factor,
            args.runs,
            url,
            built,
            pages,
            server,
            imported,
            described,
            time.perf_counter() - started,
        )
    suffix = "" if url.startswith("sqlite") else "-postgresql"
    RESULTS_DIR.mkdir(exist_ok=True)
    path = RESULTS_DIR / f"{dt.date.today().isoformat()}-factor-{args.factor}{suffix}.md"
    path.write_text(text, encoding="utf-8")
    print(text)
    print(f"written to {path}")


if __name__ == "__main__":
    main()
