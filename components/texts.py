"""The UI's Danish texts, written once."""

from __future__ import annotations

APP_TITLE = "Genopretningsplan – Familieområdet"
APP_ICON = ":material/family_restroom:"

NAV_OVERVIEW = "Overblik"
NAV_SECTION_MAIN = "Overblik"
NAV_SECTION_THEMES = "Temaer"

THEME_HEADING = "Tema {code}: {title}"
THEME_NAV_LABEL = "Tema {code}: {title}"
TRACK_HEADING = "Spor {code}: {title}"

RESULTS_LABEL = "Forventede resultater"
TIMELINE_NOTES_LABEL = "Øvrigt fra tidsplanen"
OVERDUE_LABEL = "Overskredet"
NO_ACTIONS = "Ingen handlinger registreret for dette spor."

COL_CODE = "Nr."
COL_ACTION = "Handling"
COL_TIMELINE = "Frist og tidsplan (planens ord)"
COL_STATUS = "Status"
COL_RESPONSIBLE = "Ansvarlig"
COL_NOTE = "Statusnote"
COL_DEADLINE = "Frist"
COL_TIMELINE_PHRASE = "Tidsplan (planens ord)"
COL_REVISED_DEADLINE = "Revideret frist"
COL_REVISED_REASON = "Begrundelse for revideret frist"
COL_THEME = "Tema"
COL_TOTAL = "I alt"
COL_OVERDUE = "Overskredne"

DEADLINE_START_ONLY = "Start {date}"
DEADLINE_REVISED = "Revideret: {date}"

OVERVIEW_APPROVED = "Godkendt af {by} den {date}."
OVERVIEW_DEADLINE = "Alle åbne sager skal være genoprettet senest {text} ({date})."
OVERVIEW_BUDGET = "Investering i 2025: {text}"  # the text ends with "kr."
OVERVIEW_STATUS_HEADING = "Status pr. tema"
OVERVIEW_CHART_TITLE = "Handlinger pr. status"
OVERVIEW_ABOUT = "Om planen"
OVERVIEW_OPEN_THEME = "Åbn tema {code}"

METRIC_ACTIONS = "Handlinger i alt"
METRIC_DONE_SHARE = "Afsluttet/implementeret"
METRIC_OVERDUE = "Overskredne"
METRIC_ATTENTION = "Obs"

CHART_STATUS = "Status"
CHART_THEME = "Tema"
CHART_COUNT = "Antal handlinger"

NO_PLAN = "Planen er endnu ikke indlæst. Kør `python manage.py init-db`."
THEME_NOT_FOUND = "Temaet {code} findes ikke i planen."

LOGIN_TITLE = "Log ind"
LOGIN_USERNAME = "Brugernavn"
LOGIN_PASSWORD = "Adgangskode"
LOGIN_BUTTON = "Log ind"
LOGIN_SSO_BUTTON = "Log ind med organisationens konto (Microsoft)"
LOGIN_INTRO = (
    "Dashboardet for udviklings- og genopretningsplanen på familieområdet. "
    "Kun medarbejdere med et arbejdsbetinget behov har adgang."
)
LOGOUT_BUTTON = "Log ud"
LOGIN_DONE = "Du er logget ind."
LOGIN_LOADING = "Login-formularen indlæses …"
LOGIN_CONTINUE = "Vis login"
LOGGED_IN_AS = "Logget ind som **{name}**  \n{role}"
NO_ACCESS_TITLE = "Ingen adgang"
NO_ACCESS_TEXT = (
    "Du er logget ind som {email}, men har ingen adgang til dashboardet. "
    "Kontakt familieafdelingens administrator."
)

NAV_LOGIN = "Log ind"
NAV_SETUP = "Første opsætning"
NAV_USERS = "Brugere"
NAV_STATUS_FIGURES = "Status i tal"
NAV_SECTION_ADMIN = "Administration"
NAV_SECTION_PRESENTATION = "Præsentation"

SETUP_TITLE = "Første opsætning: opret administrator"
SETUP_INTRO = (
    "Der findes endnu ingen brugere. Indtast opsætningskoden, som serveren skrev i sin log ved "
    "start (eller som `python manage.py setup-code` viser), og opret den første administrator."
)
SETUP_CODE = "Opsætningskode"
SETUP_BUTTON = "Opret administrator"
SETUP_DONE = "Administratoren er oprettet. Log ind med brugernavn og adgangskode."
FIELD_USERNAME = "Brugernavn"
FIELD_NAME = "Navn"
FIELD_EMAIL = "E-mail (valgfri, til single sign-on)"
FIELD_PASSWORD = "Adgangskode (mindst 12 tegn)"
FIELD_PASSWORD_REPEAT = "Gentag adgangskode"
FIELD_ROLE = "Rolle"
PASSWORDS_DIFFER = "De to adgangskoder er ikke ens."

