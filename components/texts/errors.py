"""What a user reads when a page fails: Danish, with the id an operator finds in the log."""

from __future__ import annotations

DATABASE_DOWN = (
    "Databasen svarer ikke lige nu, så siden kan ikke vises, og intet kan gemmes. Det, der "
    "allerede er gemt, er ikke tabt. Prøv igen om lidt."
)
DISK_FULL = (
    "Serverens disk er fuld, så intet kan gemmes lige nu, heller ikke et login. Det, der "
    "allerede er gemt, er ikke tabt. Prøv igen senere; IT skal skaffe plads på serveren."
)
UNEXPECTED = "Der skete en uventet fejl, så siden kan ikke vises helt."
ERROR_ID = "Fejl-id: {error_id}. Giv id'et til IT; det står i serverens log."
EDITS_KEPT = (
    "Dine ændringer i tabellen blev ikke gemt, men de er ikke tabt: tryk «Prøv igen», så står "
    "de i tabellen igen, og gem dem så."
)
RETRY = "Prøv igen"

# A save that the database refused while the page itself could be shown.
SAVE_DATABASE_DOWN = (
    "Databasen svarer ikke, så intet blev gemt. Dine ændringer står stadig i tabellen; tryk "
    "«Gem ændringer» igen om lidt."
)
SAVE_DISK_FULL = (
    "Serverens disk er fuld, så intet blev gemt. Dine ændringer står stadig i tabellen; tryk "
    "«Gem ændringer» igen, når IT har skaffet plads på serveren."
)
KEPT_ROW = (
    "{code} blev ikke gemt, fordi serveren ikke kunne gemme, da du trykkede «Gem ændringer». "
    "Det, du skrev, står stadig i tabellen; tryk «Gem ændringer» igen."
)
