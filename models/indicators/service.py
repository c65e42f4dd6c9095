"""Effect goals (effektmål): indicators with targets, measurements, every change audited."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlalchemy as sa
import yaml
from sqlmodel import Session, select

from models.auth.users import EDIT_PLAN, Actor, authorize
from models.core.cpr import CPR_MESSAGE, contains_cpr, guards_texts
from models.core.errors import DomainError
from models.core.settings import content_path
from models.core.tabular_files import parse_number
from models.core.time import utcnow
from models.indicators.rules import (
    Frequency,
    Target,
    TargetStatus,
    Trend,
    evaluate,
    is_stale,
    trend,
)
from models.indicators.tables import Indicator, Measurement, MeasurementChange, Unit

INDICATORS_PATH = content_path("indicators.yaml")
MAX_COMMENT = 500
MAX_VALUE = 1_000_000_000


class MeasurementError(DomainError):
    """A measurement that cannot be saved; the message says why in Danish."""


# --- seeding -----------------------------------------------------------------------------


def seed_indicators(session: Session, path: Path = INDICATORS_PATH) -> int:
    """Add indicators (and their source measurements) that are not there yet; never overwrite."""
    created = 0
    for raw in yaml.safe_load(path.read_text(encoding="utf-8")):
        if session.exec(select(Indicator).where(Indicator.code == raw["code"])).first():
            continue
        target = raw.get("target") or {}
        indicator = Indicator(
            code=raw["code"],
            name=raw["name"],
            description=raw.get("description", ""),
            unit=Unit(raw["unit"]).value,
            theme_code=raw["theme"],
            track_code=raw.get("track", ""),
            direction=target.get("direction"),
            target_value=target.get("value"),
            target_low=target.get("low"),
            target_high=target.get("high"),
            tolerance=target.get("tolerance", 0.0),
            target_source=raw.get("target_source", ""),
            frequency=Frequency(raw["frequency"]).value,
            source=raw.get("source", ""),
            public=bool(raw.get("public", False)),
        )
        indicator.target  # noqa: B018  (validates the target)
        session.add(indicator)
        session.flush()
        for item in raw.get("measurements") or []:
            session.add(
                Measurement(
                    indicator_id=indicator.id,
                    measured_on=item["date"],
                    value=float(item["value"]),
                    comment=" ".join(str(item.get("comment", "")).split()),
                    entered_by="kildedokument",
                )
            )
        created += 1
    return created


# --- validation and writes -----------------------------------------------------------------


def validate_measurement(
    indicator: Indicator, value: Any, measured_on: Any, comment: str, today: dt.date
) -> tuple[float, dt.date, str]:
    """Check a value against the indicator's unit and the date; raise ValueError in Danish."""
    try:  # finite, Danish decimal comma; ambiguous forms refused
        parsed = parse_number(value)
    except ValueError as error:
        raise ValueError(f"{error}.") from None
    if parsed is None:
        raise ValueError("Værdien mangler.")
    if abs(parsed) > MAX_VALUE:
        raise ValueError(f"'{value}' er urimeligt stort for et effektmål.")
    number = float(parsed)
    if not isinstance(measured_on, dt.date):
        raise ValueError(f"'{measured_on}' er ikke en dato.")
    if isinstance(measured_on, dt.datetime):
        measured_on = measured_on.date()
    if measured_on > today:
        raise ValueError(f"Datoen {measured_on:%d-%m-%Y} ligger i fremtiden.")
    unit = Unit(indicator.unit)
    if unit == Unit.percent and not 0 <= number <= 100:
        raise ValueError(f"En procent skal ligge mellem 0 og 100 (ikke {value}).")
    if unit in (Unit.count, Unit.days) and number < 0:
        raise ValueError(f"Et antal {unit.value} kan ikke være negativt ({value}).")
    if unit == Unit.count and number != int(number):
        raise ValueError(f"Et antal skal være et helt tal (ikke {value}).")
    comment = comment.strip()
    if len(comment) > MAX_COMMENT:
        raise ValueError(f"Kommentaren må højst være {MAX_COMMENT} tegn.")
    if contains_cpr(comment):
        raise ValueError(CPR_MESSAGE)
    return number, measured_on, comment


