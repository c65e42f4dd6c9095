"""Mine handlinger: an owner's actions in one place, most urgent first."""

from __future__ import annotations

TITLE = "Mine handlinger"
INTRO = (
    "De handlinger, du er ejer af (og handlinger uden egen ejer i spor, du ejer). Opdatér "
    "status og note direkte i tabellen, eller markér «Bekræft uændret», når intet er ændret."
)
NONE = (
    "Du er ikke ejer af nogen handlinger. En redaktør kan gøre dig til ejer i et temas "
    "redigeringstabel eller i Excel-opdateringen."
)
SECTION_LABEL = "{section} ({count})"
SECTION_HELP = {
    "Kræver handling": "Overskredne handlinger og handlinger (også Obs), som ingen har "
    "opdateret eller bekræftet inden for deres vindue.",
    "Frist inden for 30 dage": "Fristen falder inden for de næste 30 dage.",
    "Resten": "Alt andet, du ejer: Obs med en frisk begrundelse først, afsluttede til sidst.",
}
SECTION_EMPTY = "Ingen handlinger her."
