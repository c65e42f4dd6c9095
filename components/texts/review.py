"""The weekly review page (Ugentlig gennemgang): start or resume, figures, agenda, minutes."""

from __future__ import annotations

from models.reviews.tables import ReviewSection

TITLE = "Ugentlig gennemgang"
INTRO = (
    "Styregruppens gennemgang i fast rækkefølge: nye Obs, overskredne, frister inden for 30 "
    "dage, ikke bekræftede og alt, der er ændret siden sidste gennemgang. Sæt flueben i "
    "*Drøftet* og skriv beslutningen; gem til sidst gennemgangen med deltagerne."
)

START = "Start ugentlig gennemgang"
STARTED = "Gennemgangen er startet: dagsordenen er lavet ud fra planen, som den står nu."
NONE_YET = "Der er ikke holdt nogen ugentlig gennemgang endnu. Den første ser {days} dage tilbage."
LAST = (
    "Seneste gennemgang: {date}, gemt af {user}. Den næste gennemgang viser det, der er "
    "ændret siden den startede ({since})."
)
EARLIER = "Tidligere gennemgange"
EARLIER_SELECT = "Gennemgang"
DOWNLOAD = "Hent referat (Word)"
MINUTES_FILE = "referat-ugentlig-gennemgang-{date}.docx"

IN_PROGRESS = (
    "Gennemgangen {date} er i gang (startet {started} af {user}). Dagsordenen blev lavet, da "
    "den startede; I kan fortsætte, hvor I slap."
)
SINCE = "Siden sidste gennemgang: ændringer fra {since}."
SINCE_FIRST = "Første gennemgang: ændringer fra de seneste {days} dage (fra {since})."

FIGURES = "Nøgletal"
FIGURES_SINCE = "Ændringen er regnet fra gennemgangen {date}."
FIGURES_FIRST = "Første gennemgang: ingen tidligere tal at sammenligne med."

SECTION_HELP = {
    ReviewSection.new_obs: "Handlinger, der er sat til Obs siden sidste gennemgang; noten siger "
    "hvorfor.",
    ReviewSection.overdue: "Fristen er passeret, og handlingen er ikke afsluttet.",
    ReviewSection.due_soon: "Fristen falder inden for de næste 30 dage.",
    ReviewSection.unconfirmed: (
        "Ingen har opdateret eller bekræftet handlingen inden for dens vindue (30 dage, eller "
        "dens rytme for tilbagevendende arbejde)."
    ),
    ReviewSection.changed: "Alt, der er ændret på handlingerne siden sidste gennemgang, og af "
    "hvem.",
}
EMPTY_SECTION = "Ingen punkter."

COL_WHY = "Hvorfor"
COL_CHANGE = "Ændring"
COL_DISCUSSED = "Drøftet"
COL_DECISION = "Beslutning"
DISCUSSED_HELP = "Sæt flueben, når punktet er drøftet. Et punkt med en beslutning er drøftet."
SAVE = "Gem drøftelser"
PENDING = "{items} med ændringer, der ikke er gemt endnu."
SAVED = "{items} gemt."
ITEMS = ("punkt", "punkter")

CLOSE_HEADING = "Afslut"
ATTENDEES = "Deltagere"
ATTENDEES_HELP = "Én deltager pr. linje; kommer med i referatet."
CLOSE = "Afslut og gem gennemgangen"
CLOSE_HELP = "Gemmer også drøftelser, der endnu ikke er gemt. Derefter kan intet ændres."
CLOSED = "Gennemgangen er gemt. Hent referatet herunder."
