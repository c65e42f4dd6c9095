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
from models.indicators.rules import DatePrecision, TargetState, TargetStatus, Trend
from models.indicators.service import (
    SOURCE_USER,
    MeasurementError,
    indicator_cards,
    record_measurement,
    seed_indicators,
)
from models.indicators.tables import Indicator, Measurement, MeasurementChange
from tests.factories import actor_for, make_user

TODAY = dt.date(2026, 11, 23)
D = dt.date

# Every value the seed documents give, with the words of its source, shown as precisely (date)
# and as approximately (value) as the source gives it.
SEEDED = {
    ("sager-pr-raadgiver", "ca. 2019", "ca. 55"): "nuværende ca. 55 i gennemsnit",
    ("underretninger-pr-aar", "2014", "524"): "fra 524 i 2014 til 1023 i 2017",
    ("underretninger-pr-aar", "2017", "1.023"): "stigning på 95,2 % på 4 år",
    ("anbragte-boern", "31. december 2014", "87"): "fra 87 pr. 31.12 2014 til 131 pr. 31.12 2018",
    ("anbragte-boern", "31. december 2018", "131"): "stigning på 50,5 % på 4 år",
    ("underretninger-under-8-aar", "2018", "36"): "I 2018 var 36 % af alle",
}
EMPTY = {"sagsbehandlingstid", "sygefravaer", "fratraedelser"}


@pytest.fixture
def seeded(engine: Engine, session: Session) -> Session:
    init_db(engine)
    return session


def cards(session: Session, today: dt.date = TODAY, **kwargs: object) -> dict:
    return {card.code: card for card in indicator_cards(session, today=today, **kwargs)}


def test_seeded_indicators_carry_only_values_from_the_seed_documents(seeded: Session) -> None:
    found = {
        (code, m.date_text, m.value_text): m.comment
        for code, card in cards(seeded).items()
        for m in card.measurements
    }
    assert set(found) == set(SEEDED)
    for key, words in SEEDED.items():
        assert words in found[key]
        assert found[key].startswith("Fælles om Forebyggelse")
    assert {code for code, card in cards(seeded).items() if not card.measurements} == EMPTY


def test_the_seeded_caseload_keeps_its_approximate_year_and_value(seeded: Session) -> None:
    (latest,) = cards(seeded)["sager-pr-raadgiver"].measurements
    assert (latest.date_text, latest.value_text) == ("ca. 2019", "ca. 55")
    assert (latest.measured_on, latest.date_precision) == (
        D(2019, 12, 31),
        DatePrecision.approx_year,
    )
    assert latest.value_approximate


def test_targets_and_evaluation_of_the_seeded_values(seeded: Session) -> None:
    by_code = cards(seeded)
    caseload = by_code["sager-pr-raadgiver"]
    assert caseload.target.describe("") == "20–25"
    assert (caseload.target.valid_from, caseload.target.valid_to) == (
        D(2024, 11, 14),
        D(2027, 12, 31),
    )
    assert caseload.target_state is TargetState.current
    # ca. 2019 says nothing about a target set in November 2024
    assert caseload.status == TargetStatus.before_target
    assert caseload.stale  # a 2019 figure, expected quarterly
    assert by_code["underretninger-pr-aar"].trend == Trend.up
    assert by_code["underretninger-pr-aar"].status == TargetStatus.no_target


def test_the_2019_strategys_goal_for_2021_is_history_after_2021(seeded: Session) -> None:
    before = cards(seeded, today=D(2021, 12, 31))["underretninger-under-8-aar"]
    after = cards(seeded, today=D(2022, 1, 1))["underretninger-under-8-aar"]
    now = cards(seeded)["underretninger-under-8-aar"]

    target = now.target
    assert (target.document, target.for_year, target.describe("procent")) == (
        "Fælles om Forebyggelse (ca. 2019)",
        2021,
        "mindst 50 %",
    )
    assert target.superseded_by == "Udviklings- og genopretningsplanen 2024–2027"
    assert "Mål for underretninger skal være nået i 2021" in target.source
    assert (before.target_state, before.status) == (TargetState.current, TargetStatus.off_target)
    for card in (after, now):  # never evaluated once its period has ended
        assert (card.target_state, card.status) == (
            TargetState.historical,
            TargetStatus.no_current_target,
        )
        assert card.current_target is None


