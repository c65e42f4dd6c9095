"""The citizen-meeting presentation (Borgermøde): slide navigation and download."""

from __future__ import annotations

PREVIOUS = "← Forrige"
NEXT = "Næste →"
PPTX = "Hent som PowerPoint"
