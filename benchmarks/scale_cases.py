"""Synthetic restoration cases as the case system's CSV export, for `benchmarks.scale`.

400 cases per factor: 85 % A.1 cases with 1–5 missing steps (3 on average, so about 1,020
steps per factor) and 15 % C.1 lost-earnings cases without steps, reviewed from autumn 2024,
with steps closed along an S-curve around the turn of 2025/26 (as the app's demo data). Every
date that records something done lies on or before `today`; only step deadlines lie ahead.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
import random

from models.restoration.case_import import COLUMNS
from models.restoration.tables import vocabulary

CASES_PER_FACTOR = 400
C1_SHARE = 0.15
REVIEW_START = dt.date(2024, 9, 2)
REVIEW_DAYS = 210
S_CURVE_MIDDLE = dt.date(2025, 12, 1)
S_CURVE_SCALE_DAYS = 60
DEADLINE = dt.date(2026, 6, 30)


def _day(value: dt.date | None) -> str:
    return value.strftime("%d-%m-%Y") if value else ""


def _closed_on(rng: random.Random, earliest: dt.date, today: dt.date) -> dt.date | None:
    u = min(max(rng.random(), 1e-6), 1 - 1e-6)
    day = S_CURVE_MIDDLE + dt.timedelta(days=round(S_CURVE_SCALE_DAYS * math.log(u / (1 - u))))
    day = max(day, earliest)
    return day if day <= today else None


def _a1_rows(rng: random.Random, number: int, today: dt.date) -> list[list[str]]:
    vocab = vocabulary()
    reviewed = REVIEW_START + dt.timedelta(days=rng.randint(0, REVIEW_DAYS))
    plan = reviewed + dt.timedelta(days=rng.randint(14, 60))
    informed = plan + dt.timedelta(days=rng.randint(0, 21))
    steps = []
    for step_type in rng.sample(vocab.step_types, rng.randint(1, 5)):
        due = plan + dt.timedelta(days=rng.randint(28, max(28, (DEADLINE - plan).days)))
        steps.append((step_type, due, _closed_on(rng, plan + dt.timedelta(days=7), today)))
    dones = [done for _, _, done in steps]
    restored = max(dones) if all(dones) else None  # type: ignore[type-var]
    case = [
        f"S-{number:06d}",
        rng.choices(vocab.teams, weights=(55, 30, 15)[: len(vocab.teams)])[0],
        "A.1",
        rng.choice(vocab.concern_levels),
        rng.choice(vocab.legality),
        _day(reviewed),
        _day(plan if plan <= today else None),
        _day(informed if informed <= today else None),
        _day(restored),
        "",
        "",
    ]
    return [[*case, step_type, _day(due), _day(done)] for step_type, due, done in steps]


def _c1_row(rng: random.Random, number: int, today: dt.date) -> list[str]:
    reviewed = REVIEW_START + dt.timedelta(days=rng.randint(60, 270))
    recalculated = reviewed + dt.timedelta(days=rng.randint(7, 300))
    done = recalculated <= today
    informed = recalculated + dt.timedelta(days=rng.randint(3, 40))
    correction = f"{round(rng.gauss(1500, 9000), -1):.2f}".replace(".", ",") if done else ""
    return [
        f"T-{number:06d}",
        "Handicap",
        "C.1",
        "",
        "",
        _day(reviewed),
        "",
        _day(informed if done and informed <= today else None),
        "",
        _day(recalculated if done else None),
        correction,
        "",
        "",
        "",
    ]


def case_file(cases: int, today: dt.date, seed: int = 2024) -> bytes:
    """`cases` cases as a semicolon CSV in the import's format (UTF-8)."""
    rng = random.Random(seed)  # noqa: S311  (synthetic benchmark data)
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(COLUMNS)
    c1_cases = round(cases * C1_SHARE)
    for number in range(1, cases - c1_cases + 1):
        writer.writerows(_a1_rows(rng, number, today))
    for number in range(1, c1_cases + 1):
        writer.writerow(_c1_row(rng, number, today))
    return buffer.getvalue().encode("utf-8")
