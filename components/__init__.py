"""Streamlit glue around `models`: what the pages read, show and hand on.

- `readers`: the readers the pages use (cached on the data's revision where it pays).
- `errors`: the Danish error page with an error id that the log holds (`on_script_error`).
- `exports`: files for download (status workbook, report exports, PowerPoint), cached.
- `uploads`: uploaded files read once per file, and the table of a file's problems.
- `commands`: runs a `models` write for a page, with Danish errors and a flash message.
- `texts`: the Danish UI texts, one module per page or shared area.
- page bodies and widgets: `theme_view`, `action_editor`, `case_upload`, `slides_view`,
  `deck_controls` and `deck_keys` (the deck's URL state, keys and clicker), `widgets`,
  `navigation`; HTML and charts: `status_html`, `charts`, `restoration_charts`,
  `indicator_charts`, `timeline_chart` (every chart shown with its text alternative by
  `charts.show_chart`); the login gate and page shell: `auth`, `shell`.
- `html_lang`: the server's HTML page in Danish (`lang="da"`) with the global accessibility
  fixes for Streamlit's own markup (middleware wired in app.py).
- `security_headers`: nosniff, referrer, framing and permissions headers on every HTTP
  response (middleware wired in app.py).
- `login_routes`: the server's own routes that set and delete the HttpOnly login cookie.
- `streamlit_options`: what the operator set in Streamlit's own configuration (its cookie
  secret), for the app and `manage.py`.
"""
