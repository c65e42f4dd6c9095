"""Read and validate the transcribed plan (data/plan.yaml), with Danish errors that say where."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from models.core.errors import DomainError
from models.core.settings import content_path
from models.plan.kinds import ActionKind, parse_kind, parse_rhythm
from models.plan.periods import Period
from models.plan.status import Status

DEFAULT_PLAN_PATH = content_path("plan.yaml")


class PlanFileError(DomainError):
    """The plan file cannot be read; the message is Danish and names file, line and column."""


class _MarkedDict(dict[str, Any]):
    """A mapping that remembers where in the file it started."""

    line: int = 0
    column: int = 0


class _MarkedLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # libyaml when present
    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> _MarkedDict:
        mapping = _MarkedDict(super().construct_mapping(node, deep=deep))
        mapping.line = node.start_mark.line + 1
        mapping.column = node.start_mark.column + 1
        return mapping


_MarkedLoader.add_constructor(
    yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _MarkedLoader.construct_mapping
)


@dataclass(frozen=True)
class ActionSeed:
    code: str
    text: str
    timeline: str
    status: Status = Status.upcoming
    status_source: str = ""
    kind: ActionKind = ActionKind.deadline
    rhythm: str | None = None
    period: Period | None = None
    """The plan's dates read by hand where the parser's reading of the timeline is wrong."""


@dataclass(frozen=True)
class TrackSeed:
    code: str
    title: str
    results: list[str]
    actions: list[ActionSeed]
    timeline_notes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class ThemeSeed:
    code: str
    title: str
    tracks: list[TrackSeed]


@dataclass(frozen=True)
class PlanSeed:
    meta: dict[str, Any]
    themes: list[ThemeSeed]


PLAN_META_FIELDS: dict[str, type] = {
    "title": str,
    "municipality": str,
    "period_start_year": int,
    "period_end_year": int,
    "approved_by": str,
    "approved_on": dt.date,
    "restoration_deadline": dt.date,
    "restoration_deadline_text": str,
    "budget_2025_dkk": int,
    "budget_2025_text": str,
}


class _Reader:
    """Pulls typed values out of marked mappings, raising PlanFileError with a position."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def fail(self, where: Any, message: str) -> PlanFileError:
        line = getattr(where, "line", 0)
        column = getattr(where, "column", 0)
        return PlanFileError(f"{self.path.name}, linje {line}, kolonne {column}: {message}")

    def get(self, mapping: Any, key: str, kind: type, *, required: bool = True) -> Any:
        if not isinstance(mapping, dict):
            raise self.fail(mapping, f"forventede en samling af felter, fandt {mapping!r}")
        if key not in mapping:
            if required:
                raise self.fail(mapping, f"feltet '{key}' mangler")
            return None
        value = mapping[key]
        if kind is str and isinstance(value, str):
            return value.strip()
        if kind is int and isinstance(value, int) and not isinstance(value, bool):
            return value
        if kind is dt.date and isinstance(value, dt.date):
            return value
        if kind in (list, dict) and isinstance(value, kind):
            return value
        expected = {
            str: "en tekst",
            int: "et heltal",
            dt.date: "en dato",
            list: "en liste",
            dict: "en samling af felter",
        }[kind]
        raise self.fail(mapping, f"feltet '{key}' skal være {expected}, fandt {value!r}")

    def texts(self, mapping: Any, key: str, *, required: bool = True) -> list[str]:
        items = self.get(mapping, key, list, required=required) or []
        for item in items:
            if not isinstance(item, str) or not item.strip():
                raise self.fail(mapping, f"'{key}' må kun indeholde ikke-tomme tekster")
        return [item.strip() for item in items]


