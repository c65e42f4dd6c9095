"""The theme pages: tracks, expected results, and the track editor with its change history."""

from __future__ import annotations

HEADING = "Tema {code}: {title}"
NOT_FOUND = "Temaet {code} findes ikke i planen."
TRACK_HEADING = "Spor {code}: {title}"
RESULTS = "Forventede resultater"
TIMELINE_NOTES = "Øvrigt fra tidsplanen"
NO_ACTIONS = "Ingen handlinger registreret for dette spor."

EDIT_MODE = "Redigér statusser"
EDIT_MODE_HELP = (
    "Vis sporene som redigerbare tabeller. Ændringer gemmes først, når du trykker Gem. "
    "Dobbeltklik på en celle for at se hele teksten; flere kolonner (frister, type, rytme) "
    "ligger til højre."
)
SAVE = "Gem ændringer"
DISCARD = "Fortryd ikke-gemte ændringer"
PENDING = "{fields} i {actions} ({codes}). Tryk «Gem ændringer» for at gemme."
PENDING_CONFIRM = "{actions} bekræftes uændret ({codes}), når du trykker «Gem ændringer»."
UNSAVED_CHANGES = ("ikke-gemt ændring", "ikke-gemte ændringer")
SAVED = "{actions} gemt: {codes}."
CONFIRMED = "{actions} bekræftet uændret: {codes}."
REFUSED = (
    "{code} blev ikke gemt: {reason} Det, du skrev, står stadig i tabellen: ret det, og tryk "
    "«Gem ændringer» igen."
)

# Columns of the editor grid that only the grid has
COL_LAST_TOUCHED = "Senest opdateret/bekræftet"
LAST_TOUCHED_CELL = "{date}, {user}"
COL_CONFIRM = "Bekræft uændret"
CONFIRM_HELP = (
    "Sæt flueben, når du har set handlingen i dag, og intet skal ændres; det registreres, når "
    "du trykker «Gem ændringer». Har du også ændret noget i rækken, gemmes ændringen i stedet."
)
OWNER_HELP = (
    "Den bruger i dashboardet, der holder handlingen opdateret (en redaktør eller "
    "administrator). «Ansvarlig» er fritekst, fx en ekstern part."
)
ACTION_HELP = "Dobbeltklik på en celle for at se hele teksten."
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
