"""The change-log page (Ændringslog): filters, count, download."""

from __future__ import annotations

TITLE = "Ændringslog"
PERIOD = "Periode"
THEMES = "Tema"
USERS = "Bruger"
STATUSES = "Handlingens status nu"
COUNT = "{changes} i perioden."  # changes: count_da(n, *common.CHANGES)
EMPTY = "Ingen ændringer i den valgte periode."
DOWNLOAD = "Hent som CSV"
