"""Page tests: the app's database with the seeded plan and one user of each role."""

from __future__ import annotations

import pytest

from tests.pages.apptest import USERS, seeded_database


@pytest.fixture
def users() -> None:
    """The app's database (DATABASE_URL): a copy of the seeded plan with USERS."""
    seeded_database(*USERS)
