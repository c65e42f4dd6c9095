"""The overview page (Overblik): where the plan stands, what needs attention, what changed."""

from __future__ import annotations

from models.plan.overview import Attention

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
SECTION_LABEL = "{section} ({count})"
SECTIONS_OPEN = (Attention.obs, Attention.due_soon)
SECTION_HELP = {
    Attention.obs: "Handlinger med status Obs; noten siger hvorfor.",
    Attention.overdue: "Fristen er passeret, og handlingen er ikke afsluttet.",
    Attention.due_soon: "Fristen falder inden for de næste 30 dage.",
    Attention.unconfirmed: (
        "Ingen har opdateret eller bekræftet handlingen inden for dens vindue (30 dage, "
        "eller dens rytme for tilbagevendende arbejde)."
    ),
}

SINCE = "Siden sidste gennemgang"
SINCE_PERIOD = "Periode"
SINCE_LINK = "Se alle ændringer i Ændringsloggen"

TIMELINE = "Tidslinje"
TIMELINE_THEMES = "Tema"
TIMELINE_STATUSES = "Status"
TIMELINE_RESPONSIBLE = "Ansvarlig"
TIMELINE_EMPTY = "Ingen handlinger med dato passer til filtrene."

ABOUT = "Om planen"