def test_the_plans_caseload_target_applies_from_the_plans_approval(seeded: Session) -> None:
    before = cards(seeded, today=D(2024, 11, 13))["sager-pr-raadgiver"]
    from_then = cards(seeded, today=D(2024, 11, 14))["sager-pr-raadgiver"]
    assert (before.target_state, before.status) == (
        TargetState.upcoming,
        TargetStatus.no_current_target,
    )
    assert from_then.target_state is TargetState.current


def test_an_indicator_without_measurements_has_no_data_and_is_not_stale(seeded: Session) -> None:
    for code in EMPTY:
        card = cards(seeded)[code]
        assert (card.status, card.stale, card.latest) == (TargetStatus.no_data, False, None)


def test_the_nyborg_indicators_do_not_claim_a_supervisor_asks_faxe(seeded: Session) -> None:
    for code in EMPTY:
        description = cards(seeded)[code].description
        assert "Nyborg Kommune tilbød" in description
        assert "Ankestyrelsen noterede sig det" in description
        assert "ikke et krav til Faxe Kommune" in description
        assert "beder om" not in description


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
        ("anbragte-boern", -3, D(2026, 1, 1), "Et antal kan ikke være negativt"),
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


def _source_rows(session: Session, code: str) -> list[tuple]:
    indicator = session.exec(select(Indicator).where(Indicator.code == code)).one()
    return [
        (m.measured_on, m.date_precision, m.value, m.value_approximate, m.entered_by)
        for m in session.exec(
            select(Measurement)
            .where(Measurement.indicator_id == indicator.id)
            .order_by(Measurement.measured_on)
        )
    ]


def test_seeding_again_refreshes_what_the_yaml_owns_and_never_a_users_measurement(
    seeded: Session,
) -> None:
    """A database seeded by an earlier version: old description and target, the caseload's 55
    on an invented day; a user's own measurement and a user's correction of a source value."""
    old = seeded.exec(select(Indicator).where(Indicator.code == "underretninger-under-8-aar")).one()
    old.description, old.tolerance, old.target_valid_to, old.target_superseded_by = (
        "Gammel tekst (som tilsynet beder om).",
        5.0,
        None,
        "",
    )
    caseload = seeded.exec(select(Indicator).where(Indicator.code == "sager-pr-raadgiver")).one()
    (row,) = seeded.exec(select(Measurement).where(Measurement.indicator_id == caseload.id))
    row.measured_on, row.date_precision, row.value_approximate = D(2019, 1, 1), "day", False
    seeded.add_all([old, row])
    seeded.commit()
    editor = actor_for(make_user(seeded, "erik", Role.editor))
    record_measurement(  # a user's own
        seeded,
        actor=editor,
        indicator_code="sager-pr-raadgiver",
        measured_on=D(2026, 9, 30),
        value=28,
        today=TODAY,
    )
    record_measurement(  # a user's correction of a source value
        seeded,
        actor=editor,
        indicator_code="anbragte-boern",
        measured_on=D(2018, 12, 31),
        value=130,
        comment="Rettet efter opgørelsen",
        today=TODAY,
    )
    seeded.commit()

    first = seed_indicators(seeded)
    seeded.commit()
    second = seed_indicators(seeded)

    assert (first.created, first.refreshed) == (0, 2)  # under-8 texts, the caseload's 55
    assert (second.created, second.refreshed) == (0, 0)
    again = seeded.exec(
        select(Indicator).where(Indicator.code == "underretninger-under-8-aar")
    ).one()
    assert "Andelen af underretninger" in again.description
    assert (again.tolerance, again.target_valid_to) == (0.0, D(2021, 12, 31))
    assert again.target_superseded_by == "Udviklings- og genopretningsplanen 2024–2027"
    assert _source_rows(seeded, "sager-pr-raadgiver") == [
        (D(2019, 12, 31), DatePrecision.approx_year, 55.0, True, SOURCE_USER),
        (D(2026, 9, 30), DatePrecision.day, 28.0, False, "erik"),
    ]
    assert _source_rows(seeded, "anbragte-boern") == [
        (D(2014, 12, 31), DatePrecision.day, 87.0, False, SOURCE_USER),
        (D(2018, 12, 31), DatePrecision.day, 130.0, False, "erik"),
    ]
