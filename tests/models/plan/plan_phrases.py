"""Every distinct timeline phrase of the plan, with its hand-read period (see test_periods)."""

from datetime import date

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
