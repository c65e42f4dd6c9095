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
DATE_HELP = (
    "Rapporten fryser data, som de er i dag, og dateres derfor i dag. En anden dato kræver, "
    "at rapporten markeres som rekonstruktion."
)
RECONSTRUCTION = "Rekonstruktion: rapporten dateres før i dag"
RECONSTRUCTION_HELP = (
    "Brug det kun, når en rapport til en tidligere dato skal laves bagefter. Data er stadig "
    "dagens; rapporten og alle dens filer siger tydeligt, at den er en rekonstruktion."
)
APPENDIX_NUMBER = "Bilagsnummer"
APPENDIX_NUMBER_HELP = "Bilagets nummer på udvalgets dagsorden (kan udfyldes senere)."
MEETING_ON = "Til udvalgsmødet den"
MEETING_ON_HELP = "Mødet, bilaget skrives til (kan udfyldes senere)."
CREATE_BUTTON = "Frys status nu"
CREATED = "Statusrapporten «{name}» er oprettet."
NONE = "Der er endnu ingen statusrapporter."
LIST_COLUMNS = (
    "Navn",
    "Dato",
    "Bilag",
    "Rekonstruktion",
    "Fremlagt for udvalget",
    "Oprettet af",
    "Oprettet",
)
NOT_PRESENTED = "nej"
RECONSTRUCTED_ON = "ja, data fra {day}"
APPENDIX_TITLE = "Bilagsnummer og udvalgsmøde"
APPENDIX_HELP = "Vises i Word- og PDF-bilagets titel, fx «Bilag 3 til mødet 12. maj 2027»."
APPENDIX_SAVE = "Gem bilagsoplysninger"
APPENDIX_SAVED = "Bilagsoplysningerne for «{name}» er gemt."
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
DELETE_HELP = (
    "En statusrapport er et dokument, der kan være sendt til udvalget. Sletningen gemmes i "
    "loggen med dit navn, tidspunktet og begrundelsen."
)
DELETE_CONFIRM = "Skriv rapportens navn «{name}» for at bekræfte"
DELETE_REASON = "Begrundelse (mindst 10 tegn; gemmes i loggen)"
DELETE_BUTTON = "Slet rapporten endeligt"
DELETED = "Statusrapporten «{name}» er slettet."
DELETED_TITLE = "Slettede statusrapporter"
DELETED_COLUMNS = ("Slettet", "Af", "Rapport", "Begrundelse")