def _read_action(reader: _Reader, raw: Any) -> ActionSeed:
    status_text = reader.get(raw, "status", str, required=False)
    source = reader.get(raw, "status_source", str, required=False) or ""
    status = Status.upcoming
    if status_text is not None:
        try:
            status = Status(status_text)
        except ValueError:
            raise reader.fail(raw, f"ukendt status '{status_text}'") from None
        if not source:
            raise reader.fail(raw, "en status fra et kildedokument kræver 'status_source'")
    kind_text = reader.get(raw, "kind", str, required=False)
    rhythm_text = reader.get(raw, "rhythm", str, required=False)
    try:
        kind = parse_kind(kind_text) if kind_text is not None else ActionKind.deadline
        rhythm = parse_rhythm(rhythm_text)
    except ValueError as error:
        raise reader.fail(raw, str(error)) from None
    if (kind == ActionKind.recurring) != (rhythm is not None):
        raise reader.fail(raw, "en tilbagevendende handling (og kun den) skal have en 'rhythm'")
    return ActionSeed(
        code=reader.get(raw, "code", str),
        text=reader.get(raw, "text", str),
        timeline=reader.get(raw, "timeline", str, required=False) or "",
        status=status,
        status_source=source,
        kind=kind,
        rhythm=rhythm,
        period=_read_period(reader, raw),
    )


def _read_period(reader: _Reader, raw: Any) -> Period | None:
    """`period: {start: 2025-10-01, end: null}`: both keys must be given (null = no date)."""
    period = reader.get(raw, "period", dict, required=False)
    if period is None:
        return None
    for key in ("start", "end"):
        if key not in period:
            raise reader.fail(period, f"'period' skal angive både start og end (fandt ikke {key})")
        if period[key] is not None and not isinstance(period[key], dt.date):
            raise reader.fail(period, f"'period.{key}' skal være en dato eller null")
    if period["start"] and period["end"] and period["start"] > period["end"]:
        raise reader.fail(period, "'period.start' ligger efter 'period.end'")
    return Period(period["start"], period["end"])


def _read_track(reader: _Reader, raw: Any) -> TrackSeed:
    actions = [_read_action(reader, item) for item in reader.get(raw, "actions", list)]
    if not actions:
        raise reader.fail(raw, "et spor skal have mindst én handling")
    return TrackSeed(
        code=reader.get(raw, "code", str),
        title=reader.get(raw, "title", str),
        results=reader.texts(raw, "results"),
        actions=actions,
        timeline_notes=reader.texts(raw, "timeline_notes", required=False),
    )


def parse_plan(text: str, *, path: Path = DEFAULT_PLAN_PATH) -> PlanSeed:
    """Parse and validate plan YAML text."""
    reader = _Reader(path)
    try:
        raw = yaml.load(text, Loader=_MarkedLoader)  # noqa: S506  (a SafeLoader subclass)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark
        where = f"linje {mark.line + 1}, kolonne {mark.column + 1}" if mark else "ukendt sted"
        raise PlanFileError(f"{path.name}, {where}: ugyldig YAML ({error.problem})") from None
    plan = reader.get(raw, "plan", dict)
    meta = {key: reader.get(plan, key, kind) for key, kind in PLAN_META_FIELDS.items()}
    meta["background"] = reader.get(plan, "background", list, required=False) or []
    themes = [
        ThemeSeed(
            code=reader.get(theme, "code", str),
            title=reader.get(theme, "title", str),
            tracks=[_read_track(reader, track) for track in reader.get(theme, "tracks", list)],
        )
        for theme in reader.get(raw, "themes", list)
    ]
    codes = [a.code for t in themes for tr in t.tracks for a in tr.actions]
    codes += [tr.code for t in themes for tr in t.tracks] + [t.code for t in themes]
    duplicates = sorted({code for code in codes if codes.count(code) > 1})
    if duplicates:
        raise PlanFileError(f"{path.name}: koderne {', '.join(duplicates)} forekommer flere gange")
    return PlanSeed(meta=meta, themes=themes)


def load_plan_file(path: Path = DEFAULT_PLAN_PATH) -> PlanSeed:
    """Read and validate the plan file at `path`."""
    return parse_plan(path.read_text(encoding="utf-8"), path=path)
