"""The theme pages: tracks, expected results, and the track editor with its change history."""

from __future__ import annotations

HEADING = "Tema {code}: {title}"
NOT_FOUND = "Temaet {code} findes ikke i planen."
TRACK_HEADING = "Spor {code}: {title}"
RESULTS = "Forventede resultater"
TIMELINE_NOTES = "Øvrigt fra tidsplanen"
NO_ACTIONS = "Ingen handlinger registreret for dette spor."

EDIT_MODE = "Redigér statusser"
EDIT_MODE_HELP = "Vis sporene som redigerbare tabeller. Ændringer gemmes først, når du trykker Gem."
SAVE = "Gem ændringer"
PENDING = "{fields} i {actions} ({codes}). Tryk «Gem ændringer» for at gemme."
UNSAVED_CHANGES = ("ikke-gemt ændring", "ikke-gemte ændringer")
SAVED = "{actions} gemt: {codes}."
CONFLICT = (
    "{code} blev ikke gemt: {who} ændrede handlingen {when}. {current}. "
    "Vurdér om din ændring stadig skal med, og indtast den igen."
)
CONFLICT_FIELD = "{field} er nu «{stored}» (din værdi: «{yours}»)"

HISTORY = "Ændringshistorik"
HISTORY_SELECT = "Handling"
HISTORY_EMPTY = "Ingen ændringer registreret for denne handling."

TRACK_OWNER = "Ejer af sporet"
TRACK_OWNER_HELP = (
    "Ejeren holder sporets handlinger opdateret, når en handling ikke har sin egen ejer. "
    "Kun redaktører og administratorer kan være ejere."
)
NO_OWNER = "(ingen ejer)"
TRACK_OWNER_SAVED = "{track} har nu ejer: {owner}."
