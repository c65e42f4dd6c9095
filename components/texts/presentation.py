"""The citizen-meeting presentation (Borgermøde): slide navigation and download."""

from __future__ import annotations

PREVIOUS = "← Forrige"
NEXT = "Næste →"
PPTX = "Hent som PowerPoint"
# Status i tal
STATUS_FIGURES_EXACT = (
    "Antal handlinger i planen, præcise tal. Tal under 5 skjules kun, når de handler om "
    "personer (sager, børn og familier)."
)
