"""Effect goals (effektmål): indicators with targets, measurements, every change audited.

Seeding: `data/indicators.yaml` owns every indicator's own fields (texts, target, the target's
source and validity) and the measurements transcribed from the seed documents; loading it
again brings both up to date and never touches a measurement a user entered or corrected.
"""

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
    DatePrecision,
    Frequency,
    Target,
    TargetState,
    TargetStatus,
    Trend,
    date_label,
    evaluate_at,
    is_stale,
    period_middle,
    read_source_date,
    trend,
    value_label,
)
from models.indicators.tables import Indicator, Measurement, MeasurementChange, Unit

INDICATORS_PATH = content_path("indicators.yaml")
MAX_COMMENT = 500
MAX_VALUE = 1_000_000_000


class MeasurementError(DomainError):
    """A measurement that cannot be saved; the message says why in Danish."""


# --- seeding -----------------------------------------------------------------------------

SOURCE_USER = "kildedokument"
"""`entered_by` of a measurement transcribed from a seed document (never a user's name)."""


@dataclass
class IndicatorSeed:
    """What loading `indicators.yaml` did: indicators created, and rows brought up to date."""

    created: int = 0
    refreshed: int = 0


def _indicator_values(raw: dict[str, Any]) -> dict[str, Any]:
    """The indicator's own fields as the YAML gives them (the YAML owns them all)."""
    target = raw.get("target") or {}
    values = {
        "name": raw["name"],
        "description": " ".join(str(raw.get("description", "")).split()),
        "unit": Unit(raw["unit"]).value,
        "theme_code": raw["theme"],
        "track_code": raw.get("track", ""),
        "direction": target.get("direction"),
        "target_value": target.get("value"),
        "target_low": target.get("low"),
        "target_high": target.get("high"),
        "tolerance": float(target.get("tolerance", 0.0)),
        "target_source": " ".join(str(raw.get("target_source", "")).split()),
        "target_document": raw.get("target_document", ""),
        "target_valid_from": raw.get("target_valid_from"),
        "target_valid_to": raw.get("target_valid_to"),
        "target_for_year": raw.get("target_for_year"),
        "target_superseded_by": raw.get("target_superseded_by", ""),
        "frequency": Frequency(raw["frequency"]).value,
        "source": raw.get("source", ""),
        "public": bool(raw.get("public", False)),
    }
    Indicator(code=raw["code"], **values).target  # noqa: B018  (validates the target)
    return values


def _source_measurements(raw: dict[str, Any]) -> dict[dt.date, dict[str, Any]]:
    """The YAML's measurements by stored date (the last day each date can mean)."""
    found: dict[dt.date, dict[str, Any]] = {}
    for item in raw.get("measurements") or []:
        day, precision = read_source_date(item["date"])
        if day in found:
            raise ValueError(f"{raw['code']}: to målinger med datoen {item['date']}.")
        found[day] = {
            "date_precision": precision,
            "value": float(item["value"]),
            "value_approximate": bool(item.get("approximate", False)),
            "comment": " ".join(str(item.get("comment", "")).split()),
        }
    return found


def _sync_measurements(session: Session, indicator: Indicator, raw: dict[str, Any]) -> bool:
    """Make the indicator's source measurements what the YAML says; True if anything changed.

    A source measurement (`entered_by` SOURCE_USER, never written by `record_measurement`) is
    added, updated or removed with the YAML. A measurement a user entered or corrected (its
    `entered_by` is the user, and it has a `measurement_change` row) is never touched, and no
    source measurement is added on a date where a user's measurement is.
    """
    wanted = _source_measurements(raw)
    changed = False
    existing = session.exec(
        select(Measurement).where(Measurement.indicator_id == indicator.id)
    ).all()
    audited = set(
        session.exec(
            select(MeasurementChange.measured_on).where(
                MeasurementChange.indicator_id == indicator.id
            )
        )
    )
    taken = set()
    for row in existing:
        taken.add(row.measured_on)
        if row.entered_by != SOURCE_USER or row.measured_on in audited:
            continue
        values = wanted.get(row.measured_on)
        if values is None:
            session.delete(row)
            changed = True
            continue
        for key, value in values.items():
            if getattr(row, key) != value:
                setattr(row, key, value)
                changed = True
        session.add(row)
    session.flush()  # deletions first: a moved measurement may take its old row's place
    for day, values in wanted.items():
        if day not in taken:
            session.add(
                Measurement(
                    indicator_id=indicator.id or 0,
                    measured_on=day,
                    entered_by=SOURCE_USER,
                    **values,
                )
            )
            changed = True
    return changed


