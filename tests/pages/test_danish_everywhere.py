"""Every page, for every role that can open it, renders no English UI words (issue 16).

The scan reads what the script sent: every text field of every element (labels, values,
captions, help, placeholders, options, markdown and HTML bodies) and every table's headers and
cells. The widgets' own built-in texts (the date picker's calendar, the uploader's drop zone,
the grid's toolbar) never pass through the script; the browser test
tests/browser/test_danish_dom.py scans those in the real DOM.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from google.protobuf.message import Message

from tests.pages.apptest import USERS, new_app

PAGES = sorted(
    f"pages/{path.name}"
    for path in (Path(__file__).resolve().parents[2] / "pages").glob("*.py")
    if path.stem not in {"login", "setup", "no_access"}  # the anonymous pages: tested below
)

# English words a Danish user must never meet (case-sensitive, whole words).
ENGLISH_WORDS = (
    "Upload",
    "Browse files",
    "Drag and drop",
    "per file",
    "Past Week",
    "Date range",
    "Page not found",
    "Link to heading",
    "Download",
    "Search",
    "Show/hide columns",
    "Fullscreen",
    "None",
    "nan",
    "NaN",
    "NaT",
    "True",
    "False",
    "Usage",
    "Options",
    "Error",
)
_ENGLISH = re.compile(r"(?<![\w/])(" + "|".join(map(re.escape, ENGLISH_WORDS)) + r")(?![\w])")
# Fields that name things for the program (keys, ids, icons, CSS), never shown as text.
_NOT_SHOWN = {"id", "form_id", "key", "icon", "page_script_hash", "url_pathname", "css", "type"}
_CODE_BLOCKS = re.compile(r"<(style|script)\b.*?</\1>", re.DOTALL | re.IGNORECASE)


def english_words(text: str) -> list[str]:
    """The English UI words in `text` (CSS and scripts in HTML are not shown text)."""
    return _ENGLISH.findall(_CODE_BLOCKS.sub(" ", text))


def _strings(message: Message) -> Iterator[str]:
    for field, value in message.ListFields():
        if field.name in _NOT_SHOWN:
            continue
        values = value if field.is_repeated else [value]
        for item in values:
            if isinstance(item, Message):
                yield from _strings(item)
            elif isinstance(item, str):
                yield item


def _walk(node: Any) -> Iterator[Any]:
    yield node
    children = getattr(node, "children", None)
    if isinstance(children, dict):
        for child in children.values():
            yield from _walk(child)


def shown_texts(at: Any) -> Iterator[str]:
    """Every text the run sent to the browser, main area and sidebar."""
    for root in (at.main, at.sidebar):
        for node in _walk(root):
            proto = getattr(node, "proto", None)
            if isinstance(proto, Message):
                yield from _strings(proto)
            if getattr(node, "type", None) in {"arrow_data_frame", "dataframe"}:
                frame = node.value
                if isinstance(frame, pd.DataFrame):
                    yield from map(str, frame.columns)
                    yield from (str(cell) for row in frame.itertuples(index=False) for cell in row)


def english_on_page(at: Any) -> list[tuple[str, str]]:
    found = []
    for text in shown_texts(at):
        found.extend((word, text[:120]) for word in english_words(text))
    return found


def test_the_scan_catches_english_words() -> None:
    assert english_words("Drag and drop file here · Limit 20MB per file") == [
        "Drag and drop",
        "per file",
    ]
    assert english_words("Status: None, True") == ["None", "True"]
    assert english_words("<style>.x{display:none} [aria-label='Search']{}</style>Søg") == []
    assert english_words("Nonerne; Uploadet; Truelsen; nanometer") == []


@pytest.mark.parametrize(("username", "role"), USERS, ids=[name for name, _ in USERS])
def test_no_page_shows_english_words(users: None, username: str, role: Any) -> None:
    at = new_app(username)
    at.run()
    opened = []
    problems: dict[str, list[tuple[str, str]]] = {}
    for page in PAGES:
        try:
            at.switch_page(page)
        except ValueError:  # not a page of this role (st.navigation did not register it)
            continue
        at.run()
        assert not at.exception, (page, [e.value for e in at.exception])
        opened.append(page)
        found = english_on_page(at)
        if found:
            problems[page] = found
    assert opened, f"{username} opened no page"
    assert problems == {}


def test_the_login_page_shows_no_english_words(users: None) -> None:
    at = new_app()
    at.run()
    assert not at.exception
    assert english_on_page(at) == []
