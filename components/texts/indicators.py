"""The effect-goal page (Effektmål): cards, entry form and the measurement import."""

from __future__ import annotations

TITLE = "Effektmål"
INTRO = (
    "Planen følges op med målbare effektmål. Hvert kort viser seneste måling, status mod målet, "
    "udviklingen og om tallet er forældet (ældre end den forventede opdateringsfrekvens)."
)
THEMES = "Tema"
LATEST = "Seneste: {value} {unit} ({date})"
NO_DATA = "Ingen målinger endnu – afventer data."
TARGET = "Mål: {target}"
NO_TARGET = "Intet mål fastsat i planen."
STALE = "forældet"
FRESH = "opdateret {frequency}"
PUBLIC = "offentlig"
TREND = "Udvikling: {trend}"
SOURCE = "Kilde: {source}"

RECORD = "Registrér eller ret måling"
DATE = "Dato"
VALUE = "Værdi ({unit})"
COMMENT = "Kommentar (kilde)"
SAVE = "Gem måling"
SAVED = "Målingen for {name} er gemt."

IMPORT = "Indlæs målinger fra fil (CSV/Excel)"
IMPORT_HELP = "Kolonner: Effektmål (kode), Dato, Værdi, Kommentar. Alt eller intet indlæses."
IMPORT_APPLY = "Indlæs {measurements}"
IMPORTED = "{measurements} er indlæst."
MEASUREMENTS = ("måling", "målinger")
