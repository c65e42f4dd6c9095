"""Texts shared by several pages: app title, navigation, column names, deadlines, counts."""

from __future__ import annotations

APP_TITLE = "Genopretningsplan – Familieområdet"
# An emoji, drawn by the browser: a material icon as the favicon is fetched from
# fonts.gstatic.com by every visitor's browser, and no request may leave for a foreign host.
APP_ICON = "👪"

NAV_SECTION_MAIN = "Overblik"
NAV_SECTION_THEMES = "Temaer"
NAV_SECTION_ADMIN = "Administration"
NAV_SECTION_PRESENTATION = "Præsentation"
NAV_OVERVIEW = "Overblik"
NAV_RESTORATION = "Genopretning"
NAV_INDICATORS = "Effektmål"
NAV_REPORTS = "Statusrapporter"
NAV_CHANGE_LOG = "Ændringslog"
NAV_DECISIONS = "Planbeslutninger"
NAV_MY_ACTIONS = "Mine handlinger"
NAV_BULK = "Excel-opdatering"
NAV_PRESENTATION = "Borgermøde"
NAV_STATUS_FIGURES = "Status i tal"
NAV_USERS = "Brugere"
NAV_LOGIN = "Log ind"
NAV_SETUP = "Første opsætning"
THEME_NAV_LABEL = "Tema {code}: {title}"

# Columns of action tables and the editor grid
COL_CODE = "Nr."
COL_ACTION = "Handling"
COL_TIMELINE = "Frist og tidsplan (planens ord)"
COL_STATUS = "Status"
COL_RESPONSIBLE = "Ansvarlig"
COL_NOTE = "Statusnote"
COL_DEADLINE = "Frist"
COL_PLAN_DEADLINE = "Planens frist"
COL_TIMELINE_PHRASE = "Tidsplan (planens ord)"
COL_REVISED_DEADLINE = "Revideret frist"
COL_REVISED_REASON = "Begrundelse for revideret frist"

# Columns of change lists (change log, an action's history, the Excel preview)
COL_CHANGED_AT = "Tidspunkt"
COL_USER = "Bruger"
COL_FIELD = "Felt"
COL_OLD = "Fra"
COL_NEW = "Til"
COL_CHANGE_NOTE = "Note"

DEADLINE_START_ONLY = "Start {date}"
DEADLINE_PLAN = "Planens frist: {date}"
DEADLINE_RECURRING = "Tilbagevendende, {rhythm}"
DEADLINE_ONGOING = "Løbende – ingen frist"
OVERDUE_LABEL = "Overskredet"
UNCONFIRMED_LABEL = "Ikke bekræftet"
LAST_TOUCHED = "Senest opdateret/bekræftet: {date}, {user}"
NEVER_TOUCHED = "Ikke opdateret eller bekræftet i appen endnu"
COL_OWNER = "Ejer"
COL_WHY = "Hvorfor"
COL_KIND = "Type"
COL_RHYTHM = "Rytme"
OVERDUE_COUNT = "Overskredne"

FILTER_ALL = "Alle"
YES = "Ja"
NO = "Nej"

# Singular and plural, for count_da(n, *PAIR)
ACTIONS = ("handling", "handlinger")
CHANGES = ("ændring", "ændringer")
UNCHANGED = ("uændret", "uændrede")
