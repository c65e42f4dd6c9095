"""The overview page (Overblik): where the plan stands, what needs attention, what changed."""

from __future__ import annotations

from components.texts import common

NO_PLAN = "Planen er endnu ikke indlæst. Kør `python manage.py init-db`."
APPROVED = "Godkendt af {by} den {date}."
OVERDUE_HELP = (
    "Handlinger med en frist, der er passeret, og som ikke er afsluttet. Tilbagevendende og "
    "løbende handlinger har ingen frist og tælles ikke med."
)
BUDGET = "Investering i 2025: {text}"  # the text ends with "kr."

DONE_SHARE = "Afsluttet/implementeret"
DONE_HELP = "{done} af {total}"  # total: count_da(n, *common.ACTIONS)
OBS_COUNT = "Obs"
ACTIONS_TOTAL = "Handlinger i alt"
RESTORATION_FORECAST = "Forventet færdig {date} – {verdict}."
RESTORATION_OPEN = "{open}; tempo {pace} pr. uge."
OPEN_STEPS = ("åbent sagsskridt", "åbne sagsskridt")
RESTORATION_NONE = "Ingen sagsdata indlæst endnu."
RESTORATION_LINK = "Åbn Genopretning"
DEMO = "Genopretningstallene bygger på DEMODATA (syntetiske sager)."

STATUS_HEADING = "Status pr. tema"
OPEN_THEME = "Åbn tema {code}"

ATTENTION = "Kræver opmærksomhed"
ATTENTION_EMPTY = (
    "Ingen handlinger er overskredet, markeret Obs, har frist inden for 6 uger eller mangler "
    "en bekræftelse."
)
ATTENTION_COLUMNS = (
    "Tema",
    "Spor",
    common.COL_CODE,
    common.COL_ACTION,
    common.COL_DEADLINE,
    common.COL_PLAN_DEADLINE,
    common.COL_STATUS,
    common.COL_RESPONSIBLE,
    "Seneste ændring",
    "Hvorfor",
)

SINCE = "Siden sidste gennemgang"
SINCE_PERIOD = "Periode"
SINCE_LINK = "Se alle ændringer i Ændringsloggen"

TIMELINE = "Tidslinje"
TIMELINE_THEMES = "Tema"
TIMELINE_STATUSES = "Status"
TIMELINE_RESPONSIBLE = "Ansvarlig"
TIMELINE_EMPTY = "Ingen handlinger med dato passer til filtrene."

ABOUT = "Om planen"
