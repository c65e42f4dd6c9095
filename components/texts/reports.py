"""The status-report page (Statusrapporter): key messages, freeze, compare, export."""

from __future__ import annotations

TITLE = "Statusrapporter til Børn & Læringsudvalget"
INTRO = (
    "Frys den aktuelle status som en navngiven rapport, sammenlign to rapporter (eller en "
    "rapport med status nu), og hent bilaget som Excel, Word eller PDF."
)
KEY_MESSAGES = "5 pointer (bruges i bilag og på borgermøde)"
KEY_SAVE = "Gem pointer"
KEY_SAVED = "Pointerne er gemt."

CREATE = "Opret statusrapport"
NAME = "Navn (fx «Status BLU 29.9.2025»)"
DATE = "Dato"
CREATE_BUTTON = "Frys status nu"
CREATED = "Statusrapporten «{name}» er oprettet."
NONE = "Der er endnu ingen statusrapporter."
LIST_COLUMNS = ("Navn", "Dato", "Fremlagt for udvalget", "Oprettet af", "Oprettet")
NOT_PRESENTED = "nej"
PRESENTED_TITLE = "Fremlagt for Børn & Læringsudvalget?"
PRESENTED_HELP = (
    "Kun rapporter, der er fremlagt for udvalget, vises som milepæle på borgermødets tidslinje "
    "(med mødedatoen)."
)
PRESENTED = "Rapporten er fremlagt for udvalget"
MEETING_DATE = "Mødedato"
PRESENTED_SAVE = "Gem"
PRESENTED_SAVED = "«{name}» er markeret som fremlagt den {date}."
UNPRESENTED_SAVED = "«{name}» er ikke længere markeret som fremlagt."

CHOOSE = "Rapport"
AGAINST = "Sammenlign med"
NO_COMPARE = "(ingen sammenligning)"
COMPARE_TITLE = "Hvad er sket siden?"
THEME_SENTENCE = "Tema {theme}: {sentence}"
COMPARE_COLUMNS = ("Tema", "Nr.", "Handling", "Fra", "Til", "Ny Obs", "Nyligt overskredet")
RESTORATION = "Genopretning side om side"

DOWNLOADS = "Hent"
XLSX = "Excel (.xlsx)"
DOCX = "Word-bilag (.docx)"
PDF = "PDF-bilag"
PNG = "Diagram (PNG)"

DELETE = "Slet rapport"
DELETED = "Statusrapporten «{name}» er slettet."
