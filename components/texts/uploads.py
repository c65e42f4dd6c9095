"""What every file upload says: the file field and the table of a file's errors."""

from __future__ import annotations

CHOOSE_FILE = "Vælg fil"
PROBLEMS = "Filen er ikke indlæst: {count} fejl. Ret dem og prøv igen."
PROBLEM_COLUMNS = ("Linje", "Kolonne", "Fejl")
MORE_PROBLEMS = "… og {count} fejl mere."
