"""Min profil: the user's own details and their choice of reminder e-mails."""

from __future__ import annotations

NAV_SECTION = "Mig"
NAV_TITLE = "Min profil"

TITLE = "Min profil"
NAME = "Navn"
USERNAME = "Brugernavn"
EMAIL = "E-mail"
ROLE = "Rolle"
NO_EMAIL = "ingen"

REMINDERS_TITLE = "Påmindelser pr. e-mail"
REMINDERS_TOGGLE = "Send mig ugentlige påmindelser pr. e-mail"
REMINDERS_HELP = (
    "Ejere af handlinger får én e-mail om ugen med deres handlinger, der kræver opmærksomhed "
    "(Obs, overskredet, frist inden for 30 dage eller ikke bekræftet), og styregruppen får et "
    "overblik før den ugentlige gennemgang. E-mailene indeholder aldrig sagsoplysninger eller "
    "andres statusnoter."
)
NO_EMAIL_INFO = (
    "Der er ingen e-mailadresse på din bruger, så du får ingen påmindelser. Bed en "
    "administrator om at tilføje den."
)
REMINDERS_ON = "Du får nu ugentlige påmindelser pr. e-mail."
REMINDERS_OFF = "Du får ikke længere påmindelser pr. e-mail."
