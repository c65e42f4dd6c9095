"""A synthetic, plainly labelled demo data set of restoration cases, and its removal.

About 400 cases (A.1 with 1–6 missing steps each, and C.1 lost-earnings cases), reviewed from
autumn 2024, with steps closed along an S-curve around the turn of 2025/26. Deterministic for a
given seed. Every demo case has `is_demo` set and a reference starting with DEMO-.
"""

from __future__ import annotations

import datetime as dt
import math
import random
from decimal import Decimal

import sqlalchemy as sa
from sqlmodel import Session, select

from models.auth.users import MANAGE_USERS, Actor, authorize
from models.core.db import chunked
from models.restoration.tables import MissingStep, RestorationCase, vocabulary

DEMO_PREFIX = "DEMO-"
REVIEW_START = dt.date(2024, 9, 2)
REVIEW_END = dt.date(2025, 3, 31)
S_CURVE_MIDDLE = dt.date(2025, 12, 1)
S_CURVE_SCALE_DAYS = 60
DEADLINE = dt.date(2026, 6, 30)


def _day_between(rng: random.Random, start: dt.date, end: dt.date) -> dt.date:
    return start + dt.timedelta(days=rng.randint(0, (end - start).days))


def _logistic_day(rng: random.Random) -> dt.date:
    u = min(max(rng.random(), 1e-6), 1 - 1e-6)
    offset = S_CURVE_SCALE_DAYS * math.log(u / (1 - u))
    return S_CURVE_MIDDLE + dt.timedelta(days=round(offset))


def _weighted(rng: random.Random, options: tuple[str, ...], weights: tuple[float, ...]) -> str:
    return rng.choices(options, weights=weights[: len(options)])[0]


def _a1_case(rng: random.Random, number: int, today: dt.date) -> tuple[dict, list[dict]]:
    vocab = vocabulary()
    reviewed = _day_between(rng, REVIEW_START, REVIEW_END)
    plan = reviewed + dt.timedelta(days=rng.randint(14, 60))
    informed = plan + dt.timedelta(days=rng.randint(0, 21))
    steps = []
    for step_type in rng.sample(vocab.step_types, rng.randint(1, 6)):
        due = _day_between(rng, plan + dt.timedelta(days=28), DEADLINE)
        done = max(_logistic_day(rng), plan + dt.timedelta(days=7))
        steps.append(
            {"step_type": step_type, "due_on": due, "done_on": done if done <= today else None}
        )
    dones = [step["done_on"] for step in steps]
    case = {
        "reference": f"{DEMO_PREFIX}A1-{number:04d}",
        "team": _weighted(rng, vocab.teams, (55, 30, 15)),
        "track_code": "A.1",
        "concern": _weighted(rng, vocab.concern_levels, (25, 45, 30)),
        "legality": _weighted(rng, vocab.legality, (15, 35, 50)),
        "reviewed_on": reviewed,
        "plan_made_on": plan if plan <= today else None,
        "family_informed_on": informed if informed <= today else None,
        "restored_on": max(dones) if all(dones) else None,  # type: ignore[type-var]
    }
    return case, steps


def _c1_case(rng: random.Random, number: int, today: dt.date) -> dict:
    reviewed = _day_between(rng, dt.date(2024, 11, 1), dt.date(2025, 5, 30))
    recalculated = reviewed + dt.timedelta(days=rng.randint(7, 300))
    informed = recalculated + dt.timedelta(days=rng.randint(3, 40))
    done = recalculated <= today
    return {
        "reference": f"{DEMO_PREFIX}C1-{number:04d}",
        "team": "Handicap",
        "track_code": "C.1",
        "reviewed_on": reviewed,
        "recalculated_on": recalculated if done else None,
        "family_informed_on": informed
        if done and informed <= today and rng.random() < 0.8
        else None,
        "correction_dkk": Decimal(round(rng.gauss(1500, 9000), -1)).quantize(Decimal("0.01"))
        if done
        else None,
    }


def seed_demo(
    session: Session, *, actor: Actor, today: dt.date, cases: int = 400, seed: int = 2024
) -> int:
    """Replace any demo cases with a fresh set of `cases` (admin only); returns the count."""
    authorize(session, actor, MANAGE_USERS)
    remove_demo(session, actor=actor)
    rng = random.Random(seed)  # noqa: S311  (synthetic demo data, not security)
    c1_count = cases * 3 // 20
    step_rows: list[tuple[str, dict]] = []
    for number in range(1, cases - c1_count + 1):
        case, steps = _a1_case(rng, number, today)
        session.add(RestorationCase(**case, is_demo=True))
        step_rows += [(case["reference"], step) for step in steps]
    for number in range(1, c1_count + 1):
        session.add(RestorationCase(**_c1_case(rng, number, today), is_demo=True))
    session.flush()
    ids = dict(
        session.exec(
            select(RestorationCase.reference, RestorationCase.id).where(
                RestorationCase.is_demo == sa.true()
            )
        ).all()
    )
    if step_rows:
        session.execute(
            sa.insert(MissingStep), [{"case_id": ids[ref], **step} for ref, step in step_rows]
        )
    return cases


def remove_demo(session: Session, *, actor: Actor) -> int:
    """Delete every demo case and its steps (admin only); returns how many cases went."""
    authorize(session, actor, MANAGE_USERS)
    demo_ids = list(
        session.exec(select(RestorationCase.id).where(RestorationCase.is_demo == sa.true()))
    )
    for chunk in chunked(demo_ids):
        session.exec(sa.delete(MissingStep).where(MissingStep.case_id.in_(chunk)))  # type: ignore[attr-defined]
        session.exec(sa.delete(RestorationCase).where(RestorationCase.id.in_(chunk)))  # type: ignore[union-attr]
    return len(demo_ids)
