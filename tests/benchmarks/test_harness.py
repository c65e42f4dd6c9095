"""The benchmark harness keeps up with the app: it builds what factor N promises, on both
databases, and its page benchmark visits every page a user can open."""

from __future__ import annotations

import pytest

from benchmarks.pages import page_cases
from benchmarks.scale import Size, build
from components.navigation import page_names

# Pages nobody opens in daily use: the login form, the first-run setup and the refusal page.
NOT_BENCHMARKED = {"login", "setup", "no_access"}


def test_the_page_benchmark_visits_every_page() -> None:
    visited = {case.name for case in page_cases()}

    assert visited == set(page_names()) - NOT_BENCHMARKED


@pytest.mark.parametrize(
    ("factor", "cases", "audit_rows", "reports", "users", "months"),
    [
        (1, 400, 520, 1, 2, 12),
        (2, 800, 1040, 2, 4, 24),
        (100, 40_000, 52_000, 100, 200, 60),  # the size: five years of months at most
    ],
)
def test_what_factor_n_means(
    factor: int, cases: int, audit_rows: int, reports: int, users: int, months: int
) -> None:
    assert Size.of(factor) == Size(factor, cases, audit_rows, reports, users, months)


def test_factor_1_builds_today_s_size_through_the_app_s_functions(db_url: str) -> None:
    built = build(db_url, 1, report_calls=1)

    counts = built.counts
    assert counts["cases"] == 400
    assert counts["steps"] > counts["cases"]  # one to five missing steps per case
    assert counts["audit rows"] == 520
    assert counts["reports"] == 1
    assert counts["actions"] == 87  # the plan, seeded by init_db
    assert counts["users"] == 2 + 4  # two per factor, and one benchmark user per role
    assert counts["measurements"] > 0
    assert len(built.report_calls) == 1
