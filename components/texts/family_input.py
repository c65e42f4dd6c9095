"""Input fra familier: the family panel's and citizen meetings' input and the plan's response."""

from __future__ import annotations

TITLE = "Input fra familier"
INTRO = (
    "Det, familiepanelet og borgermøderne har givet som input til planen, og hvad planen svarer. "
    "Input skrives, som kommunen opsummerer det: aldrig navne, CPR-numre eller sagsreferencer. "
    "Handlingerne, der svarer på et input, vises med deres status lige nu i planen, så «vi "
    "gjorde» altid følger den rigtige status. Svaret vises for borgerne på diaset «I sagde – vi "
    "gjorde»; den interne bemærkning gør aldrig."
)
NO_MEETINGS = "Der er endnu ikke registreret møder med input fra familier."
CHOOSE_MEETING = "Vis mødet"
MEETINGS = "Møder"
MEETING_COLUMNS = ("Dato", "Mødetype", "Titel", "Deltagere", "Tilmeldte", "Input", "Ikke besvaret")

# A meeting
MEETING_HEADING = "{kind} {date}"
PARTICIPANTS = "Deltagere: {count}"
REGISTERED = "Tilmeldte: {count}"
NOT_COUNTED = "ikke opgjort"
QUESTIONS = "Spørgsmål ved bordene"
SOURCE = "Kilde: {source}"
ITEMS_HEADING = "Input ({count})"
NO_ITEMS = "Mødet har endnu ingen input."
OPEN_COUNT = "{count} endnu ikke besvaret"

# An item
ITEM_META = "{theme} · {status}"
ITEM_QUESTION = "Svar på spørgsmål {number}: {question}"
RESPONSE = "Svar: {response}"
ANSWERED_BY = "Svarer på inputtet (status i planen nu):"
TRACK_LINK = "Spor {code}: {title}"
INTERNAL_NOTE = "Intern bemærkning: {note}"
LAST_CHANGED = "Senest ændret {when} af {user}"

# Forms
NEW_MEETING = "Registrér et møde"
HELD_ON = "Dato"
KIND = "Mødetype"
MEETING_TITLE = "Titel (valgfri)"
PARTICIPANT_COUNT = "Antal deltagere (tomt, hvis det ikke er opgjort)"
REGISTERED_COUNT = "Antal tilmeldte (tomt, hvis ukendt)"
QUESTION_LINES = "Spørgsmål ved bordene (ét pr. linje)"
SAVE_MEETING = "Registrér mødet"
MEETING_SAVED = "Mødet er registreret: {label}."
EDIT_MEETING = "Redigér mødet"
UPDATE_MEETING = "Gem mødet"
MEETING_UPDATED = "Mødet er gemt."

NEW_ITEM = "Tilføj input"
ITEM_TEXT = "Input (som kommunen opsummerer det)"
ITEM_TEXT_HELP = (
    "En kort opsummering af, hvad familierne sagde. Skriv aldrig navne, CPR-numre eller "
    "sagsreferencer: teksten afvises."
)
THEME = "Familiepanelets tema"
NO_THEME = "Uden tema"
QUESTION = "Spørgsmål, inputtet svarer på"
NO_QUESTION = "Intet spørgsmål"
QUESTION_OPTION = "{number}. {question}"
STATUS = "Svarstatus"
STATUS_HELP = (
    "«Besvaret med handling» kræver mindst én handling eller ét spor; «Ikke muligt – "
    "begrundet» kræver et svar, der begrunder det."
)
RESPONSE_FIELD = "Svar til familierne (vises for borgerne)"
NOTE_FIELD = "Intern bemærkning (vises aldrig for borgerne)"
ACTIONS = "Handlinger, der svarer på inputtet"
TRACKS = "Spor, der svarer på inputtet"
CHOOSE = "Vælg"
SAVE_ITEM = "Gem input"
ADD_ITEM = "Tilføj input"
ITEM_ADDED = "Input er tilføjet."
ITEM_SAVED = "Input er gemt."
EDIT_ITEM = "Redigér og knyt til handlinger"

# Import
IMPORT_TITLE = "Indlæs input fra en fil (CSV eller Excel)"
IMPORT_HELP = (
    "Til noterne fra bordene efter et møde. Kolonner: Tema, Spørgsmål (nummer eller tekst), "
    "Input, Svarstatus, Svar, Handlinger og Spor (koder adskilt af komma), Intern bemærkning. "
    "Kun «Input» skal være udfyldt. Filen indlæses kun, hvis alle rækker er i orden."
)
TEMPLATE = "Hent skabelon (CSV)"
IMPORT_PREVIEW = "Filen er i orden: {items} tilføjes til mødet."
IMPORT_APPLY = "Indlæs input"
IMPORT_APPLIED = "{items} er indlæst."
ITEMS = ("input", "input")

# History
HISTORY = "Ændringshistorik for mødet"
HISTORY_EMPTY = "Ingen ændringer registreret af brugere."
HISTORY_COLUMNS = ("Tidspunkt", "Bruger", "Input nr.", "Felt", "Før", "Efter")
MEETING_ROW = "mødet"

# Theme pages
TRACK_INPUT = "Input fra familier, som sporet svarer på"
TRACK_INPUT_LINE = "«{text}» – {status} ({meeting}; via {via})"
