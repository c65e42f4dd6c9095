"""User management (Brugere) and the user fields it shares with the first-run page."""

from __future__ import annotations

FIELD_USERNAME = "Brugernavn"
FIELD_NAME = "Navn"
FIELD_EMAIL = "E-mail (valgfri, til single sign-on)"
FIELD_PASSWORD = "Adgangskode (mindst 12 tegn)"
FIELD_PASSWORD_REPEAT = "Gentag adgangskode"
FIELD_ROLE = "Rolle"
PASSWORDS_DIFFER = "De to adgangskoder er ikke ens."

TITLE = "Brugere og roller"
TAB_ADD = "Opret bruger"
TAB_ROLE = "Skift rolle"
TAB_PASSWORD = "Nulstil adgangskode"
TAB_ACTIVE = "Deaktiver / genaktiver"
TAB_LOG = "Loginlog"
TAB_BLOCKS = "Spærringer"
BLOCKS_INTRO = (
    "Efter 5 forkerte adgangskoder i træk venter et brugernavn først 1 minut, derefter 2, 4, "
    "8 … op til 60 minutter, før næste forsøg prøves. Spærringen gælder den adresse, forsøgene "
    "kom fra, og adresser som brugeren aldrig har logget ind fra; brugerens egne, kendte "
    "adresser rammes ikke af forsøg andre steder fra. En ny adgangskode ophæver også spærringen."
)
NO_BLOCKS = "Ingen brugernavne er spærret lige nu."
UNLOCK_BUTTON = "Lås op"
UNLOCKED = "Spærringen af {username} er ophævet."
BLOCK_COLUMNS = {
    "username": "Brugernavn",
    "client": "Adresse",
    "failures": "Forkerte forsøg i træk",
    "until": "Spærret til",
}
ALL_ADDRESSES = "alle ukendte adresser"
SELECT = "Bruger"
ADD_BUTTON = "Opret bruger"
ROLE_BUTTON = "Skift rolle"
PASSWORD_BUTTON = "Nulstil adgangskode"
DEACTIVATE_BUTTON = "Deaktiver"
ACTIVATE_BUTTON = "Genaktiver"
CREATED = "Brugeren {username} er oprettet."
ROLE_CHANGED = "{username} har nu rollen {role}."
PASSWORD_RESET = "Adgangskoden for {username} er nulstillet."
ACTIVE_CHANGED = "{username} er nu {state}."
STATE_ACTIVE = "aktiv"
STATE_DEACTIVATED = "deaktiveret"

COLUMNS = {
    "username": "Brugernavn",
    "display_name": "Navn",
    "email": "E-mail",
    "role": "Rolle",
    "active": "Aktiv",
    "created_at": "Oprettet",
    "last_login_at": "Seneste login",
    "owns": "Ejer af",
}
STILL_OWNS = "{username} ejer stadig {actions} ({codes}); giv dem en ny ejer."
LOG_COLUMNS = {
    "occurred_at": "Tidspunkt",
    "username": "Brugernavn",
    "outcome": "Hændelse",
    "client": "Adresse",
    "actor": "Udført af",
}
OUTCOME_LABELS = {
    "success": "Logget ind",
    "failure": "Forkert adgangskode",
    "locked": "Spærret (for mange forsøg)",
    "refused_locked": "Afvist: spærret",
    "logout": "Logget ud",
    "sso_success": "Logget ind (SSO)",
    "sso_unknown": "SSO: ukendt e-mail",
    "unlocked": "Spærring ophævet",
    "cookie_refused": "Afvist login-cookie",
}
