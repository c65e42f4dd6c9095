"""The one sentence that speaks of the restoration deadline, for every page and export.

`deadline_sentence` says whether the deadline (the plan's, or a decision's) is ahead or has
passed, by how much, and how many missing steps remain; for citizens and the committee a
count of 1–4 is "under 5".
"""

from __future__ import annotations

import datetime as dt

from models.core.deadlines import DeadlineTarget, target_sentence
from models.core.formatting import number_da
from models.core.small_counts import shown_count

DEADLINE_LABEL = "Frist for genopretning af alle åbne sager"


def remaining_clause(open_steps: int, *, public: bool) -> str:
    """`12 manglende sagsskridt er endnu ikke gennemført` (`under 5 …` when public)."""
    if open_steps == 0:
        return "alle manglende sagsskridt er gennemført"
    count = shown_count(open_steps) if public else number_da(open_steps)
    return f"{count} manglende sagsskridt er endnu ikke gennemført"


def deadline_sentence(
    target: DeadlineTarget, today: dt.date, open_steps: int | None, *, public: bool = False
) -> str:
    """E.g. `Frist for genopretning af alle åbne sager: 30. juni 2026 – passeret for 5
    måneder siden. 6 manglende sagsskridt er endnu ikke gennemført.` `open_steps` None: no
    case data yet, so nothing is said about what remains."""
    remaining = None if open_steps is None else remaining_clause(open_steps, public=public)
    return target_sentence(DEADLINE_LABEL, target, today, remaining)
