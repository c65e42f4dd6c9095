"""The text of *I sagde – vi gjorde*: per panel theme what families said and what was done,
then *Det arbejder vi videre med*; cut into pages that each fit one slide on the projector.

A page holds at most `PAGE_LINES` lines of `LINE_CHARS` characters: the presenter view has
room for about 14 lines of about 105 characters at 1366×768 and 1920×1080 (3.4 vh type), and
about 85 characters on a 4:3 projector; the estimate stays under both, so every page fits
without scrolling (checked in the browser). A group's heading is never left alone at the foot
of a page. The PowerPoint continues a page that does not fit at
24 pt on a slide of its own, as for every text slide.
"""

from __future__ import annotations

from dataclasses import dataclass

from models.core.formatting import count_da
from models.core.small_counts import Counted, shown_count
from models.families.panel import NO_THEME
from models.families.tables import ResponseStatus
from models.plan.status import Status
from models.presentation.family_loop import (
    FamilyLoop,
    MeetingFigures,
    RaisedItem,
    RespondingAction,
    RespondingTrack,
    ThemeLoop,
)

PAGE_LINES = 12
LINE_CHARS = 80
CAPTION_CHARS = 110  # the caption's smaller type
FURTHER = "Det arbejder vi videre med:"
NO_INPUT = "Der er endnu ikke registreret input fra familier."
NONE_ANSWERED = "Endnu er intet input besvaret med en handling eller en begrundelse."
ALL_ANSWERED = "Alt input fra familierne er besvaret."


@dataclass(frozen=True)
class FamilyPage:
    lines: list[str]
    headings: frozenset[int]  # indices of the lines that head a group


def counts_text(counts: dict[Status, int], *, all_statuses: bool = False) -> str:
    """`1 i gang, 2 afsluttet/implementeret` (exact: actions)."""
    return ", ".join(
        f"{shown_count(count, Counted.ACTIONS)} {status.value.lower()}"
        for status, count in counts.items()
        if count or all_statuses
    )


def _action(action: RespondingAction) -> str:
    return f"{action.code} {action.title} ({action.status.value})"


def _track(track: RespondingTrack) -> str:
    counts = counts_text(track.counts)
    return f"spor {track.code} {track.title}" + (f" ({counts})" if counts else "")


def _done(item: RaisedItem) -> str:
    return "; ".join([*map(_action, item.actions), *map(_track, item.tracks)])


def said_line(item: RaisedItem) -> str:
    """`I sagde: «…» – vi gjorde: E.5.2 … (I gang)` or `… – ikke muligt: <begrundelse>`."""
    if item.status == ResponseStatus.not_possible:
        return f"I sagde: «{item.summary}» – ikke muligt: {item.response}"
    return f"I sagde: «{item.summary}» – vi gjorde: {_done(item)}"


def further_line(theme: str, item: RaisedItem) -> str:
    """`«…» (tema) – under behandling; i gang med: E.5.2 … (I gang)`."""
    line = f"«{item.summary}»" + (f" ({theme})" if theme != NO_THEME else "")
    if item.status == ResponseStatus.in_progress:
        line += " – under behandling"
    if item.actions or item.tracks:
        line += f"; i gang med: {_done(item)}"
    return line


def _theme_lines(theme: ThemeLoop) -> list[str]:
    lines = [said_line(item) for item in theme.answered]
    if theme.actions:
        lines.append(f"Handlinger i alt: {counts_text(theme.counts)}")
    return lines


Group = tuple[str | None, list[str]]
"""A heading (None for a lone sentence) and the lines under it."""


def groups(loop: FamilyLoop) -> list[Group]:
    """The slide's groups: a theme's answered items, then what is not yet answered."""
    if loop.is_empty:
        return [(None, [NO_INPUT])]
    found: list[Group] = [
        (f"{theme.title}:", _theme_lines(theme)) for theme in loop.themes if theme.answered
    ] or [(None, [NONE_ANSWERED])]
    further = [further_line(theme, item) for theme, item in loop.further]
    found.append((FURTHER, further) if further else (None, [ALL_ANSWERED]))
    return found


def _height(line: str, chars: int = LINE_CHARS) -> int:
    return -(-len(line) // chars)


def caption(loop: FamilyLoop) -> str:
    """`Input fra borgermøde 7. oktober 2025 (121 tilmeldte); familiepanel …`."""
    if not loop.meetings:
        return ""
    return "Input fra " + "; ".join(_meeting(meeting) for meeting in loop.meetings)


def _meeting(meeting: MeetingFigures) -> str:
    counts = [
        f"{count} {label}"
        for count, label in ((meeting.participants, "deltagere"), (meeting.registered, "tilmeldte"))
        if count is not None
    ]
    label = meeting.label[0].lower() + meeting.label[1:]
    return label + (f" ({', '.join(counts)})" if counts else "")


def pages(loop: FamilyLoop) -> list[FamilyPage]:
    """The groups on as few pages as fit `PAGE_LINES`, a heading never last on a page."""
    room = PAGE_LINES - _height(caption(loop), CAPTION_CHARS)
    found: list[FamilyPage] = []
    lines: list[str] = []
    headings: set[int] = set()
    for heading, body in groups(loop):
        group = [heading, *body] if heading else body
        for index, line in enumerate(group):
            heads = heading is not None and index == 0
            need = _height(line) + (_height(group[1]) if heads and len(group) > 1 else 0)
            used = sum(_height(text) for text in lines)
            if lines and used + need > room:
                found.append(FamilyPage(lines, frozenset(headings)))
                lines, headings = [], set()
            if heads:
                headings.add(len(lines))
            lines.append(line)
    found.append(FamilyPage(lines, frozenset(headings)))
    return found


def notes(loop: FamilyLoop) -> str:
    """Everything behind the slide: meetings, per theme the items and their responses, the
    linked actions per status (exact)."""
    if loop.is_empty:
        return NO_INPUT
    lines = [
        "Møder med input fra familier:",
        *(
            f"{meeting.label}"
            + (f": {meeting.title}" if meeting.title else "")
            + f"; deltagere: {meeting.participants or 'ikke opgjort'}"
            + (f"; tilmeldte: {meeting.registered}" if meeting.registered else "")
            + "."
            for meeting in loop.meetings
        ),
    ]
    for theme in loop.themes:
        lines.append(
            f"{theme.title}: {count_da(len(theme.raised), 'input', 'input')}, heraf"
            f" {len(theme.answered)} besvaret; knyttede handlinger:"
            f" {counts_text(theme.counts, all_statuses=True)}."
        )
        for item in theme.raised:
            line = f"– «{item.summary}» ({item.meeting}): {item.status.value}"
            if item.actions or item.tracks:
                line += f"; {_done(item)}"
            if item.response:
                line += f"; svar: {item.response}"
            lines.append(line + ".")
    return "\n".join(lines)
