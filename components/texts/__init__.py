"""The UI's Danish texts, written once, one module per page or shared area.

Import the module, not its names: `from components.texts import overview as t`, then
`t.DEADLINE`. Nothing is re-exported here.

- `common`: the app's title and icon, navigation labels, column names shared by several pages
  (action tables, the editor grid, change lists), deadline and overdue labels, "Alle", yes/no,
  and the nouns that several pages count (handling, ændring, uændret).
- `login`: the login form, the user box in the sidebar and the no-access page.
- `setup`: the first-run page that creates the first administrator.
- `users`: user management (Brugere): user fields, tabs, buttons, messages, login-log labels.
- `overview`: the overview page (Overblik).
- `theme`: the theme pages and the track editor (Redigér statusser, Ændringshistorik).
- `change_log`: the change-log page (Ændringslog).
- `bulk_update`: the Excel update page (Excel-opdatering).
- `restoration`: the restoration page (Genopretning), its case import and demo controls.
- `indicators`: the effect-goal page (Effektmål).
- `reports`: the status-report page (Statusrapporter).
- `presentation`: the citizen-meeting presentation (Borgermøde).
- `uploads`: what every file upload says about a file with errors.
- `errors`: the error page's messages (database down, disk full, unexpected) and its id.
- `charts`: the charts' text alternatives (a sentence with the figures, the table's columns).
- `widgets`: Danish for the texts Streamlit's own widgets and dialogs write in English.

A pair such as `ACTIONS = ("handling", "handlinger")` holds a noun's singular and plural for
`models.core.formatting.count_da`: `count_da(n, *common.ACTIONS)`.
"""
