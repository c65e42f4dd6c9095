"""The change-log page (Ændringslog): filters, count, download."""

from __future__ import annotations

TITLE = "Ændringslog"
PERIOD = "Periode"
THEMES = "Tema"
USERS = "Bruger"
STATUSES = "Handlingens status nu"
COUNT = "{changes} i perioden."  # changes: count_da(n, *common.CHANGES)
NEWEST = "Viser de nyeste {shown} af {changes} – hent CSV for alle."
# shown: number_da(rows shown); changes: count_da(n, *common.CHANGES)
EMPTY = "Ingen ændringer i den valgte periode."
DOWNLOAD = "Hent som CSV"
