"""The login form, the user box in the sidebar, and the page for an unknown SSO user."""

from __future__ import annotations

INTRO = (
    "Dashboardet for udviklings- og genopretningsplanen på familieområdet. "
    "Kun medarbejdere med et arbejdsbetinget behov har adgang."
)
FORM_TITLE = "Log ind"
USERNAME = "Brugernavn"
PASSWORD = "Adgangskode"
BUTTON = "Log ind"
SSO_BUTTON = "Log ind med organisationens konto (Microsoft)"
COOKIE_REFUSED = (
    "Dit gemte login gælder ikke længere (udløbet, logget ud eller ugyldigt). Log ind igen."
)
SESSION_ENDED = (
    "Du er blevet logget ud, fordi dit login er afsluttet (fx ny adgangskode eller rolle). "
    "Log ind igen."
)
LOGGED_IN_AS = "Logget ind som **{name}**  \n{role}"
LOGOUT = "Log ud"

NO_ACCESS_TITLE = "Ingen adgang"
NO_ACCESS_TEXT = (
    "Du er logget ind som {email}, men har ingen adgang til dashboardet. "
    "Kontakt familieafdelingens administrator."
)