USERS_TITLE = "Brugere og roller"
USERS_TAB_ADD = "Opret bruger"
USERS_TAB_ROLE = "Skift rolle"
USERS_TAB_PASSWORD = "Nulstil adgangskode"
USERS_TAB_ACTIVE = "Deaktiver / genaktiver"
USERS_TAB_LOG = "Loginlog"
USERS_SELECT = "Bruger"
USERS_ADD_BUTTON = "Opret bruger"
USERS_ROLE_BUTTON = "Skift rolle"
USERS_PASSWORD_BUTTON = "Nulstil adgangskode"
USERS_DEACTIVATE_BUTTON = "Deaktiver"
USERS_ACTIVATE_BUTTON = "Genaktiver"
USERS_CREATED = "Brugeren {username} er oprettet."
USERS_ROLE_CHANGED = "{username} har nu rollen {role}."
USERS_PASSWORD_RESET = "Adgangskoden for {username} er nulstillet."
USERS_ACTIVE_CHANGED = "{username} er nu {state}."
USERS_COLUMNS = {
    "username": "Brugernavn",
    "display_name": "Navn",
    "email": "E-mail",
    "role": "Rolle",
    "active": "Aktiv",
    "created_at": "Oprettet",
    "last_login_at": "Seneste login",
}
LOG_COLUMNS = {"occurred_at": "Tidspunkt", "username": "Brugernavn", "outcome": "Hændelse"}
LOGIN_OUTCOME_LABELS = {
    "success": "Logget ind",
    "failure": "Forkert adgangskode",
    "locked": "Spærret (for mange forsøg)",
    "refused_locked": "Afvist: spærret",
    "logout": "Logget ud",
    "sso_success": "Logget ind (SSO)",
    "sso_unknown": "SSO: ukendt e-mail",
}

EDIT_MODE = "Redigér statusser"
EDIT_MODE_HELP = "Vis sporene som redigerbare tabeller. Ændringer gemmes først, når du trykker Gem."
SAVE_BUTTON = "Gem ændringer"
EDIT_PENDING = (
    "{fields} ikke-gemte ændringer i {count} handlinger ({codes}). "
    "Tryk «Gem ændringer» for at gemme dem."
)
EDIT_SAVED = "{count} handlinger gemt: {codes}."
EDIT_CONFLICT = (
    "{code} blev ikke gemt: {who} ændrede handlingen {when}. {current}. "
    "Vurdér om din ændring stadig skal med, og indtast den igen."
)
EDIT_CONFLICT_FIELD = "{field} er nu «{stored}» (din værdi: «{yours}»)"
HISTORY_LABEL = "Ændringshistorik"
HISTORY_SELECT = "Handling"
HISTORY_EMPTY = "Ingen ændringer registreret for denne handling."
LOG_COL_WHEN = "Tidspunkt"
LOG_COL_USER = "Bruger"
LOG_COL_ACTION = "Handling"
LOG_COL_FIELD = "Felt"
LOG_COL_OLD = "Fra"
LOG_COL_NEW = "Til"
LOG_COL_NOTE = "Note"

NAV_CHANGE_LOG = "Ændringslog"
CHANGE_LOG_TITLE = "Ændringslog"
CHANGE_LOG_PERIOD = "Periode"
CHANGE_LOG_THEMES = "Tema"
CHANGE_LOG_USERS = "Bruger"
CHANGE_LOG_STATUSES = "Handlingens status nu"
CHANGE_LOG_COUNT = "{count} ændringer i perioden."
CHANGE_LOG_EMPTY = "Ingen ændringer i den valgte periode."
CHANGE_LOG_DOWNLOAD = "Hent som CSV"

NAV_BULK = "Excel-opdatering"
BULK_TITLE = "Opdatér statusser via Excel"
BULK_INTRO = (
    "Hent de aktuelle statusser, ret Status, Ansvarlig og Statusnote i Excel, og upload filen "
    "igen. Du ser præcis hvad der ændres, før noget gemmes; intet gemmes, hvis blot én række "
    "har en fejl eller en konflikt."
)
BULK_THEMES = "Temaer i filen"
BULK_DOWNLOAD = "Hent Excel-fil"
BULK_UPLOAD = "Upload den redigerede fil"
BULK_SUMMARY = (
    "{changes} ændringer · {unchanged} uændrede · {problems} fejl · {conflicts} konflikter"
)
BULK_PROBLEMS = "Rækker med fejl (ret dem i filen og upload igen):"
BULK_CONFLICT = (
    "{code} (linje {line}) er ændret i dashboardet af {who} {when}, efter filen blev hentet. "
    "Hent en ny fil."
)
BULK_APPLY = "Gem {count} ændringer"
BULK_APPLIED = "{count} handlinger er opdateret fra Excel."
BULK_NOTHING = "Filen indeholder ingen ændringer."

