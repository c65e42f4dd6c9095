"""The public status page's Danish texts, written once (the site is built without Streamlit,
so its texts live beside it rather than in `components/texts`)."""

from __future__ import annotations

SKIP_LINK = "Gå til indholdet"
NAV_LABEL = "Indhold på siden"
STATUS_AS_OF = "Status pr. {date}"
GENERATED = "Genereret {moment} fra Faxe Kommunes statusdashboard for planen."
AGGREGATE_ONLY = (
    "Siden viser kun samlede tal. Tal om færre end 5 sager eller personer vises som "
    "»under 5«, så ingen familie kan genkendes."
)
PAGE_TITLE = "{title} – {municipality}"

PLAN_TITLE = "Om planen"
PLAN_INTRO = (
    "{title} samler {municipality}s arbejde med at genoprette sagerne og udvikle "
    "familieområdet i {start}–{end}. Den blev udarbejdet efter en udvidet revision af "
    "familieområdet i 2024, og {approved_by} godkendte den {approved_on}."
)
PLAN_STATUSES = "Hver handling har én af fire statusser: {statuses}."
PLAN_FACTS_CAPTION = "Planen i tal"
PLAN_FACTS = ("Godkendt", "Periode", "Temaer", "Spor", "Handlinger")

MILESTONES_TITLE = "Baggrunden"
MILESTONES_INTRO = "Det er sket indtil nu:"
NO_MILESTONES = "Ingen begivenheder endnu."

THEMES_TITLE = "De {count} temaer"
THEMES_INTRO = (
    "Planens handlinger fordelt på tema og status. Tallene er præcise: handlingerne er "
    "kommunens eget arbejde og handler ikke om enkeltpersoner."
)
THEMES_CHART = "Søjlediagram: handlinger pr. tema og status"
THEMES_TABLE = "Handlinger pr. tema og status"
THEME_COLUMN = "Tema"
TOTAL_COLUMN = "I alt"
ALL_THEMES = "Alle temaer"

RESTORATION_TITLE = "Genopretning af sager"
RESTORATION_INTRO = (
    "Sager, hvor revisionen fandt mangler, genoprettes (spor A.1): i hver sag gennemføres de "
    "sagsskridt, der manglede."
)
RESTORATION_FIGURES = "Genopretningen i tal"
RESTORATION_LABELS = (
    "Sager i genopretning",
    "Fuldt genoprettet",
    "Åbne manglende sagsskridt",
    "Forventet færdig",
)
NO_RESTORATION = "Tallene for genopretningen vises, når sagsdata er indlæst."
NOT_PROJECTED = "kan ikke beregnes endnu"
BURN_DOWN_CHART = "Linjediagram: åbne manglende sagsskridt pr. uge"
BURN_DOWN_TABLES = "Tallene bag diagrammet: åbne manglende sagsskridt pr. uge"
BURN_DOWN_QUARTER = "{quarter}. kvartal {year}"
BURN_DOWN_COLUMNS = ("Uge, der begynder", "Åbne skridt")

INDICATORS_TITLE = "Effektmål"
INDICATORS_INTRO = (
    "De offentlige effektmål, der har en aktuel måling og et gældende mål. Mål fra tidligere "
    "strategier og gamle målinger vises ikke."
)
INDICATORS_TABLE = "Effektmål med aktuel måling"
INDICATOR_COLUMNS = ("Effektmål", "Seneste måling", "Målt", "Mål", "Vurdering")

FAMILIES_TITLE = "I sagde – vi gjorde"
FAMILIES_INTRO = (
    "Familiepanelet og borgermøderne har givet kommunen input til planen. Her står, hvad "
    "familierne sagde, som kommunen har opsummeret det, og hvad der er gjort: de handlinger i "
    "planen, der svarer på det, med deres status i dag."
)
FAMILIES_SAID = "I sagde"
FAMILIES_DONE = "Vi gjorde"
FAMILIES_NOT_POSSIBLE = "Ikke muligt"
FAMILIES_RESPONSE = "Kommunens svar"
FAMILIES_COUNTS_TABLE = "Handlinger, der svarer på familiernes input, pr. tema og status"
FAMILIES_FURTHER = "Det arbejder vi videre med"
FAMILIES_IN_PROGRESS = "under behandling"
