"""Every table of the app, registered on SQLModel's metadata by importing its module.

The database layer (`models.core.db`) knows no feature; whatever needs the whole schema
(creating it, migrations, a backup check) imports this module.
"""

from __future__ import annotations

from sqlalchemy.engine import Engine
from sqlmodel import SQLModel

from models.auth import first_admin, login, sessions, throttle, users
from models.core import revisions
from models.families import tables as family_tables
from models.indicators import tables as indicator_tables
from models.plan import tables as plan_tables
from models.presentation.public_site import tables as publication_tables
from models.reminders import log as reminder_log
from models.reports import snapshots
from models.restoration import tables as restoration_tables
from models.reviews import tables as review_tables

TABLE_MODULES = (
    revisions,
    users,
    login,
    sessions,
    throttle,
    first_admin,
    plan_tables,
    restoration_tables,
    indicator_tables,
    snapshots,
    reminder_log,
    review_tables,
    family_tables,
    publication_tables,
)

metadata = SQLModel.metadata


def create_schema(engine: Engine) -> None:
    """Create every table that does not exist yet, with create_all and no revision stamp.

    For throwaway databases (tests); real databases get their schema from the migrations
    (`models.bootstrap.upgrade_schema`), which recognise and stamp a database made by this.
    The drift test proves both give the same schema.
    """
    metadata.create_all(engine)
