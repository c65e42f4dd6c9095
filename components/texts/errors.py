"""What a user reads when a page fails: Danish, with the id an operator finds in the log."""

from __future__ import annotations

DATABASE_DOWN = (
    "Databasen svarer ikke lige nu, så siden kan ikke vises. Prøv igen om lidt; det du har "
    "gemt, er ikke tabt."
)
DISK_FULL = (
    "Serverens disk er fuld, så intet kan gemmes lige nu. Det du har skrevet, er ikke gemt; "
    "kopiér det, hvis det er langt, og prøv igen senere."
)
UNEXPECTED = "Der skete en uventet fejl, så siden kan ikke vises helt."
ERROR_ID = "Fejl-id: {error_id}. Giv id'et til IT; det står i serverens log."