def seed_indicators(session: Session, path: Path = INDICATORS_PATH) -> IndicatorSeed:
    """Load `indicators.yaml`: add new indicators, bring existing ones (name, description,
    target, its source and validity, frequency, public) and their source measurements up to
    date. Idempotent; measurements users entered or corrected are never touched."""
    report = IndicatorSeed()
    for raw in yaml.safe_load(path.read_text(encoding="utf-8")):
        values = _indicator_values(raw)
        indicator = session.exec(select(Indicator).where(Indicator.code == raw["code"])).first()
        if indicator is None:
            indicator = Indicator(code=raw["code"], **values)
            session.add(indicator)
            session.flush()
            _sync_measurements(session, indicator, raw)
            report.created += 1
            continue
        changed = False
        for key, value in values.items():
            if getattr(indicator, key) != value:
                setattr(indicator, key, value)
                changed = True
        session.add(indicator)
        changed |= _sync_measurements(session, indicator, raw)
        report.refreshed += changed
    session.flush()
    return report


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
        what = "Et antal" if unit == Unit.count else "Et antal dage"
        raise ValueError(f"{what} kan ikke være negativt ({value}).")
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
    # A user's measurement is dated to the day and exact (it may correct a source's "ca. 2019").
    row.date_precision, row.value_approximate = DatePrecision.day, False
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
    measured_on: dt.date  # the last day the date can mean
    value: float
    comment: str
    date_precision: DatePrecision = DatePrecision.day
    value_approximate: bool = False

    @property
    def date_text(self) -> str:
        """The date as precisely as its source gives it: 31. dec. 2018, 2017, ca. 2019."""
        return date_label(self.measured_on, self.date_precision)

    @property
    def value_text(self) -> str:
        """The value in Danish format, "ca. 55" where the source gives an approximation."""
        return value_label(self.value, self.value_approximate)

    @property
    def plotted_on(self) -> dt.date:
        """Where a chart places it: the middle of its month, quarter or year."""
        return period_middle(self.measured_on, self.date_precision)


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
    target_state: TargetState | None = None  # at today; None without a target

    @property
    def latest(self) -> MeasurementView | None:
        return self.measurements[-1] if self.measurements else None

    @property
    def current_target(self) -> Target | None:
        """The target, if it applies today (only then is it drawn and evaluated)."""
        return self.target if self.target_state is TargetState.current else None


def indicator_cards(
    session: Session, *, today: dt.date, public_only: bool = False
) -> list[IndicatorCard]:
    """Every indicator (or only the public ones) with its measurements and evaluation at
    `today`: only a current target is evaluated, staleness counts from the last day the latest
    measurement's date can mean, and an indicator without measurements has no data."""
    query = select(Indicator).order_by(Indicator.theme_code, Indicator.id)
    if public_only:
        query = query.where(Indicator.public == sa.true())
    indicators = list(session.exec(query))
    measurements: dict[int, list[MeasurementView]] = {}
    for row in session.exec(select(Measurement).order_by(Measurement.measured_on)):
        measurements.setdefault(row.indicator_id, []).append(
            MeasurementView(
                row.measured_on,
                row.value,
                row.comment,
                DatePrecision(row.date_precision),
                row.value_approximate,
            )
        )
    cards = []
    for indicator in indicators:
        series = measurements.get(indicator.id or 0, [])
        latest = series[-1] if series else None
        frequency = Frequency(indicator.frequency)
        target = indicator.target
        cards.append(
            IndicatorCard(
                code=indicator.code,
                name=indicator.name,
                description=indicator.description,
                unit=indicator.unit,
                theme_code=indicator.theme_code,
                track_code=indicator.track_code,
                target=target,
                target_source=indicator.target_source,
                frequency=frequency,
                source=indicator.source,
                public=indicator.public,
                measurements=series,
                status=evaluate_at(
                    latest.value if latest else None,
                    target,
                    today,
                    latest.measured_on if latest else None,
                ),
                trend=trend([m.value for m in series]),
                stale=latest is not None
                and is_stale(latest.measured_on, frequency, today, latest.date_precision),
                target_state=target.state(today) if target else None,
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
