"""The application log for operators: one JSON object per line, events with who and how many.

Logged: logins and logouts, saves, imports, exports, backups and restores, with the user, role
and counts. Never logged: content (notes, key messages, file contents), passwords, the setup
code, SQL parameters (engines use `hide_parameters`). `log_event` refuses any field outside
`FIELDS`, so a caller cannot slip text in.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import sys
from typing import TextIO

LOGGER = "dashboard"
FIELDS = frozenset(
    {
        "user",  # a username (an identifier, not content)
        "role",
        "outcome",  # e.g. success, failure, locked, conflict
        "client",  # the client address as the throttle labels it
        "kind",  # what was exported or imported: docx, pdf, xlsx, pptx, cases …
        "count",  # rows saved, imported, exported …
        "conflicts",
        "revision",  # a schema revision
        "file",  # a backup's file name (made by the app)
        "error_id",
    }
)
_handler: logging.Handler | None = None


class JsonLines(logging.Formatter):
    """`{"time": …, "level": …, "event": …, <fields>}` on one line."""

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": dt.datetime.fromtimestamp(record.created, dt.UTC).isoformat(),
            "level": record.levelname.lower(),
            "event": record.getMessage(),
            **getattr(record, "fields", {}),
        }
        if record.exc_info and record.levelno >= logging.ERROR:
            entry["exception"] = self.formatException(record.exc_info).splitlines()[-1]
        return json.dumps(entry, ensure_ascii=False, default=str)


def configure(stream: TextIO | None = None, level: int = logging.INFO) -> None:
    """Send the app's events to `stream` (stderr) as JSON lines; once per process."""
    global _handler
    logger = logging.getLogger(LOGGER)
    if _handler is not None:
        logger.removeHandler(_handler)
    _handler = logging.StreamHandler(stream or sys.stderr)
    _handler.setFormatter(JsonLines())
    logger.addHandler(_handler)
    logger.setLevel(level)
    logger.propagate = False


def log_event(event: str, *, level: int = logging.INFO, **fields: str | int | None) -> None:
    """Log `event` (a fixed English name, e.g. "login") with identifiers and counts only."""
    unknown = set(fields) - FIELDS
    if unknown:
        raise ValueError(f"not a log field: {sorted(unknown)}")
    shown = {key: value for key, value in fields.items() if value is not None}
    logging.getLogger(f"{LOGGER}.events").log(level, event, extra={"fields": shown})
