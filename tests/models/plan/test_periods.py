"""Tests for the Danish timeline-phrase parser in ``models.periods``."""

import dataclasses
from datetime import date

import pytest

from models.plan.periods import (
    Period,
    half_bounds,
    month_bounds,
    parse_period,
    quarter_bounds,
    year_bounds,
)
from tests.models.plan.plan_phrases import PLAN_PHRASES

D = date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Examples from the issue
        pytest.param("Udgangen af 1. kvartal 2025", (None, D(2025, 3, 31)), id="ex-udgangen-q1"),
        pytest.param("Opstart i 2. kvartal 2025", (D(2025, 4, 1), None), id="ex-opstart-q2"),
        pytest.param(
            "Opstartet i 3. kvartal 2024 og forventes gennemført ultimo november 2024",
            (D(2024, 7, 1), D(2024, 11, 30)),
            id="ex-opstartet-og-gennemfoert",
        ),
        pytest.param("Primo 2025", (D(2025, 1, 1), D(2025, 3, 31)), id="ex-primo-year"),
        pytest.param(
            "Genopretning i sagerne sker løbende og er færdiggjort senest medio 2026",
            (None, D(2026, 6, 30)),
            id="ex-faerdiggjort-senest-medio",
        ),
        pytest.param("Forår 2025", (D(2025, 3, 1), D(2025, 5, 31)), id="ex-foraar"),
        # Quarters
        pytest.param("1. kvartal 2025", (D(2025, 1, 1), D(2025, 3, 31)), id="q-1-dot"),
        pytest.param("første kvartal i 2026", (D(2026, 1, 1), D(2026, 3, 31)), id="q-foerste-i"),
        pytest.param("4 kvartal 2024", (D(2024, 10, 1), D(2024, 12, 31)), id="q-4-no-dot"),
        pytest.param("3.kvartal 2025", (D(2025, 7, 1), D(2025, 9, 30)), id="q-3-no-space"),
        pytest.param("sidste kvartal 2025", (D(2025, 10, 1), D(2025, 12, 31)), id="q-sidste"),
        pytest.param("anden kvartal 2025", (D(2025, 4, 1), D(2025, 6, 30)), id="q-anden"),
        pytest.param("andet kvartal af 2025", (D(2025, 4, 1), D(2025, 6, 30)), id="q-andet-af"),
        pytest.param("tredje kvartal 2025", (D(2025, 7, 1), D(2025, 9, 30)), id="q-tredje"),
        pytest.param("fjerde kvartal 2025", (D(2025, 10, 1), D(2025, 12, 31)), id="q-fjerde"),
        pytest.param("2. kvartalet 2025", (D(2025, 4, 1), D(2025, 6, 30)), id="q-kvartalet"),
        pytest.param(
            "Inden for 1. eller 2. kvartal i 2025",
            (D(2025, 1, 1), D(2025, 6, 30)),
            id="q-1-eller-2",
        ),
        pytest.param("2.-3. kvartal 2025", (D(2025, 4, 1), D(2025, 9, 30)), id="q-2-dash-3"),
        pytest.param("3. til 4. kvartal 2025", (D(2025, 7, 1), D(2025, 12, 31)), id="q-3-til-4"),
        pytest.param("4. eller 1. kvartal 2025", (None, None), id="q-reversed-unreadable"),
        pytest.param("første kvartal", (None, None), id="q-without-year"),
        # Half-years
        pytest.param("1. halvår af 2025", (D(2025, 1, 1), D(2025, 6, 30)), id="h-1-af"),
        pytest.param("første halvår 2025", (D(2025, 1, 1), D(2025, 6, 30)), id="h-foerste"),
        pytest.param("2. halvår 2026", (D(2026, 7, 1), D(2026, 12, 31)), id="h-2"),
        pytest.param("andet halvår i 2026", (D(2026, 7, 1), D(2026, 12, 31)), id="h-andet-i"),
        pytest.param("sidste halvår 2026", (D(2026, 7, 1), D(2026, 12, 31)), id="h-sidste"),
        pytest.param("1. og 2. halvår 2025", (D(2025, 1, 1), D(2025, 12, 31)), id="h-1-og-2"),
        # Months, days, years
        pytest.param("september 2024", (D(2024, 9, 1), D(2024, 9, 30)), id="month"),
        pytest.param("i maj 2025", (D(2025, 5, 1), D(2025, 5, 31)), id="month-i"),
        pytest.param("februar 2024", (D(2024, 2, 1), D(2024, 2, 29)), id="month-feb-leap"),
        pytest.param("februar 2025", (D(2025, 2, 1), D(2025, 2, 28)), id="month-feb"),
        pytest.param(
            "november-december 2024", (D(2024, 11, 1), D(2024, 12, 31)), id="month-range-one-year"
        ),
        pytest.param("december-november 2024", (None, None), id="month-range-reversed"),
        pytest.param("september", (None, None), id="month-without-year"),
        pytest.param("15. oktober 2024", (D(2024, 10, 15), D(2024, 10, 15)), id="day"),
        pytest.param(
            "Redegørelse er fremsendt til Arbejdstilsynet d. 15. oktober 2024.",
            (D(2024, 10, 15), D(2024, 10, 15)),
            id="day-with-d",
        ),
        pytest.param("29. februar 2024", (D(2024, 2, 29), D(2024, 2, 29)), id="day-leap"),
        pytest.param("29. februar 2025", (None, None), id="day-invalid-not-year"),
        pytest.param("15. oktober", (None, None), id="day-without-year"),
        pytest.param("uge 43 2025", (D(2025, 10, 20), D(2025, 10, 26)), id="iso-week"),
        pytest.param("uge 53 2025", (None, None), id="iso-week-invalid"),
        pytest.param("i uge 43", (None, None), id="iso-week-without-year"),
        pytest.param("2025", (D(2025, 1, 1), D(2025, 12, 31)), id="year"),
        pytest.param("i 2025", (D(2025, 1, 1), D(2025, 12, 31)), id="year-i"),
        # Seasons
        pytest.param("forår 2025", (D(2025, 3, 1), D(2025, 5, 31)), id="season-foraar"),
        pytest.param("foråret 2025", (D(2025, 3, 1), D(2025, 5, 31)), id="season-foraaret"),
        pytest.param("sommer 2024", (D(2024, 6, 1), D(2024, 8, 31)), id="season-sommer"),
        pytest.param("sommeren 2024", (D(2024, 6, 1), D(2024, 8, 31)), id="season-sommeren"),
        pytest.param("efterår 2024", (D(2024, 9, 1), D(2024, 11, 30)), id="season-efteraar"),
        pytest.param("i efteråret 2024", (D(2024, 9, 1), D(2024, 11, 30)), id="season-efteraaret"),
        pytest.param("vinter 2024", (None, None), id="season-vinter-not-guessed"),
        pytest.param("vinteren 2024/2025", (None, None), id="season-vinteren-not-guessed"),
        pytest.param("skoleåret 2024/25", (None, None), id="slash-years-not-guessed"),
        # primo / medio / ultimo + year
        pytest.param("primo 2025", (D(2025, 1, 1), D(2025, 3, 31)), id="pmu-primo-year"),
        pytest.param("medio 2025", (D(2025, 4, 1), D(2025, 6, 30)), id="pmu-medio-year"),
        pytest.param("ultimo 2025", (D(2025, 10, 1), D(2025, 12, 31)), id="pmu-ultimo-year"),
        pytest.param("senest medio 2026", (None, D(2026, 6, 30)), id="pmu-senest-medio"),
        # primo / medio / ultimo + month
        pytest.param("primo marts 2025", (D(2025, 3, 1), D(2025, 3, 10)), id="pmu-primo-month"),
        pytest.param("medio marts 2025", (D(2025, 3, 11), D(2025, 3, 20)), id="pmu-medio-month"),
        pytest.param("ultimo marts 2025", (D(2025, 3, 21), D(2025, 3, 31)), id="pmu-ultimo-31"),
        pytest.param("ultimo april 2025", (D(2025, 4, 21), D(2025, 4, 30)), id="pmu-ultimo-30"),
        pytest.param(
            "ultimo februar 2024", (D(2024, 2, 21), D(2024, 2, 29)), id="pmu-ultimo-feb-leap"
        ),
        pytest.param("ultimo februar 2025", (D(2025, 2, 21), D(2025, 2, 28)), id="pmu-ultimo-feb"),
        pytest.param("ultimo november", (None, None), id="pmu-month-without-year"),
        # Deadline keywords: only the end
        pytest.param("Udgangen af december 2024", (None, D(2024, 12, 31)), id="dl-udgangen-af"),
        pytest.param(
            "ved udgangen af 2. kvartal 2025", (None, D(2025, 6, 30)), id="dl-ved-udgangen-af"
        ),
        pytest.param("senest 2025", (None, D(2025, 12, 31)), id="dl-senest"),
        pytest.param("Senest i 2. kvartal 2025 skal der", (None, D(2025, 6, 30)), id="dl-senest-i"),
        pytest.param("færdig i 2025", (None, D(2025, 12, 31)), id="dl-faerdig-i"),
        pytest.param("Færdige i medio 2026", (None, D(2026, 6, 30)), id="dl-faerdige-i"),
        pytest.param("færdiggjort senest 2026", (None, D(2026, 12, 31)), id="dl-faerdiggjort"),
        pytest.param("forventes færdig primo 2025", (None, D(2025, 3, 31)), id="dl-forventes"),
        pytest.param("klar december 2024", (None, D(2024, 12, 31)), id="dl-klar"),
        pytest.param(
            "skal være klar december 2024", (None, D(2024, 12, 31)), id="dl-skal-vaere-klar"
        ),
        pytest.param("afsluttes 2025", (None, D(2025, 12, 31)), id="dl-afsluttes"),
        pytest.param(
            "afsluttes senest ultimo 2026", (None, D(2026, 12, 31)), id="dl-afsluttes-senest"
        ),
        pytest.param("gennemført ultimo 2025", (None, D(2025, 12, 31)), id="dl-gennemfoert"),
        pytest.param("på plads ultimo 2024", (None, D(2024, 12, 31)), id="dl-paa-plads"),
        pytest.param("2025 afsluttes arbejdet", (None, D(2025, 12, 31)), id="dl-following"),
        # Start keywords: only the start
        pytest.param("Opstart 2025", (D(2025, 1, 1), None), id="st-opstart"),
        pytest.param("opstartet i 3. kvartal 2024", (D(2024, 7, 1), None), id="st-opstartet-i"),
        pytest.param("Opstartes 1. kvartal 2025", (D(2025, 1, 1), None), id="st-opstartes"),
        pytest.param("Igangsættes i 2025", (D(2025, 1, 1), None), id="st-igangsaettes"),
        pytest.param("Igangsættelse i 2025", (D(2025, 1, 1), None), id="st-igangsaettelse"),
        pytest.param("igangsat i efteråret 2024", (D(2024, 9, 1), None), id="st-igangsat"),
        pytest.param("påbegyndes ultimo 2024", (D(2024, 10, 1), None), id="st-paabegyndes"),
        pytest.param("Starter medio 2025", (D(2025, 4, 1), None), id="st-starter"),
        pytest.param("kan starte op i første kvartal 2025", (D(2025, 1, 1), None), id="st-starte"),
        pytest.param("fra 2026", (D(2026, 1, 1), None), id="st-fra"),
        pytest.param("fra foråret 2025", (D(2025, 3, 1), None), id="st-fra-season"),
        pytest.param(
            "Første halvår 2025 påbegyndes levendegørelsen af børnesynet",
            (D(2025, 1, 1), None),
            id="st-following",
        ),
        pytest.param("åbne i 2022 og frem", (D(2022, 1, 1), None), id="st-og-frem"),
        # "before": the day before the period starts
        pytest.param("inden 2026", (None, D(2025, 12, 31)), id="before-inden"),
        pytest.param("før 1. kvartal 2026", (None, D(2025, 12, 31)), id="before-foer"),
        pytest.param("inden udgangen af 2025", (None, D(2025, 12, 31)), id="inden-udgangen-af"),
        pytest.param("inden for 2025", (D(2025, 1, 1), D(2025, 12, 31)), id="inden-for-bare"),
        # Bare periods
        pytest.param(
            "Evaluering af visitation finder sted i 3. kvartal 2025",
            (D(2025, 7, 1), D(2025, 9, 30)),
            id="bare-finder-sted",
        ),
        pytest.param("Løbende i 2025", (D(2025, 1, 1), D(2025, 12, 31)), id="bare-loebende-i"),
        # Ranges: start of the first to the end of the last
        pytest.param(
            "November 2024-maj 2025", (D(2024, 11, 1), D(2025, 5, 31)), id="range-month-month"
        ),
        pytest.param(
            "Ultimo 2024 – medio 2025", (D(2024, 10, 1), D(2025, 6, 30)), id="range-en-dash"
        ),
        pytest.param(
            "ultimo 2024 — medio 2025", (D(2024, 10, 1), D(2025, 6, 30)), id="range-em-dash"
        ),
        pytest.param("2025-2027", (D(2025, 1, 1), D(2027, 12, 31)), id="range-years"),
        pytest.param("2025 - 2027", (D(2025, 1, 1), D(2027, 12, 31)), id="range-years-spaced"),
        pytest.param("2024-25", (D(2024, 1, 1), D(2025, 12, 31)), id="range-short-year"),
        pytest.param("2024 til primo 2025", (D(2024, 1, 1), D(2025, 3, 31)), id="range-til"),
        pytest.param(
            "2024 til og med 2026", (D(2024, 1, 1), D(2026, 12, 31)), id="range-til-og-med"
        ),
        pytest.param("Fra 2024 til 2026", (D(2024, 1, 1), D(2026, 12, 31)), id="range-fra-til"),
        pytest.param(
            "1. kvartal 2025 - medio 2025", (D(2025, 1, 1), D(2025, 6, 30)), id="range-to-medio"
        ),
        pytest.param("2027-2025", (None, None), id="range-reversed-unreadable"),
        # Several phrases: earliest start, latest end
        pytest.param(
            "Opstart 2025. Færdig 2026.", (D(2025, 1, 1), D(2026, 12, 31)), id="multi-start-end"
        ),
        pytest.param(
            "Udgangen af 1. kvartal 2025. Foretages løbende og senest udarbejdet i 2. kvartal 2025",
            (None, D(2025, 6, 30)),
            id="multi-latest-end",
        ),
        pytest.param(
            "Arbejdet igangsættes i 2024 Forventes implementeret i 1. halvår af 2025",
            (D(2024, 1, 1), D(2025, 6, 30)),
            id="multi-no-full-stop",
        ),
        pytest.param(
            "2025-2027. Starter medio 2025.", (D(2025, 1, 1), D(2027, 12, 31)), id="multi-range"
        ),
        pytest.param("Primo 2025 2026", (D(2025, 1, 1), D(2026, 12, 31)), id="multi-bare"),
        # Years that name a topic, not a time
        pytest.param(
            "Udarbejdelse af nyt årshjul for 2025 skal være klar december 2024.",
            (None, D(2024, 12, 31)),
            id="topic-aarshjul-for",
        ),
        pytest.param("I processen til budget 2026", (None, None), id="topic-budget"),
        pytest.param("med budget 2025-2028", (None, None), id="topic-budget-range"),
        # Nothing to read
        pytest.param("", (None, None), id="empty"),
        pytest.param("   ", (None, None), id="blank"),
        pytest.param("Løbende", (None, None), id="loebende"),
        pytest.param("Igangsat", (None, None), id="igangsat-without-date"),
        pytest.param("Snarest muligt efter behov", (None, None), id="unknown-text"),
        pytest.param("Alle teams modtager supervision hver 6. uge.", (None, None), id="hver-6-uge"),
        pytest.param("Opfølgning via 4 årlige ledelsestilsyn", (None, None), id="4-aarlige"),
        pytest.param("indgang på 0-18 års området", (None, None), id="0-18-aars"),
        pytest.param("mellem 20-25 sager", (None, None), id="20-25-sager"),
        pytest.param("1 gang årligt", (None, None), id="1-gang-aarligt"),
        pytest.param("1999", (None, None), id="year-before-2000"),
        pytest.param("2100", (None, None), id="year-after-2099"),
        pytest.param("20250", (None, None), id="five-digits"),
        # Case and whitespace
        pytest.param("PRIMO 2025", (D(2025, 1, 1), D(2025, 3, 31)), id="upper-case"),
        pytest.param(
            "udgangen AF 1. KVARTAL 2025", (None, D(2025, 3, 31)), id="mixed-case-keyword"
        ),
        pytest.param("1.  kvartal\n\t2025", (D(2025, 1, 1), D(2025, 3, 31)), id="whitespace"),
    ],
)
def test_parse_period(text: str, expected: tuple[date | None, date | None]) -> None:
    assert parse_period(text) == Period(*expected)


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        (1, (D(2025, 1, 1), D(2025, 3, 31))),
        (2, (D(2025, 4, 1), D(2025, 6, 30))),
        (3, (D(2025, 7, 1), D(2025, 9, 30))),
        (4, (D(2025, 10, 1), D(2025, 12, 31))),
    ],
)
def test_quarter_bounds(q: int, expected: tuple[date, date]) -> None:
    assert quarter_bounds(2025, q) == expected


def test_other_bounds() -> None:
    assert half_bounds(2026, 1) == (D(2026, 1, 1), D(2026, 6, 30))
    assert half_bounds(2026, 2) == (D(2026, 7, 1), D(2026, 12, 31))
    assert month_bounds(2024, 2) == (D(2024, 2, 1), D(2024, 2, 29))
    assert year_bounds(2027) == (D(2027, 1, 1), D(2027, 12, 31))


def test_period_is_frozen() -> None:
    period = parse_period("2025")
    with pytest.raises(dataclasses.FrozenInstanceError):
        period.start = None  # type: ignore[misc]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(text, expected, id=f"plan{i:02d}")
        for i, (text, expected) in enumerate(PLAN_PHRASES.items())
    ],
)
def test_plan_phrases(text: str, expected: tuple[date | None, date | None]) -> None:
    assert parse_period(text) == Period(*expected)
