"""The restoration page (Genopretning): figures, charts, the case import and demo data."""

from __future__ import annotations

TITLE = "Genopretning af sager"
INTRO = (
    "Målet er, at alle åbne sager er genoprettet – alle manglende sagsskridt gennemført (spor "
    "A.1). Tallene beregnes direkte fra de indlæste sager."
)
EMPTY = "Der er endnu ingen sager indlæst. En redaktør kan indlæse en fil fra fagsystemet nedenfor."
DEMO_BANNER = (
    "DEMODATA: {count} af sagerne er syntetiske demosager (reference DEMO-…). "
    "Tallene viser ikke Faxe Kommunes virkelige sager."
)

CASES = "Sager i genopretning"
RESTORED = "Fuldt genoprettet"
WITH_PLAN = "Med genopretningsplan"
INFORMED = "Familier orienteret"
OPEN = "Åbne sagsskridt"
PACE4 = "Tempo, sidste 4 uger"
PACE8 = "Tempo, sidste 8 uger"
REQUIRED = "Krævet tempo til fristen"
PROJECTED = "Forventet færdig"
PER_WEEK = "{value} pr. uge"
AFTER_DEADLINE = "Passeret"
ON_TRACK = "Før fristen"
BEHIND = "Efter fristen"
NEVER = "Intet tempo: kan ikke fremskrives"

BURN_DOWN = "Åbne manglende sagsskridt over tid"
BURN_UP = "Fuldt genoprettede sager"
BY_TYPE = "Pr. sagsskridt"
BY_TEAM = "Pr. team"
BY_CONCERN = "Pr. bekymringsgrad"
OVERDUE = "Sagsskridt over deres frist ({count})"
OVERDUE_SHOWN = "Viser de {shown} ældste."
OVERDUE_COLUMNS = ("Sag", "Team", "Sagsskridt", "Frist", "Dage over frist")

C1_TITLE = "Berigtigelse af tabt arbejdsfortjeneste (spor C.1)"
C1_CASES = "Sager gennemgået"
C1_OF = "{done} af {total}"
C1_RECALCULATED = "Genberegnet"
C1_SUM = "Samlet korrektion"
KRONER = "{amount} kr."

IMPORT_TITLE = "Indlæs sager fra fagsystemet"
IMPORT_HELP = (
    "CSV (semikolon eller komma; UTF-8 eller Windows-1252) eller Excel (.xlsx) med én række pr. "
    "manglende sagsskridt. Datoer som 31-12-2025, 31.12.2025 eller 2025-12-31. Kun "
    "pseudonyme sagsreferencer – aldrig navne eller CPR-numre."
)
TEMPLATE = "Hent skabelon (CSV)"
PREVIEW = "Filen er gyldig: {new}, {changed}, {unchanged} ({steps} sagsskridt i alt)."
APPLY = "Indlæs filen"
APPLIED = "Sagerne er indlæst: {new}, {changed}, {unchanged}."
NEW_CASES = ("ny sag", "nye sager")
NEW = ("ny", "nye")
CHANGED = ("ændret", "ændrede")

DEMO_LOAD = "Indlæs demodata"
DEMO_REMOVE = "Fjern demodata"
DEMO_LOADED = "{cases} er indlæst."
DEMO_REMOVED = "{cases} er fjernet."
DEMO_CASES = ("demosag", "demosager")
