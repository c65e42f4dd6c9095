"""Tests for the Danish timeline-phrase parser in ``models.periods``."""

import dataclasses
from datetime import date

import pytest

from models.periods import (
    Period,
    half_bounds,
    month_bounds,
    parse_period,
    quarter_bounds,
    year_bounds,
)

D = date

# Every distinct timeline phrase of the plan seed (Tidsplan column), with the hand-read period.
PLAN_PHRASES: dict[str, tuple[date | None, date | None]] = {
    # A.1
    "Opstartet i 3. kvartal 2024 og forventes gennemført ultimo november 2024": (
        D(2024, 7, 1),
        D(2024, 11, 30),
    ),
    "Udgangen af december 2024": (None, D(2024, 12, 31)),
    "Udgangen af 1. kvartal 2025. Foretages løbende og senest udarbejdet i 2. kvartal 2025": (
        None,
        D(2025, 6, 30),
    ),
    "Genopretning i sagerne sker løbende og er færdiggjort senest medio 2026": (
        None,
        D(2026, 6, 30),
    ),
    "Opstart i 2. kvartal 2025": (D(2025, 4, 1), None),
    # A.2
    "Færdige i medio 2026": (None, D(2026, 6, 30)),
    "Første halvår 2025 påbegyndes levendegørelsen af børnesynet": (D(2025, 1, 1), None),
    "Igangsættelse i 2025": (D(2025, 1, 1), None),
    "Undervisning i ICS kan starte op i første kvartal 2025. "
    "ICS skal anvendes på teammøder/sparringsmøder.": (D(2025, 1, 1), None),
    "Undervisning i LØFT kan starte op i første kvartal i 2026. "
    "Metoden kræver rum og tid til læring og øvelse.": (D(2026, 1, 1), None),
    "Der er september 2024 indgået aftale med ny supervisor til børn- og ungeafdelingen. "
    "I november 2024 indgås aftale om ny supervisor til Handicap og Modtagelsen. "
    "Alle teams modtager supervision hver 6. uge.": (D(2024, 9, 1), D(2024, 11, 30)),
    "Primo 2025": (D(2025, 1, 1), D(2025, 3, 31)),
    "2025-2027. Starter medio 2025.": (D(2025, 1, 1), D(2027, 12, 31)),
    "Igangsættes i 2025": (D(2025, 1, 1), None),
    # A.3
    "Screening og afdækning er der udarbejdet arbejdsgange på og undervist i, i 4 kvartal 2024.": (
        D(2024, 10, 1),
        D(2024, 12, 31),
    ),
    "Træning og kompetenceudvikling opstartes i 4. kvartal i 2025. "
    "Evaluering af visitation finder sted i 3. kvartal 2025. "
    "Opstartes 1. kvartal 2025": (D(2025, 1, 1), D(2025, 9, 30)),
    "2025": (D(2025, 1, 1), D(2025, 12, 31)),
    # A.4
    "Inden for 1. eller 2. kvartal i 2025": (D(2025, 1, 1), D(2025, 6, 30)),
    "Sidste kvartal 2025": (D(2025, 10, 1), D(2025, 12, 31)),
    "Sidste kvartal 2024": (D(2024, 10, 1), D(2024, 12, 31)),
    "2026": (D(2026, 1, 1), D(2026, 12, 31)),
    "Tiltag igangsat i efteråret 2024": (D(2024, 9, 1), None),
    # A.5
    "Løbende i 2025": (D(2025, 1, 1), D(2025, 12, 31)),
    # A.6
    "Udarbejdelse af nyt årshjul for 2025 skal være klar december 2024. "
    "Planlægningen skal ligeledes være på plads ultimo 2024.": (None, D(2024, 12, 31)),
    # A.7
    "Manglende kvalitetsstandarder påbegyndes ultimo 2024 og afsluttes senest ultimo 2026. "
    "Årshjul for arbejdet udarbejdes ultimo 2024. "
    "Nye kvalitetsstandarder skal besluttes politisk.": (D(2024, 10, 1), D(2026, 12, 31)),
    "Opfølgning via visitationer, sags gennemgange, sparring mv.": (None, None),
    # B.2, B.3
    "Er indlejret i andre spor, at der skal sikres lovmedholdelighed.": (None, None),
    "Opstart 2025": (D(2025, 1, 1), None),
    "Udarbejdes og afprøves i 2025. Politisk godkendelse primo 2026.": (
        D(2025, 1, 1),
        D(2026, 3, 31),
    ),
    # C.1
    "November 2024-maj 2025": (D(2024, 11, 1), D(2025, 5, 31)),
    "1. halvår 2025": (D(2025, 1, 1), D(2025, 6, 30)),
    # D.1
    "Superbrugergruppe mødes månedligt og vurderer bl.a. behovet for support": (None, None),
    "Betalinger foretages i Pecunia (KMD OPUS) fra foråret 2025": (D(2025, 3, 1), None),
    "Igangsat": (None, None),
    # D.2
    "Plan over indhold og deltagere for opfølgning på økonomi og aktivitet på Familieområdet "
    "skal udarbejdes, og forventes at foreligge 1. kvartal 2025.": (None, D(2025, 3, 31)),
    "Forår 2025": (D(2025, 3, 1), D(2025, 5, 31)),
    # D.3, D.4, D.5
    "Økonomiske sagsgennemgange igangsat sommer 2024 og planlagt til at køre månedligt. "
    "Primo 2025 og med effekt løbende i 2025": (D(2024, 6, 1), D(2025, 12, 31)),
    "Arbejdet igangsættes i 2024 Forventes implementeret i 1. halvår af 2025": (
        D(2024, 1, 1),
        D(2025, 6, 30),
    ),
    "Senest i 2. kvartal 2025 skal der præsenteres en aktivitetsbaseret budgetmodel.": (
        None,
        D(2025, 6, 30),
    ),
    # E.1 - E.4
    "Arbejdet er igangsat i 2024": (D(2024, 1, 1), None),
    "Arbejds miljøhandleplan forventes færdig primo 2025.": (None, D(2025, 3, 31)),
    "2024 til primo 2025": (D(2024, 1, 1), D(2025, 3, 31)),
    "Ultimo 2024": (D(2024, 10, 1), D(2024, 12, 31)),
    "Ultimo 2024 – medio 2025.": (D(2024, 10, 1), D(2025, 6, 30)),
    "Rekruttering medio 2025.": (D(2025, 4, 1), D(2025, 6, 30)),
    # E.5
    "Når familiepanelet er nedsat og har været mødtes, påbegyndes afklaring af muligheder. "
    "Ultimo 2025. Fra 2026 afprøves løsninger administrativt.": (
        D(2025, 10, 1),
        D(2025, 12, 31),
    ),
    "Igangsættes ultimo 2025.": (D(2025, 10, 1), None),
    "Fra 2025.": (D(2025, 1, 1), None),
    # F.1
    "Der arbejdes med udviklingen af én indgang i en nedsat styregruppe, som tager afsæt i "
    "erfaringerne fra Familiens Hus. Udviklingen af én samlet indgang på 0-18 års området "
    "igangsættes i efteråret 2024. Implementeringen følges og evalueres af styregruppen på "
    "kvartalsmøder i 2025": (D(2024, 9, 1), D(2025, 12, 31)),
    "Videreudviklingen af værktøjer til at måle effekt af indsatsen i Familie- og "
    "Ungeindsatsen igangsættes i 2024 og forventes endeligt implementeret ved udgangen af "
    "2025.": (D(2024, 1, 1), D(2025, 12, 31)),
    # F.2 - F.4
    "Primo 2025 2026": (D(2025, 1, 1), D(2026, 12, 31)),
    "Igangsættes primo 2025 og udvikles løbende.": (D(2025, 1, 1), None),
    "Orientering til Børn & Læringsudvalget medio 2025 om Socialtilsynets godkendelse af "
    "Hyblerne.": (D(2025, 4, 1), D(2025, 6, 30)),
    # Cells as split or joined per action in data/plan.yaml, and actions without a timeline.
    "": (None, None),
    "Screening og afdækning er der udarbejdet arbejdsgange på og undervist i, i 4 kvartal 2024. "
    "Træning og kompetenceudvikling opstartes i 4. kvartal i 2025.": (
        D(2024, 10, 1),
        D(2024, 12, 31),
    ),
    "Evaluering af visitation finder sted i 3. kvartal 2025. Opstartes 1. kvartal 2025": (
        D(2025, 1, 1),
        D(2025, 9, 30),
    ),
    "Manglende kvalitetsstandarder påbegyndes ultimo 2024 og afsluttes senest ultimo 2026. "
    "Årshjul for arbejdet udarbejdes ultimo 2024. Nye kvalitetsstandarder skal besluttes "
    "politisk. Opfølgning via visitationer, sags gennemgange, sparring mv.": (
        D(2024, 10, 1),
        D(2026, 12, 31),
    ),
    "Arbejdet er igangsat i 2024 Arbejds miljøhandleplan forventes færdig primo 2025.": (
        D(2024, 1, 1),
        D(2025, 3, 31),
    ),
}


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
def test_parse_period(text, expected):
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
def test_quarter_bounds(q, expected):
    assert quarter_bounds(2025, q) == expected


def test_other_bounds():
    assert half_bounds(2026, 1) == (D(2026, 1, 1), D(2026, 6, 30))
    assert half_bounds(2026, 2) == (D(2026, 7, 1), D(2026, 12, 31))
    assert month_bounds(2024, 2) == (D(2024, 2, 1), D(2024, 2, 29))
    assert year_bounds(2027) == (D(2027, 1, 1), D(2027, 12, 31))


def test_period_is_frozen():
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
def test_plan_phrases(text, expected):
    assert parse_period(text) == Period(*expected)
