"""Which backups to keep: the newest of each of the last `daily` days and `weekly` ISO weeks."""

from __future__ import annotations

import datetime as dt
from collections.abc import Hashable, Iterable
from typing import TypeVar

Item = TypeVar("Item", bound=Hashable)


def _newest_per(items: list[tuple[Item, dt.datetime]], key: str, count: int) -> set[Item]:
    """The newest item in each of the `count` most recent periods that hold one."""
    kept: set[Item] = set()
    seen: list[object] = []
    for item, taken in items:  # newest first
        period: object = taken.date() if key == "day" else taken.isocalendar()[:2]
        if period in seen:
            continue
        if len(seen) == count:
            break
        seen.append(period)
        kept.add(item)
    return kept


def backups_to_keep(
    backups: Iterable[tuple[Item, dt.datetime]], *, daily: int, weekly: int
) -> set[Item]:
    """The backups a rotation keeps; the newest one is always kept."""
    ordered = sorted(backups, key=lambda pair: pair[1], reverse=True)
    if not ordered:
        return set()
    keep = _newest_per(ordered, "day", daily) | _newest_per(ordered, "week", weekly)
    keep.add(ordered[0][0])
    return keep
