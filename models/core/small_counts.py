"""The small-number rule, in one place: a count of 1–4 *people* is never shown, only "under 5".

What a count is about decides (`Counted`):

- `Counted.PEOPLE`: cases, children, families, and anything counted in them (a case's open
  missing steps, weeks of open steps). A count of 1–4 could point at a family, so it becomes
  None here (`suppress`) before it leaves the server, and is shown as "under 5"
  (`shown_count`).
- `Counted.ACTIONS`: the plan's actions (and other counts of the municipality's own work).
  They are about no one, the plan itself is public, so they are shown exactly: 3 actions are
  "3".

The default is `PEOPLE`, the cautious reading: a caller that does not say what it counts gets
its small counts suppressed. Used wherever figures leave the staff's own pages: the citizen
meeting and *Status i tal* (`models.presentation`), and the restoration deadline sentence.
"""

from __future__ import annotations

import enum

from models.core.formatting import number_da

SMALL = 5
UNDER = "under 5"


class Counted(enum.Enum):
    """What a count is a number of; decides whether 1–4 is suppressed."""

    PEOPLE = "people"  # cases, children, families: 1–4 shown as "under 5"
    ACTIONS = "actions"  # the plan's actions: always exact


def suppress(count: int, counted: Counted = Counted.PEOPLE) -> int | None:
    """A count as it may leave the server: None when it is 1–4 people (shown as 'under 5');
    a count of actions unchanged."""
    if counted is Counted.ACTIONS:
        return count
    return None if 0 < count < SMALL else count


def shown_count(count: int | None, counted: Counted = Counted.PEOPLE) -> str:
    """A count as citizens may see it: `1.234`; 1–4 people (or a suppressed None) 'under 5'."""
    if count is None:
        return UNDER
    shown = suppress(count, counted)
    return UNDER if shown is None else number_da(shown)
