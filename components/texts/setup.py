"""The first-run page: the holder of the server's setup code creates the first administrator."""

from __future__ import annotations

TITLE = "Første opsætning: opret administrator"
INTRO = (
    "Der findes endnu ingen brugere. Indtast opsætningskoden, som serveren skrev i sin log ved "
    "start (eller som `python manage.py setup-code` viser), og opret den første administrator."
)
CODE = "Opsætningskode"
BUTTON = "Opret administrator"
DONE = "Administratoren er oprettet. Log ind med brugernavn og adgangskode."