NAV_RESTORATION = "Genopretning"
RESTORATION_TITLE = "Genopretning af sager"
RESTORATION_INTRO = (
    "Alle åbne sager skal være genoprettet – alle manglende sagsskridt gennemført – senest "
    "{deadline} (spor A.1). Tallene beregnes direkte fra de indlæste sager."
)
RESTORATION_EMPTY = (
    "Der er endnu ingen sager indlæst. En redaktør kan indlæse en fil fra fagsystemet nedenfor."
)
RESTORATION_DEMO_BANNER = (
    "DEMODATA: {count} af sagerne er syntetiske demosager (reference DEMO-…). "
    "Tallene viser ikke Faxe Kommunes virkelige sager."
)
R_CASES = "Sager i genopretning"
R_RESTORED = "Fuldt genoprettet"
R_WITH_PLAN = "Med genopretningsplan"
R_INFORMED = "Familier orienteret"
R_OPEN = "Åbne sagsskridt"
R_PACE4 = "Tempo, sidste 4 uger"
R_PACE8 = "Tempo, sidste 8 uger"
R_REQUIRED = "Krævet tempo til fristen"
R_PROJECTED = "Forventet færdig"
R_PER_WEEK = "{value} pr. uge"
R_AFTER_DEADLINE = "Passeret"
R_ON_TRACK = "Før fristen"
R_BEHIND = "Efter fristen"
R_NEVER = "Intet tempo: kan ikke fremskrives"
R_LATE = "Fristen {deadline} er passeret for {days} dage siden; {open} sagsskridt mangler stadig."
R_BURN_DOWN = "Åbne manglende sagsskridt over tid"
R_BURN_UP = "Fuldt genoprettede sager"
R_BY_TYPE = "Pr. sagsskridt"
R_BY_TEAM = "Pr. team"
R_BY_CONCERN = "Pr. bekymringsgrad"
R_OVERDUE = "Sagsskridt over deres frist ({count})"
R_OVERDUE_SHOWN = "Viser de {shown} ældste."
R_OVERDUE_COLUMNS = ("Sag", "Team", "Sagsskridt", "Frist", "Dage over frist")
R_C1_TITLE = "Berigtigelse af tabt arbejdsfortjeneste (spor C.1)"
R_C1_CASES = "Sager gennemgået"
R_C1_RECALCULATED = "Genberegnet"
R_C1_INFORMED = "Familier orienteret"
R_C1_SUM = "Samlet korrektion"
R_IMPORT_TITLE = "Indlæs sager fra fagsystemet"
R_IMPORT_HELP = (
    "CSV (semikolon eller komma; UTF-8 eller Windows-1252) eller Excel (.xlsx) med én række pr. "
    "manglende sagsskridt. Datoer som 31-12-2025, 31.12.2025 eller 2025-12-31. Kun "
    "pseudonyme sagsreferencer – aldrig navne eller CPR-numre."
)
R_TEMPLATE = "Hent skabelon (CSV)"
R_UPLOAD = "Vælg fil"
R_PROBLEMS = "Filen er ikke indlæst: {count} fejl. Ret dem og prøv igen."
R_PREVIEW = (
    "Filen er gyldig: {new} nye sager, {changed} ændrede, {unchanged} uændrede "
    "({steps} sagsskridt i alt)."
)
R_APPLY = "Indlæs filen"
R_APPLIED = "Sagerne er indlæst: {new} nye, {changed} ændrede, {unchanged} uændrede."
R_DEMO_LOAD = "Indlæs demodata"
R_DEMO_REMOVE = "Fjern demodata"
R_DEMO_LOADED = "{count} demosager er indlæst."
R_DEMO_REMOVED = "{count} demosager er fjernet."
R_PROBLEM_COLUMNS = ("Linje", "Kolonne", "Fejl")
R_MORE_PROBLEMS = "… og {count} fejl mere."

