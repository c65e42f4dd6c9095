"""The citizen-meeting presentation (Borgermøde): slide navigation, presenter mode, download."""

from __future__ import annotations

PREVIOUS = "← Forrige"
NEXT = "Næste →"
PPTX = "Hent som PowerPoint"
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
AT_LEAST_HELP = (
    "Tal under 5 vises ikke. Hvor et tema har under 5 handlinger med denne status, tæller de "
    "her som 1, så tallet er et mindstetal."
)
