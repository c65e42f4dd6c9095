"""Danish for the texts Streamlit's widgets write themselves (Streamlit 1.67 offers no API).

The date picker, the file uploader, the grid's toolbar and menus, the multiselect, the
password field, the sidebar and Streamlit's own dialogs ("Page not found") are written in
English inside Streamlit's frontend. `components.shell.danish_widgets` puts these Danish texts
in their place in the browser (text, tooltip, aria-label and placeholder), see the README's
workaround table. Every English text here must still occur in Streamlit's frontend bundle
(tests/test_streamlit_workarounds.py), so an upgrade that rewords one is noticed.
"""

from __future__ import annotations

# Whole texts (a text node or an attribute, surrounding spaces ignored): English -> Danish.
EXACT: dict[str, str] = {
    # the file uploader
    "Drag and drop a file here": "Træk en fil hertil",
    "Drag and drop files here": "Træk filer hertil",
    "Upload": "Vælg fil",
    "Add files": "Tilføj filer",
    "file upload": "filvalg",
    "File type not allowed.": "Filtypen er ikke tilladt.",
    # the date picker
    "Choose date": "Vælg dato",
    "Choose date range": "Vælg periode",
    "Date range": "Periode",
    "Quick select a date range": "Vælg en periode hurtigt",
    "Use arrow keys to navigate dates. Enter to select. Escape to close.": (
        "Brug piletasterne til at gå mellem datoerne. Enter vælger. Escape lukker."
    ),
    "Past Week": "Seneste uge",
    "Past Month": "Seneste måned",
    "Past 3 Months": "Seneste 3 måneder",
    "Past 6 Months": "Seneste 6 måneder",
    "Past Year": "Seneste år",
    "Past 2 Years": "Seneste 2 år",
    # the grid (st.dataframe, st.data_editor): toolbar and column menu
    "Download as CSV": "Hent som CSV",
    "Search": "Søg",
    "Close Search": "Luk søgning",
    "Type to search": "Skriv for at søge",
    "Next Result": "Næste resultat",
    "Previous Result": "Forrige resultat",
    "Fullscreen": "Fuld skærm",
    "Close fullscreen": "Luk fuld skærm",
    "Exit fullscreen": "Luk fuld skærm",
    "Show/hide columns": "Vis/skjul kolonner",
    "Add row": "Tilføj række",
    "Delete": "Slet",
    "Sort ascending": "Sortér stigende",
    "Sort descending": "Sortér faldende",
    "Pin column": "Fastgør kolonne",
    "Unpin column": "Frigør kolonne",
    "Hide column": "Skjul kolonne",
    "Autosize": "Tilpas bredde",
    "Copy column name": "Kopiér kolonnenavn",
    "Select all": "Vælg alle",
    "Clear selection": "Ryd valg",
    "No data": "Ingen data",
    "Dataframe column menu": "Kolonnemenu",
    # charts' toolbar
    "Download as PNG": "Hent som PNG",
    "Copy Vega-Lite spec": "Kopiér diagrammets specifikation",
    "Show data": "Vis data",
    # multiselect and selectbox
    "Choose an option": "Vælg",
    "Clear all": "Ryd alle",
    "Selected values": "Valgte",
    "No results": "Ingen resultater",
    # password fields
    "Show password": "Vis det indtastede",
    "Hide password": "Skjul det indtastede",
    # headings, sidebar, dialogs
    "Link to heading": "Link til overskriften",
    "App pages": "Sider",
    "Sidebar": "Sidepanel",
    "Collapse sidebar": "Skjul sidepanelet",
    "Expand sidebar": "Vis sidepanelet",
    "Close": "Luk",
    "Open": "Åbn",
    "Dismiss": "Luk",
    "Page not found": "Siden findes ikke",
    "Skip to main content": "Gå til indholdet",
    "Running...": "Arbejder …",
    "Please wait...": "Vent venligst …",
    "Connection error": "Forbindelsen er afbrudt",
    "Connection lost. Please wait for the app to reconnect, then try again.": (
        "Forbindelsen er afbrudt. Vent, til appen har forbindelse igen, og prøv så igen."
    ),
}

# Texts with a variable part: (JavaScript regular expression, replacement with $1...).
PATTERNS: tuple[tuple[str, str], ...] = (
    (r"^(\d+(?:\.\d+)?)\s?([KMG]B) per file$", "Højst $1 $2 pr. fil"),
    (r"^Remove (.+)$", "Fjern $1"),
    (r"^Choose date range, (.+)$", "Vælg periode, $1"),
    (r"^Choose date, (.+)$", "Vælg dato, $1"),
    (r"^Help for (.+)$", "Hjælp til $1"),
    (r"^day, (.+)$", "dag, $1"),
    (r"^month, (.+)$", "måned, $1"),
    (r"^year, (.+)$", "år, $1"),
    (r"^(.+) start date$", "$1, fra"),
    (r"^(.+) end date$", "$1, til"),
    (
        r"^The page that you have requested does not seem to exist\. "
        r"Running the app's main page\.$",
        "Siden findes ikke, eller du har ikke adgang til den. Du ser din startside i stedet.",
    ),
    (
        r"^You have requested page /(.*), but no corresponding file was found in the app's "
        r"pages/ directory\. Running the app's main page\.$",
        "Siden /$1 findes ikke, eller du har ikke adgang til den. Du ser din startside i stedet.",
    ),
    (r"^File is too large\. Maximum size is (\d+) bytes\.$", "Filen er for stor."),
    # a toolbar button's label with the chart or table it acts on ("Fullscreen: <alt text>")
    (r"^Download as PNG: (.+)$", "Hent som PNG: $1"),
    (r"^Download as CSV: (.+)$", "Hent som CSV: $1"),
    (r"^Fullscreen: (.+)$", "Fuld skærm: $1"),
    (r"^Close fullscreen: (.+)$", "Luk fuld skærm: $1"),
    (r"^Show data: (.+)$", "Vis data: $1"),
    (r"^Search: (.+)$", "Søg: $1"),
)