@guards_texts(MeasurementError)
def record_measurement(
    session: Session,
    *,
    actor: Actor,
    indicator_code: str,
    measured_on: Any,
    value: Any,
    comment: str = "",
    today: dt.date,
) -> Measurement:
    """Add a measurement, or correct the one on the same date; audited (editors and admins)."""
    authorize(session, actor, EDIT_PLAN)
    indicator = session.exec(select(Indicator).where(Indicator.code == indicator_code)).first()
    if indicator is None:
        raise MeasurementError(f"Ukendt effektmål '{indicator_code}'.")
    try:
        number, day, comment = validate_measurement(indicator, value, measured_on, comment, today)
    except ValueError as error:
        raise MeasurementError(f"{indicator.name}: {error}") from None
    existing = session.exec(
        select(Measurement).where(
            Measurement.indicator_id == indicator.id, Measurement.measured_on == day
        )
    ).first()
    old = existing.value if existing else None
    row = existing or Measurement(indicator_id=indicator.id or 0, measured_on=day, value=number)
    row.value, row.comment, row.entered_by, row.entered_at = (
        number,
        comment,
        actor.username,
        utcnow(),
    )
    session.add(row)
    session.add(
        MeasurementChange(
            indicator_id=indicator.id or 0,
            measured_on=day,
            username=actor.username,
            old_value=old,
            new_value=number,
            comment=comment,
        )
    )
    session.flush()
    return row


# --- reading ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class MeasurementView:
    measured_on: dt.date
    value: float
    comment: str


@dataclass(frozen=True)
class IndicatorCard:
    code: str
    name: str
    description: str
    unit: str
    theme_code: str
    track_code: str
    target: Target | None
    target_source: str
    frequency: Frequency
    source: str
    public: bool
    measurements: list[MeasurementView]
    status: TargetStatus
    trend: Trend | None
    stale: bool

    @property
    def latest(self) -> MeasurementView | None:
        return self.measurements[-1] if self.measurements else None


def indicator_cards(
    session: Session, *, today: dt.date, public_only: bool = False
) -> list[IndicatorCard]:
    """Every indicator (or only the public ones) with its measurements and evaluation."""
    query = select(Indicator).order_by(Indicator.theme_code, Indicator.id)
    if public_only:
        query = query.where(Indicator.public == sa.true())
    indicators = list(session.exec(query))
    measurements: dict[int, list[MeasurementView]] = {}
    for row in session.exec(select(Measurement).order_by(Measurement.measured_on)):
        measurements.setdefault(row.indicator_id, []).append(
            MeasurementView(row.measured_on, row.value, row.comment)
        )
    cards = []
    for indicator in indicators:
        series = measurements.get(indicator.id or 0, [])
        latest = series[-1] if series else None
        frequency = Frequency(indicator.frequency)
        cards.append(
            IndicatorCard(
                code=indicator.code,
                name=indicator.name,
                description=indicator.description,
                unit=indicator.unit,
                theme_code=indicator.theme_code,
                track_code=indicator.track_code,
                target=indicator.target,
                target_source=indicator.target_source,
                frequency=frequency,
                source=indicator.source,
                public=indicator.public,
                measurements=series,
                status=evaluate(latest.value if latest else None, indicator.target),
                trend=trend([m.value for m in series]),
                stale=is_stale(latest.measured_on if latest else None, frequency, today),
            )
        )
    return cards


def measurement_revision(session: Session) -> tuple[int, str, int]:
    """Changes whenever a measurement is added or corrected."""
    count, last = session.exec(
        select(sa.func.count(Measurement.id), sa.func.max(Measurement.entered_at))
    ).one()
    changes = session.exec(select(sa.func.count(MeasurementChange.id))).one()
    return int(count), str(last), int(changes)
