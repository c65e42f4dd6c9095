"""The UI's Danish texts, written once."""

from __future__ import annotations

APP_TITLE = "Genopretningsplan – Familieområdet"
APP_ICON = ":material/family_restroom:"

NAV_OVERVIEW = "Overblik"
NAV_SECTION_MAIN = "Overblik"
NAV_SECTION_THEMES = "Temaer"

THEME_HEADING = "Tema {code}: {title}"
THEME_NAV_LABEL = "Tema {code}: {title}"
TRACK_HEADING = "Spor {code}: {title}"

RESULTS_LABEL = "Forventede resultater"
TIMELINE_NOTES_LABEL = "Øvrigt fra tidsplanen"
OVERDUE_LABEL = "Overskredet"
NO_ACTIONS = "Ingen handlinger registreret for dette spor."

COL_CODE = "Nr."
COL_ACTION = "Handling"
COL_TIMELINE = "Frist og tidsplan (planens ord)"
COL_STATUS = "Status"
COL_RESPONSIBLE = "Ansvarlig"
COL_NOTE = "Statusnote"
COL_THEME = "Tema"
COL_TOTAL = "I alt"
COL_OVERDUE = "Overskredne"

DEADLINE_START_ONLY = "Start {date}"
DEADLINE_REVISED = "Revideret: {date}"

OVERVIEW_APPROVED = "Godkendt af {by} den {date}."
OVERVIEW_DEADLINE = "Alle åbne sager skal være genoprettet senest {text} ({date})."
OVERVIEW_BUDGET = "Investering i 2025: {text}"  # the text ends with "kr."
OVERVIEW_STATUS_HEADING = "Status pr. tema"
OVERVIEW_CHART_TITLE = "Handlinger pr. status"
OVERVIEW_ABOUT = "Om planen"
OVERVIEW_OPEN_THEME = "Åbn tema {code}"

METRIC_ACTIONS = "Handlinger i alt"
METRIC_DONE_SHARE = "Afsluttet/implementeret"
METRIC_OVERDUE = "Overskredne"
METRIC_ATTENTION = "Obs"

CHART_STATUS = "Status"
CHART_THEME = "Tema"
CHART_COUNT = "Antal handlinger"

NO_PLAN = "Planen er endnu ikke indlæst. Kør `python manage.py init-db`."
THEME_NOT_FOUND = "Temaet {code} findes ikke i planen."
