"""The ground floor: what every feature shares, and nothing about any feature.

- `settings`: the one settings object (`get_settings()`); refuses unsafe values in Danish.
- `db`: one engine per URL, SQLite tuned for several users, `session_scope` (the caller owns
  the transaction), `chunked` for large IN lists and bulk inserts.
- `time`: aware UTC for storage; the local zone, today and local midnight for days.
- `errors`: `DomainError`, the base of every error whose message is a Danish sentence.
- `uploads` / `tabular_files`: the shared upload `Problem` (line, column, reason) and
  `UploadError`; reading CSV/XLSX in Danish offices' encodings, Danish dates and amounts.
- `cpr`: finds CPR-like text (never stored anywhere).
- `formatting`: Danish dates and numbers; `spreadsheet_safety`: neutralise formula cells;
  `chart_axes`: Danish Vega axis labels.
- `deadlines`: a deadline at today's date in words (ahead or passed, by how much; a moved
  deadline beside the original); `small_counts`: the small-number rule (1–4 people shown as
  "under 5", counts of actions exact);
  `word_tables`: the Word table the appendix and the review minutes share.
- `applog`: the operators' log: JSON lines of events with user, role and counts, never content.
- `revisions`: a counter per content area (plan texts, key messages, reports), raised by
  every write to it, for the caches of every instance.

Imports nothing from the other packages of `models`.
"""

import lazy_loader

__getattr__, __dir__, __all__ = lazy_loader.attach(
    __name__,
    submod_attrs={
        "chart_axes": ["number_axis", "month_axis"],
        "cpr": ["contains_cpr", "unsafe_text"],
        "deadlines": [
            "DeadlineTarget",
            "distance",
            "has_passed",
            "deadline_phrase",
            "target_sentence",
        ],
        "small_counts": ["Counted", "suppress", "shown_count"],
        "revisions": ["Area", "bump", "content_revisions"],
        "db": [
            "database_url",
            "create_db_engine",
            "get_engine",
            "dispose_engines",
            "chunked",
            "session_scope",
        ],
        "errors": ["DomainError"],
        "formatting": [
            "date_da",
            "date_long_da",
            "date_table_da",
            "datetime_da",
            "datetime_long_da",
            "datetime_table_da",
            "number_da",
        ],
        "settings": ["SettingsError", "Settings", "content_path", "get_settings"],
        "spreadsheet_safety": ["neutralise"],
        "tabular_files": ["read_rows", "parse_date", "parse_amount"],
        "time": ["utcnow", "local_zone", "today_local", "local_day_start"],
        "uploads": ["UploadError", "Problem"],
    },
)
