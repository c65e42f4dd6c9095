"""The family panel's configuration, `data/family_panel.yaml`: its 4 themes and the seeded
meetings with their input items (each quoting its source)."""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from models.core.settings import content_path

PANEL_PATH = content_path("family_panel.yaml")
NO_THEME = "Uden tema"
"""How an item without a panel theme is grouped and shown."""


@dataclass(frozen=True)
class PanelTheme:
    key: str
    title: str
    source_text: str  # the heading exactly as the source slide spells it
    source: str  # the document and slide


@dataclass(frozen=True)
class SeedItem:
    key: str
    text: str
    source: str
    theme: str | None


@dataclass(frozen=True)
class SeedMeeting:
    key: str
    held_on: dt.date
    kind: str
    title: str
    registered: int | None
    participants: int | None
    source: str
    questions: tuple[str, ...]
    questions_source: str
    items: tuple[SeedItem, ...]


@dataclass(frozen=True)
class PanelConfig:
    themes: tuple[PanelTheme, ...]
    meetings: tuple[SeedMeeting, ...]

    def theme_title(self, key: str | None) -> str:
        """The title of theme `key`; "Uden tema" for None (or a key no longer configured)."""
        return next((theme.title for theme in self.themes if theme.key == key), NO_THEME)

    def theme_key(self, value: str | None) -> str | None:
        """The key for a theme given by key or title (any case); None for empty; ValueError
        with a Danish reason for an unknown theme."""
        text = " ".join((value or "").split()).casefold()
        if not text or text == NO_THEME.casefold():
            return None
        for theme in self.themes:
            if text in (theme.key.casefold(), theme.title.casefold()):
                return theme.key
        allowed = ", ".join(f"«{theme.title}»" for theme in self.themes)
        raise ValueError(f"ukendt tema «{value}» (tilladt: {allowed} eller tomt)")


def _text(value: Any) -> str:
    return " ".join(str(value or "").split())


def _item(raw: dict[str, Any], themes: set[str]) -> SeedItem:
    theme = raw.get("theme")
    if theme is not None and theme not in themes:
        raise ValueError(f"family_panel.yaml: item {raw['key']} has an unknown theme {theme!r}")
    return SeedItem(raw["key"], _text(raw["text"]), _text(raw.get("source")), theme)


def _meeting(raw: dict[str, Any], themes: set[str]) -> SeedMeeting:
    items = tuple(_item(item, themes) for item in raw.get("items") or [])
    if len({item.key for item in items}) != len(items):
        raise ValueError(f"family_panel.yaml: meeting {raw['key']} repeats an item key")
    return SeedMeeting(
        key=raw["key"],
        held_on=raw["held_on"],
        kind=raw["kind"],
        title=_text(raw.get("title")),
        registered=raw.get("registered"),
        participants=raw.get("participants"),
        source=_text(raw.get("source")),
        questions=tuple(_text(question) for question in raw.get("questions") or []),
        questions_source=_text(raw.get("questions_source")),
        items=items,
    )


def load_panel(path: Path = PANEL_PATH) -> PanelConfig:
    """Read the file (whitespace inside texts is normalised); raise ValueError if malformed."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    themes = tuple(
        PanelTheme(t["key"], _text(t["title"]), _text(t["source_text"]), _text(t["source"]))
        for t in raw["themes"]
    )
    keys = {theme.key for theme in themes}
    meetings = tuple(_meeting(meeting, keys) for meeting in raw.get("meetings") or [])
    return PanelConfig(themes, meetings)


@functools.cache
def panel_config(path: Path = PANEL_PATH) -> PanelConfig:
    """The configured panel (read once per process)."""
    return load_panel(path)