OV_HEADLINE = "Hvor står vi?"
OV_DONE_SHARE = "Afsluttet/implementeret"
OV_DONE_HELP = "{done} af {total} handlinger"
OV_RESTORATION = "Genopretning af sager"
OV_RESTORATION_FORECAST = "Forventet færdig {date} – {verdict}."
OV_RESTORATION_OPEN = "{open} åbne sagsskridt; tempo {pace} pr. uge."
OV_RESTORATION_NONE = "Ingen sagsdata indlæst endnu."
OV_RESTORATION_LINK = "Åbn Genopretning"
OV_ATTENTION = "Kræver opmærksomhed"
OV_ATTENTION_EMPTY = (
    "Ingen handlinger er overskredet, markeret Obs eller har frist inden for 6 uger."
)
OV_ATTENTION_COLUMNS = (
    "Tema",
    "Spor",
    "Nr.",
    "Handling",
    "Frist",
    "Status",
    "Ansvarlig",
    "Seneste ændring",
    "Hvorfor",
)
OV_SINCE = "Siden sidste gennemgang"
OV_SINCE_PERIOD = "Periode"
OV_SINCE_LINK = "Se alle ændringer i Ændringsloggen"
OV_TIMELINE = "Tidslinje"
OV_TIMELINE_THEMES = "Tema"
OV_TIMELINE_STATUSES = "Status"
OV_TIMELINE_RESPONSIBLE = "Ansvarlig"
OV_TIMELINE_EMPTY = "Ingen handlinger med dato passer til filtrene."
OV_DEMO = "Genopretningstallene bygger på DEMODATA (syntetiske sager)."
FILTER_ALL = "Alle"

NAV_INDICATORS = "Effektmål"
IND_TITLE = "Effektmål"
IND_INTRO = (
    "Planen følges op med målbare effektmål. Hvert kort viser seneste måling, status mod målet, "
    "udviklingen og om tallet er forældet (ældre end den forventede opdateringsfrekvens)."
)
IND_THEMES = "Tema"
IND_LATEST = "Seneste: {value} {unit} ({date})"
IND_NO_DATA = "Ingen målinger endnu – afventer data."
IND_TARGET = "Mål: {target}"
IND_NO_TARGET = "Intet mål fastsat i planen."
IND_STALE = "forældet"
IND_FRESH = "opdateret {frequency}"
IND_PUBLIC = "offentlig"
IND_TREND = "Udvikling: {trend}"
IND_SOURCE = "Kilde: {source}"
IND_RECORD = "Registrér eller ret måling"
IND_DATE = "Dato"
IND_VALUE = "Værdi ({unit})"
IND_COMMENT = "Kommentar (kilde)"
IND_SAVE = "Gem måling"
IND_SAVED = "Målingen for {name} er gemt."
IND_IMPORT = "Indlæs målinger fra fil (CSV/Excel)"
IND_IMPORT_HELP = "Kolonner: Effektmål (kode), Dato, Værdi, Kommentar. Alt eller intet indlæses."
IND_IMPORT_APPLY = "Indlæs {count} målinger"
IND_IMPORTED = "{count} målinger er indlæst."
IND_CODE = "Kode: {code}"

NAV_REPORTS = "Statusrapporter"
REP_TITLE = "Statusrapporter til Børn & Læringsudvalget"
REP_INTRO = (
    "Frys den aktuelle status som en navngiven rapport, sammenlign to rapporter (eller en "
    "rapport med status nu), og hent bilaget som Excel, Word eller PDF."
)
REP_KEY_MESSAGES = "5 pointer (bruges i bilag og på borgermøde)"
REP_KEY_SAVE = "Gem pointer"
REP_KEY_SAVED = "Pointerne er gemt."
REP_CREATE = "Opret statusrapport"
REP_NAME = "Navn (fx «Status BLU 29.9.2025»)"
REP_DATE = "Dato"
REP_CREATE_BUTTON = "Frys status nu"
REP_CREATED = "Statusrapporten «{name}» er oprettet."
REP_NONE = "Der er endnu ingen statusrapporter."
REP_CHOOSE = "Rapport"
REP_AGAINST = "Sammenlign med"
REP_NO_COMPARE = "(ingen sammenligning)"
REP_COMPARE_TITLE = "Hvad er sket siden?"
REP_COMPARE_COLUMNS = ("Tema", "Nr.", "Handling", "Fra", "Til", "Ny Obs", "Nyligt overskredet")
REP_RESTORATION = "Genopretning side om side"
REP_DOWNLOADS = "Hent"
REP_XLSX = "Excel (.xlsx)"
REP_DOCX = "Word-bilag (.docx)"
REP_PDF = "PDF-bilag"
REP_PNG = "Diagram (PNG)"
REP_DELETE = "Slet rapport"
REP_DELETED = "Statusrapporten «{name}» er slettet."
REP_LIST_COLUMNS = ("Navn", "Dato", "Oprettet af", "Oprettet")

NAV_PRESENTATION = "Borgermøde"
SLIDE_PREVIOUS = "← Forrige"
SLIDE_NEXT = "Næste →"
SLIDE_PPTX = "Hent som PowerPoint"
