"""The audit of the public site's publications (`publication`)."""

from __future__ import annotations

import datetime as dt

from sqlmodel import Field, SQLModel

from models.core.time import utcnow

MAX_DESTINATION = 1024


class Publication(SQLModel, table=True):
    """One publication of the public site: who, when, where, and a hash of what was written."""

    __tablename__ = "publication"

    id: int | None = Field(default=None, primary_key=True)
    published_at: dt.datetime = Field(default_factory=utcnow)
    username: str = Field(max_length=64)
    destination: str = Field(max_length=MAX_DESTINATION)
    """The output directory (absolute), or the zip file's name for a download in the app."""
    status_date: dt.date
    """The site's "Status pr." date."""
    manifest_sha256: str = Field(max_length=64)
    """SHA-256 (hex) of the `SHA256SUMS` file written with the site."""
    file_count: int
    """The site's files (those `SHA256SUMS` lists; the manifest itself not counted)."""
