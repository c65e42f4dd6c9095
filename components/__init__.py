"""Streamlit glue around `models`: what the pages read, show and hand on.

- `readers`: the readers the pages use (cached on the data's revision where it pays).
- `exports`: files for download (status workbook, report exports, PowerPoint), cached.
- `uploads`: uploaded files read once per file, and the table of a file's problems.
- `commands`: runs a `models` write for a page, with Danish errors and a flash message.
- `texts`: the Danish UI texts, one module per page or shared area.
- page bodies and widgets: `theme_view`, `action_editor`, `case_upload`, `slides_view`,
  `deck_controls` and `deck_keys` (the deck's URL state, keys and clicker), `widgets`,
  `navigation`; HTML and charts: `status_html`, `charts`, `restoration_charts`,
  `indicator_charts`, `timeline_chart`; the login gate and page shell: `auth`, `shell`.
"""
