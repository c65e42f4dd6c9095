"""Tests for the Danish timeline-phrase parser in ``models.plan.periods``."""

import dataclasses
import re
from datetime import date

import pytest

from models.plan.periods import (
    NO_CONVENTION,
    Period,
    easter_sunday,
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


# Phrases that are not in the plan, one or more for each convention in the module docstring,
# including phrases that must give None and phrases mixing known and unknown words; dates lie
# both before and after today (the parser does not depend on today).
UNSEEN_PHRASES = [
    # The examples
    pytest.param("Før påske 2026", (None, D(2026, 4, 1)), id="u-foer-paaske"),
    pytest.param("Inden påske 2026", (None, D(2026, 4, 1)), id="u-inden-paaske"),
    pytest.param("Slutningen af 2025", (D(2025, 10, 1), D(2025, 12, 31)), id="u-slutningen-af"),
    pytest.param("Midt i 2025", (D(2025, 4, 1), D(2025, 6, 30)), id="u-midt-i"),
    pytest.param("Efterårsferien 2025", (D(2025, 10, 11), D(2025, 10, 19)), id="u-efteraarsferien"),
    pytest.param("Begyndelsen af 2026", (D(2026, 1, 1), D(2026, 3, 31)), id="u-begyndelsen-af"),
    # Part words of a year, a month, a quarter, a season; none for other units
    pytest.param("Midten af 2027", (D(2027, 4, 1), D(2027, 6, 30)), id="u-midten-af"),
    pytest.param("Først i 2028", (D(2028, 1, 1), D(2028, 3, 31)), id="u-foerst-i"),
    pytest.param("sidst i 2024", (D(2024, 10, 1), D(2024, 12, 31)), id="u-sidst-i"),
    pytest.param("i starten af 2029", (D(2029, 1, 1), D(2029, 3, 31)), id="u-i-starten-af"),
    pytest.param("Opstart i begyndelsen af 2027", (D(2027, 1, 1), None), id="u-opstart-part"),
    pytest.param("Færdig i slutningen af 2026", (None, D(2026, 12, 31)), id="u-faerdig-part"),
    pytest.param("sidst i marts 2027", (D(2027, 3, 21), D(2027, 3, 31)), id="u-sidst-i-month"),
    pytest.param("midt i februar 2028", (D(2028, 2, 11), D(2028, 2, 20)), id="u-midt-i-month"),
    pytest.param(
        "slutningen af februar 2028", (D(2028, 2, 21), D(2028, 2, 29)), id="u-slutningen-feb-leap"
    ),
    pytest.param("ultimo 1. kvartal 2027", (D(2027, 3, 1), D(2027, 3, 31)), id="u-ultimo-quarter"),
    pytest.param("primo Q3 2026", (D(2026, 7, 1), D(2026, 7, 31)), id="u-primo-q"),
    pytest.param("medio 4. kvartal 2025", (D(2025, 11, 1), D(2025, 11, 30)), id="u-medio-quarter"),
    pytest.param(
        "Slutningen af foråret 2027", (D(2027, 5, 1), D(2027, 5, 31)), id="u-slutningen-season"
    ),
    pytest.param("ultimo 1. halvår 2025", (None, None), id="u-part-of-half-none"),
    pytest.param("slutningen af uge 7 2026", (None, None), id="u-part-of-week-none"),
    pytest.param("primo marts/april 2026", (None, None), id="u-part-of-pair-none"),
    # Quarter abbreviations
    pytest.param("Q1 2027", (D(2027, 1, 1), D(2027, 3, 31)), id="u-q1"),
    pytest.param("Senest Q2 2026", (None, D(2026, 6, 30)), id="u-senest-q2"),
    pytest.param("Q3-Q4 2025", (D(2025, 7, 1), D(2025, 12, 31)), id="u-q3-q4"),
    pytest.param("Q3/Q4 2028", (D(2028, 7, 1), D(2028, 12, 31)), id="u-q3-slash-q4"),
    pytest.param("2027 Q4", (D(2027, 10, 1), D(2027, 12, 31)), id="u-year-q4"),
    pytest.param("3. kvt. 2026", (D(2026, 7, 1), D(2026, 9, 30)), id="u-kvt"),
    pytest.param("Opstart 1.-2. kvt. 2027", (D(2027, 1, 1), None), id="u-opstart-kvt-pair"),
    pytest.param("Q4 2024 - Q1 2025", (D(2024, 10, 1), D(2025, 3, 31)), id="u-q-range"),
    pytest.param("Q1/2025", (None, None), id="u-q-slash-year-none"),
    # Half-year wordings
    pytest.param("1. halvdel af 2026", (D(2026, 1, 1), D(2026, 6, 30)), id="u-1-halvdel"),
    pytest.param("anden halvdel af 2027", (D(2027, 7, 1), D(2027, 12, 31)), id="u-anden-halvdel"),
    pytest.param("senest sidste halvdel af 2025", (None, D(2025, 12, 31)), id="u-sidste-halvdel"),
    pytest.param("første halvdel af marts 2026", (None, None), id="u-halvdel-of-month-none"),
    # Month pairs and lists
    pytest.param("marts/april 2027", (D(2027, 3, 1), D(2027, 4, 30)), id="u-month-slash"),
    pytest.param("maj og juni 2026", (D(2026, 5, 1), D(2026, 6, 30)), id="u-month-og"),
    pytest.param(
        "januar, februar og marts 2028", (D(2028, 1, 1), D(2028, 3, 31)), id="u-month-list"
    ),
    pytest.param("april/marts 2026", (None, None), id="u-month-pair-reversed-none"),
    pytest.param("Opstart september/oktober 2024", (D(2024, 9, 1), None), id="u-opstart-pair"),
    # Days
    pytest.param("inden 1. marts 2027", (None, D(2027, 2, 28)), id="u-inden-day"),
    pytest.param("1.-15. juni 2026", (D(2026, 6, 1), D(2026, 6, 15)), id="u-day-range"),
    pytest.param(
        "15. marts - 15. april 2027", (D(2027, 3, 15), D(2027, 4, 15)), id="u-day-month-range"
    ),
    pytest.param("senest 31.1.2027", (None, D(2027, 1, 31)), id="u-numeric-date"),
    pytest.param("2028-02-29", (D(2028, 2, 29), D(2028, 2, 29)), id="u-iso-date"),
    pytest.param("31/4 2026", (None, None), id="u-invalid-date-none"),
    # Week numbers
    pytest.param("uge 42 2026", (D(2026, 10, 12), D(2026, 10, 18)), id="u-week"),
    pytest.param("uge 7-8 2027", (D(2027, 2, 15), D(2027, 2, 28)), id="u-week-pair"),
    pytest.param("i uge 10 og 11 2025", (D(2025, 3, 3), D(2025, 3, 16)), id="u-week-og"),
    pytest.param("uge 45", (None, None), id="u-week-without-year-none"),
    # School holidays
    pytest.param("i sommerferien 2026", (D(2026, 6, 27), D(2026, 8, 9)), id="u-sommerferien"),
    pytest.param("før sommerferien 2027", (None, D(2027, 6, 25)), id="u-foer-sommerferien"),
    pytest.param("efter sommerferien 2024", (D(2024, 8, 12), None), id="u-efter-sommerferien"),
    pytest.param("vinterferien 2027", (D(2027, 2, 13), D(2027, 2, 21)), id="u-vinterferien"),
    pytest.param("inden efterårsferien 2026", (None, D(2026, 10, 9)), id="u-inden-efteraarsferien"),
    pytest.param("påskeferien 2027", (D(2027, 3, 20), D(2027, 3, 29)), id="u-paaskeferien"),
    pytest.param("påsken 2024", (D(2024, 3, 28), D(2024, 4, 1)), id="u-paasken"),
    pytest.param("inden jul 2026", (None, D(2026, 12, 23)), id="u-inden-jul"),
    pytest.param("efter jul 2024", (D(2024, 12, 27), None), id="u-efter-jul"),
    pytest.param("juleferien 2025", (None, None), id="u-juleferien-none"),
    pytest.param("pinse 2026", (None, None), id="u-pinse-unknown-none"),
    # Before, after, earliest, latest
    pytest.param("Efter 1. kvartal 2027", (D(2027, 4, 1), None), id="u-efter-quarter"),
    pytest.param("Opstart inden 2026", (None, None), id="u-start-before-none"),
    pytest.param("færdig efter 2025", (None, None), id="u-end-after-none"),
    pytest.param("Senest inden 2028", (None, D(2027, 12, 31)), id="u-senest-inden"),
    pytest.param("tidligst 2027", (D(2027, 1, 1), None), id="u-tidligst"),
    pytest.param("2026 eller senere", (D(2026, 1, 1), None), id="u-eller-senere"),
    pytest.param("til og med 2027", (None, D(2027, 12, 31)), id="u-til-og-med"),
    pytest.param("i løbet af 2027", (D(2027, 1, 1), D(2027, 12, 31)), id="u-i-loebet-af"),
    pytest.param("Kalenderåret 2028", (D(2028, 1, 1), D(2028, 12, 31)), id="u-kalenderaaret"),
    # Unknown words and words with no convention: None for what they govern
    pytest.param("skoleåret 2026", (None, None), id="u-skoleaaret-none"),
    pytest.param("resten af 2025", (None, None), id="u-resten-af-none"),
    pytest.param("omkring medio 2026", (None, None), id="u-omkring-none"),
    pytest.param("ca. 2027", (None, None), id="u-ca-none"),
    pytest.param("sent i 2024", (None, None), id="u-sent-i-none"),
    pytest.param("indtil 2028", (None, None), id="u-indtil-none"),
    pytest.param("mellem jul og nytår 2025", (None, None), id="u-mellem-none"),
    pytest.param("nov. 2024", (None, None), id="u-abbreviated-month-none"),
    pytest.param("1. kvartal - 2. kvartal 2026", (None, None), id="u-open-range-start-none"),
    pytest.param("medio 2026 - ultimo", (None, None), id="u-open-range-end-none"),
    pytest.param("forår og sommer 2027", (None, None), id="u-open-list-none"),
    # Known and unknown words mixed
    pytest.param(
        "Opstart efter påske 2026, færdig inden skoleåret 2026",
        (D(2026, 4, 7), None),
        id="u-mixed-paaske-skoleaaret",
    ),
    pytest.param(
        "Pilotprojekt i pinsen 2025 og evaluering 1. kvartal 2026",
        (D(2026, 1, 1), D(2026, 3, 31)),
        id="u-mixed-pinse-quarter",
    ),
    pytest.param(
        "Omkring 2025, senest ultimo 2026", (None, D(2026, 12, 31)), id="u-mixed-omkring-senest"
    ),
    pytest.param(
        "Rekruttering midt i 2026", (D(2026, 4, 1), D(2026, 6, 30)), id="u-mixed-subject-part"
    ),
    pytest.param("Rekruttering 2026", (None, None), id="u-mixed-word-before-year-none"),
    pytest.param("Afprøves i 2027", (D(2027, 1, 1), D(2027, 12, 31)), id="u-mixed-verb-i-year"),
    pytest.param(
        "Evaluering af 2026 og ny plan fra 2027", (D(2027, 1, 1), None), id="u-mixed-af-fra"
    ),
]


def test_unseen_phrases_are_not_the_plans() -> None:
    texts = [param.values[0] for param in UNSEEN_PHRASES]
    assert len(set(texts)) == len(texts) >= 60
    assert not set(texts) & set(PLAN_PHRASES)


@pytest.mark.parametrize(("text", "expected"), UNSEEN_PHRASES)
def test_unseen_phrase(text: str, expected: tuple[date | None, date | None]) -> None:
    assert parse_period(text) == Period(*expected)


# Words with no convention, alone and before "i"; unknown words joined by "af"; the end of a
# range whose start cannot be read.
NOT_UNDERSTOOD = [
    "omkring", "ca.", "cirka", "circa", "tidligt i", "sent i", "senere i", "tidligere i",
    "indtil", "frem til", "op til", "mellem", "siden", "mod", "snarest", "hurtigst",
    "resten af", "halvdelen af", "en del af", "marts -", "2. kvartal til",
]  # fmt: skip


def test_every_word_with_no_convention_is_tested() -> None:
    words = [w.removesuffix(" i") for w in NOT_UNDERSTOOD]
    assert all(any(re.fullmatch(rx, w) for w in words) for rx in NO_CONVENTION)


@pytest.mark.parametrize(
    "period",
    ["2025", "2025-2027", "medio 2025", "1. kvartal 2025", "marts 2025", "uge 7 2025", "jul 2025"],
)
@pytest.mark.parametrize("words", NOT_UNDERSTOOD)
def test_a_word_that_is_not_understood_gives_no_date(words: str, period: str) -> None:
    assert parse_period(f"{words} {period}") == Period(None, None)
    assert parse_period(f"Senest {words} {period}") == Period(None, None)


@pytest.mark.parametrize(
    "word", ["pinse", "skoleåret", "regnskabsåret", "årsskiftet", "nytår", "Rekruttering", "H1"]
)
def test_an_unknown_word_before_a_bare_year_gives_no_date(word: str) -> None:
    assert parse_period(f"{word} 2025") == Period(None, None)
    assert parse_period(f"{word} 2025-2026") == Period(None, None)
    assert parse_period(f"Opstart {word} 2025") == Period(None, None)


@pytest.mark.parametrize(
    ("year", "easter"),
    [
        (2019, D(2019, 4, 21)),
        (2024, D(2024, 3, 31)),
        (2025, D(2025, 4, 20)),
        (2026, D(2026, 4, 5)),
        (2027, D(2027, 3, 28)),
        (2038, D(2038, 4, 25)),
        (2043, D(2043, 3, 29)),
    ],
)
def test_easter_sunday(year: int, easter: date) -> None:
    assert easter_sunday(year) == easter


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
