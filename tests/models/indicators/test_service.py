"""Effect goals: seeded only from the seed documents; measurements validated and audited."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from models.auth.users import Actor, PermissionDenied, Role
from models.bootstrap import init_db
from models.core.uploads import UploadError
from models.indicators.measurement_import import apply_measurements, parse_measurements
from models.indicators.rules import TargetStatus, Trend
from models.indicators.service import MeasurementError, indicator_cards, record_measurement
from models.indicators.tables import Indicator, MeasurementChange
from tests.factories import actor_for, make_user

TODAY = dt.date(2026, 11, 23)
D = dt.date

# Every value the seed documents give, with the words of its source.
SEEDED = {
    ("sager-pr-raadgiver", D(2019, 1, 1), 55.0): "nuværende ca. 55 i gennemsnit",
    ("underretninger-pr-aar", D(2014, 12, 31), 524.0): "fra 524 i 2014 til 1023 i 2017",
    ("underretninger-pr-aar", D(2017, 12, 31), 1023.0): "stigning på 95,2 % på 4 år",
    ("anbragte-boern", D(2014, 12, 31), 87.0): "fra 87 pr. 31.12 2014 til 131 pr. 31.12 2018",
    ("anbragte-boern", D(2018, 12, 31), 131.0): "stigning på 50,5 % på 4 år",
    ("underretninger-under-8-aar", D(2018, 12, 31), 36.0): "I 2018 var 36 % af alle",
}
EMPTY = {"sagsbehandlingstid", "sygefravaer", "fratraedelser"}


@pytest.fixture
def seeded(engine: Engine, session: Session) -> Session:
    init_db(engine)
    return session


def cards(session: Session, **kwargs: object) -> dict:
    return {card.code: card for card in indicator_cards(session, today=TODAY, **kwargs)}


def test_seeded_indicators_carry_only_values_from_the_seed_documents(seeded: Session) -> None:
    found = {
        (code, m.measured_on, m.value): m.comment
        for code, card in cards(seeded).items()
        for m in card.measurements
    }
    assert set(found) == set(SEEDED)
    for key, words in SEEDED.items():
        assert words in found[key]
        assert found[key].startswith("Fælles om Forebyggelse")
    assert {code for code, card in cards(seeded).items() if not card.measurements} == EMPTY


def test_targets_and_evaluation_of_the_seeded_values(seeded: Session) -> None:
    by_code = cards(seeded)
    caseload = by_code["sager-pr-raadgiver"]
    assert caseload.target.describe("") == "20–25"
    assert caseload.status == TargetStatus.off_target  # 55 against 20–25
    assert caseload.stale  # a 2019 figure, expected quarterly
    under8 = by_code["underretninger-under-8-aar"]
    assert (under8.status, under8.target.describe("procent")) == (
        TargetStatus.off_target,
        "mindst 50 procent",
    )
    assert by_code["underretninger-pr-aar"].trend == Trend.up
    assert by_code["underretninger-pr-aar"].status == TargetStatus.no_target
    assert by_code["sygefravaer"].status == TargetStatus.no_data


def test_public_only_leaves_out_internal_indicators(seeded: Session) -> None:
    assert set(cards(seeded, public_only=True)).isdisjoint(EMPTY)


def test_an_editor_adds_and_corrects_a_measurement_audited(seeded: Session) -> None:
    editor = actor_for(make_user(seeded, "erik", Role.editor))
    for value in (31, 28):
        record_measurement(
            seeded,
            actor=editor,
            indicator_code="sager-pr-raadgiver",
            measured_on=D(2026, 9, 30),
            value=value,
            comment="Kvartal 3",
            today=TODAY,
        )
    seeded.commit()
    card = cards(seeded)["sager-pr-raadgiver"]
    assert [(m.measured_on, m.value) for m in card.measurements][-1] == (D(2026, 9, 30), 28.0)
    assert card.status == TargetStatus.near  # 28 is within 3 of 25
    assert card.trend == Trend.down
    assert not card.stale  # quarterly; 30 Sep + 3 months is after 23 Nov
    audit = [(c.username, c.old_value, c.new_value) for c in seeded.exec(select(MeasurementChange))]
    assert audit == [("erik", None, 31.0), ("erik", 31.0, 28.0)]


@pytest.mark.parametrize(
    ("code", "value", "day", "message"),
    [
        ("underretninger-under-8-aar", 120, D(2026, 1, 1), "En procent skal ligge mellem 0 og 100"),
        ("anbragte-boern", -3, D(2026, 1, 1), "Et antal antal kan ikke være negativt"),
        ("anbragte-boern", 12.5, D(2026, 1, 1), "Et antal skal være et helt tal"),
        ("anbragte-boern", "mange", D(2026, 1, 1), "'mange' er ikke et tal."),
        ("anbragte-boern", 90, D(2026, 12, 1), "Datoen 01-12-2026 ligger i fremtiden."),
        ("ukendt", 1, D(2026, 1, 1), "Ukendt effektmål 'ukendt'."),
    ],
    ids=["percent", "negative", "not-whole", "not-a-number", "future", "unknown"],
)
def test_invalid_measurements_are_refused(
    seeded: Session, code: str, value: object, day: dt.date, message: str
) -> None:
    with pytest.raises(MeasurementError, match=message):
        record_measurement(
            seeded,
            actor=Actor.command_line(),
            indicator_code=code,
            measured_on=day,
            value=value,
            today=TODAY,
        )


def test_a_viewer_cannot_record_measurements(seeded: Session) -> None:
    viewer = actor_for(make_user(seeded, "vera", Role.viewer))
    with pytest.raises(PermissionDenied):
        record_measurement(
            seeded,
            actor=viewer,
            indicator_code="anbragte-boern",
            measured_on=D(2025, 12, 31),
            value=120,
            today=TODAY,
        )


def test_measurement_import_is_all_or_nothing(engine: Engine, seeded: Session) -> None:
    header = "Effektmål;Dato;Værdi;Kommentar\nanbragte-boern;31-12-2025;120;ok\n"
    bad = header + "sygefravaer;31-12-2025;140;"
    parsed = parse_measurements(seeded, bad.encode(), "maalinger.csv", today=TODAY)
    assert [p.describe("maalinger.csv") for p in parsed.problems] == [
        "maalinger.csv, linje 3, kolonne Værdi: En procent skal ligge mellem 0 og 100 (ikke 140)."
    ]
    with pytest.raises(UploadError, match="intet er indlæst"):
        apply_measurements(seeded, actor=Actor.command_line(), parsed=parsed, today=TODAY)
    good = header + "sygefravaer;31.12.2025;7,5;HR"
    parsed = parse_measurements(seeded, good.encode(), "maalinger.csv", today=TODAY)
    assert apply_measurements(seeded, actor=Actor.command_line(), parsed=parsed, today=TODAY) == 2
    seeded.commit()
    assert cards(seeded)["sygefravaer"].latest.value == 7.5
    assert (
        seeded.exec(select(Indicator).where(Indicator.code == "sygefravaer")).one().public is False
    )
