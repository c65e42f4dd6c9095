"""The Excel update page (Excel-opdatering): download, upload, preview, apply."""

from __future__ import annotations

TITLE = "Opdatér statusser via Excel"
INTRO = (
    "Hent de aktuelle statusser, ret Status, Ansvarlig og Statusnote i Excel, og upload filen "
    "igen. Du ser præcis hvad der ændres, før noget gemmes; intet gemmes, hvis blot én række "
    "har en fejl eller en konflikt."
)
THEMES = "Temaer i filen"
DOWNLOAD = "Hent Excel-fil"
UPLOAD = "Upload den redigerede fil"
SUMMARY = "{changes} · {unchanged} · {problems} fejl · {conflicts}"
CONFLICTS = ("konflikt", "konflikter")
PROBLEMS = "Rækker med fejl (ret dem i filen og upload igen):"
CONFLICT = (
    "{code} (linje {line}) er ændret i dashboardet af {who} {when}, efter filen blev hentet. "
    "Hent en ny fil."
)
APPLY = "Gem {changes}"  # changes: count_da(n, *common.CHANGES)
APPLIED = "{actions} er opdateret fra Excel."  # actions: count_da(n, *common.ACTIONS)
NOTHING = "Filen indeholder ingen ændringer."
