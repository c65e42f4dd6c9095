"""The plan decisions page (Planbeslutninger): re-baselining after a committee decision."""

from __future__ import annotations

TITLE = "Planbeslutninger"
INTRO = (
    "Når Børn & Læringsudvalget (eller en anden myndighed) beslutter nye frister, registreres "
    "beslutningen her med de handlinger og den genopretningsfrist, den flytter. Planens "
    "oprindelige frister bliver stående og vises ved siden af de nye overalt; ændringsloggen "
    "viser, hvilken beslutning der flyttede hvad."
)
EMPTY = "Der er endnu ikke registreret nogen beslutninger, der flytter frister."
FORM_TITLE = "Registrér en beslutning"
DECIDED_ON = "Beslutningsdato"
BODY = "Truffet af"
BODY_DEFAULT = "Børn & Læringsudvalget"
REFERENCE = "Reference (fx punkt og mødedato i referatet)"
TEXT = "Beslutningen"
MOVE_RESTORATION = "Beslutningen flytter fristen for genopretning af alle åbne sager"
RESTORATION_DEADLINE = "Ny frist for genopretning"
MOVES = "Handlinger, der får ny frist"
MOVES_PLACEHOLDER = "Vælg handlinger"
NEW_DEADLINE = "Ny frist for {code} (nu {current})"
MISSING_DATES = "Angiv en ny frist for {codes}."
RESTORATION_NAMED = "genopretningen"
SUBMIT = "Registrér beslutningen"
SAVED = "Beslutningen er registreret: {label}."

LIST_TITLE = "Registrerede beslutninger"
RESTORATION_MOVED = "Ny frist for genopretning: {date}"
ACTION_MOVED = "{code}: {old} → {new}"
RECORDED_BY = "Registreret af {user} {when}"
