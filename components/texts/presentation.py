"""The citizen-meeting presentation (Borgermøde): slide navigation and download."""

from __future__ import annotations

PREVIOUS = "← Forrige"
NEXT = "Næste →"
PPTX = "Hent som PowerPoint"
AT_LEAST_HELP = (
    "Tal under 5 vises ikke. Hvor et tema har under 5 handlinger med denne status, tæller de "
    "her som 1, så tallet er et mindstetal."
)
