"""Text alternatives of the app's charts (WCAG 1.1.1): a sentence with the figures, read out
as the chart's name, and the figures as a table one click away."""

from __future__ import annotations

SHOW_FIGURES = "Vis tallene bag diagrammet"

# The overview's timeline
TIMELINE = (
    "Tidslinje over {actions} fra {first} til {last}: {statuses}. "
    "I dag er {today}; genopretningsfristen er {deadline}."
)
TIMELINE_MOVED = " Planens oprindelige genopretningsfrist var {original}."
TIMELINE_COLUMNS = ("Nr.", "Handling", "Periode", "Status", "Ansvarlig")
ACTIONS = ("handling", "handlinger")

# The restoration page
BURN_DOWN = (
    "Åbne manglende sagsskridt pr. uge: {first_value} den {first_date}, {last_value} den "
    "{last_date}."
)
BURN_DOWN_IDEAL = " Ideel kurs: fra {total} den {start} til 0 ved fristen {deadline}."
BURN_DOWN_PROJECTION = " Med tempoet fra de sidste 4 uger er de sidste sagsskridt lukket {date}."
BURN_DOWN_NO_PROJECTION = " Med tempoet fra de sidste 4 uger bliver de ikke lukket."
BURN_DOWN_COLUMNS = ("Uge", "Åbne sagsskridt")
BURN_UP = (
    "Fuldt genoprettede sager: {last_value} af {cases} den {last_date} "
    "({first_value} den {first_date})."
)
BURN_UP_COLUMNS = ("Uge", "Fuldt genoprettede sager")
BREAKDOWN = "{title}: {figures}."
BREAKDOWN_COLUMNS = ("Kategori", "Åbne sagsskridt")

# The indicator cards
INDICATOR = "{name}, målinger: {figures}."
INDICATOR_TARGET = " Mål: {target}."
INDICATOR_COLUMNS = ("Dato", "Værdi", "Kilde/kommentar")
