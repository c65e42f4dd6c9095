"""Families' input tests: the seeded database (plan, family panel) with users of each role."""

from __future__ import annotations

import pytest
from sqlmodel import Session

from models.auth.users import Actor, Role
from tests.factories import actor_for, make_user


@pytest.fixture
def editor(seeded_session: Session) -> Actor:
    return actor_for(make_user(seeded_session, "erik", Role.editor))


@pytest.fixture
def admin(seeded_session: Session) -> Actor:
    return actor_for(make_user(seeded_session, "hanna", Role.admin))
