"""The Excel update page (Excel-opdatering): download, upload, preview, apply."""

from __future__ import annotations

TITLE = "Opdatér statusser via Excel"
INTRO = (
    "Hent de aktuelle statusser, ret Status, Ansvarlig, Ejer (en redaktør eller administrator) "
    "og Statusnote i Excel, og vælg filen her igen. Du ser præcis hvad der ændres, før noget "
    "gemmes; intet gemmes, hvis blot én række har en fejl eller en konflikt. En konflikt er en "
    "række, du har ændret i filen, og som en anden har ændret i dashboardet, efter du hentede "
    "filen; ændringer af andre handlinger i dashboardet er ikke konflikter."
)
THEMES = "Temaer i filen"
DOWNLOAD = "Hent Excel-fil"
UPLOAD = "Vælg den redigerede fil"
SUMMARY = "{changes} · {unchanged} · {problems} fejl · {conflicts}"
CONFLICTS = ("konflikt", "konflikter")
PROBLEMS = "Rækker med fejl (ret dem i filen, og vælg den igen):"
CONFLICT = (
    "{code} (linje {line}) er ændret både i filen og i dashboardet ({who}, {when}), efter filen "
    "blev hentet: {fields}. Skriv dashboardets værdi i filen, eller hent en ny fil og indtast "
    "din ændring igen, hvis den stadig skal med."
)
CONFLICT_FIELD = "{field} er «{app}» i dashboardet og «{file}» i filen"
APPLY = "Gem {changes}"  # changes: count_da(n, *common.CHANGES)
APPLIED = "{actions} er opdateret fra Excel."  # actions: count_da(n, *common.ACTIONS)
NOTHING = "Filen indeholder ingen ændringer."
