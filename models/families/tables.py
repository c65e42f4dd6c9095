"""The tables of families' input: meetings, input items, their links to the plan, the audit.

- `family_meeting`: a family-panel meeting or a citizen meeting (date, kind, title), how many
  took part and how many had signed up (each nullable: only what a source says), and the
  questions asked at the tables.
- `family_input`: one input item as the municipality summarises it (never a name, a CPR-like
  number or a case reference), its panel theme (a key of `data/family_panel.yaml`), the
  question it answered, the response status and text, an internal remark, a version.
- `family_input_link`: an input item answered by a track or an action of the plan.
- `family_change`: one audited change of one field of a meeting or an input item.
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from models.core.time import utcnow

MAX_TITLE = 200
MAX_TEXT = 500
MAX_RESPONSE = 2000
MAX_NOTE = 2000
MAX_QUESTION = 300
MAX_QUESTIONS = 20
MAX_PEOPLE = 100_000


class MeetingKind(enum.StrEnum):
    """What kind of meeting gave the input; the value is the Danish label stored."""

    family_panel = "Familiepanel"
    citizen_meeting = "Borgermøde"


class ResponseStatus(enum.StrEnum):
    """Where the municipality's response to an input item stands (the stored Danish label)."""

    received = "Modtaget"
    in_progress = "Under behandling"
    answered = "Besvaret med handling"
    not_possible = "Ikke muligt – begrundet"


RESPONSE_ORDER: tuple[ResponseStatus, ...] = tuple(ResponseStatus)
OPEN_STATUSES = frozenset({ResponseStatus.received, ResponseStatus.in_progress})
"""Not yet answered: "Det arbejder vi videre med"."""


def _enum_column(kind: type[enum.Enum], name: str, length: int, **kwargs: Any) -> sa.Column:
    """A VARCHAR column of Danish labels with a CHECK constraint (no native enum)."""
    return sa.Column(
        sa.Enum(
            kind,
            name=name,
            native_enum=False,
            create_constraint=True,
            length=length,
            validate_strings=True,
            values_callable=lambda members: [member.value for member in members],
        ),
        **kwargs,
    )


class FamilyMeeting(SQLModel, table=True):
    """A meeting where families gave input: a family-panel meeting or a citizen meeting."""

    __tablename__ = "family_meeting"

    id: int | None = Field(default=None, primary_key=True)
    held_on: dt.date = Field(index=True)
    kind: MeetingKind = Field(
        sa_column=_enum_column(MeetingKind, "meeting_kind", 16, nullable=False)
    )
    title: str = Field(default="", max_length=MAX_TITLE)
    participants: int | None = None
    """How many took part (people); None where nobody counted or the source does not say."""
    registered: int | None = None
    """How many had signed up (people), where a source gives that instead of a head count."""
    questions: list[str] = Field(default_factory=list, sa_column=sa.Column(sa.JSON, nullable=False))
    """The questions asked at the tables, in order (an item refers to one by its number)."""
    source: str = Field(default="", max_length=MAX_TITLE)
    """The document a seeded meeting comes from ("" for a meeting an editor recorded)."""
    seed_key: str | None = Field(default=None, max_length=64, unique=True)
    """The meeting's key in `data/family_panel.yaml`; None for a meeting an editor recorded."""
    version: int = Field(default=1, nullable=False)
    created_at: dt.datetime = Field(default_factory=utcnow)
    created_by: str = Field(max_length=64)
    updated_at: dt.datetime | None = None
    updated_by: str | None = Field(default=None, max_length=64)


class FamilyInput(SQLModel, table=True):
    """One input item from families, as the municipality summarises it, and the response."""

    __tablename__ = "family_input"
    __table_args__ = (sa.UniqueConstraint("meeting_id", "seed_key"),)

    id: int | None = Field(default=None, primary_key=True)
    meeting_id: int = Field(
        sa_column=sa.Column(
            sa.ForeignKey("family_meeting.id", ondelete="CASCADE"), nullable=False, index=True
        )
    )
    position: int
    text: str = Field(max_length=MAX_TEXT)
    theme: str | None = Field(default=None, max_length=32)
    """The panel theme's key (`data/family_panel.yaml`); None where nobody has said which."""
    question: int | None = None
    """The number (1, 2, …) of the meeting's question that the item answered, if any."""
    status: ResponseStatus = Field(
        default=ResponseStatus.received,
        sa_column=_enum_column(
            ResponseStatus, "response_status", 32, nullable=False, default=ResponseStatus.received
        ),
    )
    response: str = Field(default="", max_length=MAX_RESPONSE)
    """The municipality's answer to the families (public: shown on the slide and the site)."""
    internal_note: str = Field(default="", max_length=MAX_NOTE)
    """Staff only; never shown to citizens."""
    source: str = Field(default="", max_length=MAX_TITLE)
    """Where a seeded item is quoted from ("" for an item an editor recorded)."""
    seed_key: str | None = Field(default=None, max_length=64)
    """The item's key under its meeting in `data/family_panel.yaml`; None for editors' items."""
    version: int = Field(default=1, nullable=False)
    created_at: dt.datetime = Field(default_factory=utcnow)
    created_by: str = Field(max_length=64)
    updated_at: dt.datetime | None = None
    updated_by: str | None = Field(default=None, max_length=64)


class FamilyInputLink(SQLModel, table=True):
    """An input item answered by one track or one action of the plan: exactly one of the two
    is set (the write path, `service._set_links`, makes no other row)."""

    __tablename__ = "family_input_link"
    __table_args__ = (
        sa.UniqueConstraint("input_id", "track_id"),
        sa.UniqueConstraint("input_id", "action_id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    input_id: int = Field(
        sa_column=sa.Column(
            sa.ForeignKey("family_input.id", ondelete="CASCADE"), nullable=False, index=True
        )
    )
    track_id: int | None = Field(default=None, foreign_key="track.id", index=True)
    action_id: int | None = Field(default=None, foreign_key="action.id", index=True)


class FamilyChange(SQLModel, table=True):
    """One audited change of one field of a meeting (input_id None) or of an input item."""

    __tablename__ = "family_change"

    id: int | None = Field(default=None, primary_key=True)
    meeting_id: int = Field(foreign_key="family_meeting.id", index=True)
    input_id: int | None = Field(default=None, foreign_key="family_input.id", index=True)
    changed_at: dt.datetime = Field(default_factory=utcnow, index=True)
    username: str = Field(max_length=64)
    field: str = Field(max_length=32)
    old_value: str | None = None
    new_value: str | None = None
