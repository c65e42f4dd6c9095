"""The citizen-meeting presentation (Borgermøde): slide navigation, presenter mode, download."""

from __future__ import annotations

PREVIOUS = "← Forrige"
NEXT = "Næste →"
PPTX = "Hent som PowerPoint"
# Status i tal
STATUS_FIGURES_EXACT = (
    "Antal handlinger i planen, præcise tal. Tal under 5 skjules kun, når de handler om "
    "personer (sager, børn og familier)."
)
PRESENT = "Præsentér i fuld skærm"
PRESENT_HELP = (
    "Viser kun diasset: uden menu, login og knapper. Skift dias med piletasterne, PageUp/"
    "PageDown, mellemrum eller en præsentationsklikker; Home og End går til første og sidste "
    "dias. F skifter browserens fuldskærm. Esc afslutter."
)
DARK = "Mørkt tema til lys projektor"
DARK_HELP = "Lys tekst på sort baggrund: står skarpere på en lysstærk projektor."
EXIT = "Afslut præsentation (Esc)"
KEYS_HINT = "Tip: piletasterne og en præsentationsklikker skifter også dias."
