"""Parse Danish timeline phrases ("Udgangen af 1. kvartal 2025", "Primo 2025") into periods.

A text is read as a list of period expressions (quarter, half-year, season, month, day, year,
primo/medio/ultimo, ranges). Each expression is governed by the nearest deadline/start keyword
in its clause: a deadline sets only ``end``, a start phrase only ``start``, a bare period both.
The result spans the earliest start and the latest end found; unreadable text gives ``None``.
"""

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import NamedTuple

MONTH_NAMES: tuple[str, ...] = (
    "januar", "februar", "marts", "april", "maj", "juni",
    "juli", "august", "september", "oktober", "november", "december",
)  # fmt: skip
MONTHS: dict[str, int] = {name: i for i, name in enumerate(MONTH_NAMES, start=1)}
QUARTER_ORDINALS: dict[str, int] = {
    "1": 1, "første": 1, "2": 2, "anden": 2, "andet": 2,
    "3": 3, "tredje": 3, "4": 4, "fjerde": 4, "sidste": 4,
}  # fmt: skip
HALF_ORDINALS: dict[str, int] = {
    "1": 1, "første": 1, "2": 2, "anden": 2, "andet": 2, "sidste": 2,
}  # fmt: skip
SEASONS: dict[str, tuple[int, int]] = {"forår": (3, 5), "sommer": (6, 8), "efterår": (9, 11)}
# primo/medio/ultimo: quarter of a year, or day range of a month (clipped to the month's end).
PMU_QUARTERS: dict[str, int] = {"primo": 1, "medio": 2, "ultimo": 4}
PMU_DAYS: dict[str, tuple[int, int]] = {"primo": (1, 10), "medio": (11, 20), "ultimo": (21, 31)}

# Year phrases with no agreed reading ("vinter 2024", "2024/25"): blocked instead of guessed.
UNREADABLE: tuple[str, ...] = (
    r"vinter(?:en)?\s+(?:i\s+)?20\d\d(?:\s*/\s*(?:20)?\d\d(?!\d))?",
    r"20\d\d\s*/\s*(?:20)?\d\d(?!\d)",
)

# Keyword regexes (matched on lower-cased text as whole words).
DEADLINE_KEYWORDS: tuple[str, ...] = (
    r"udgangen\s+af", r"senest", r"færdig\w*", r"klar", r"på\s+plads",
    r"afslut(?:tes|tet|ning)", r"gennemført\w*", r"forventes", r"deadline",
)  # fmt: skip
START_KEYWORDS: tuple[str, ...] = (
    r"opstart\w*", r"igangs(?:æt|at)\w*", r"påbegynd\w*", r"start\w*", r"begynd\w*",
    r"iværksæt\w*", r"fra", r"og\s+frem(?:efter|over)?",
)  # fmt: skip
BEFORE_KEYWORDS: tuple[str, ...] = (r"inden(?!\s+(?:for|udgangen)\b)", r"før")
# Words after which a year names a topic ("årshjul for 2025", "budget 2026"), not a time.
TOPIC_WORDS: tuple[str, ...] = ("årshjul", "budget", "budgetår", "handleplan", "plan")
# Abbreviations whose trailing "." does not end a sentence.
ABBREVIATIONS: frozenset[str] = frozenset(
    {"bl.a", "fx", "f.eks", "evt", "mv", "m.v", "mm", "m.m", "d", "jf", "pr", "ift", "ca", "nr"}
)  # fmt: skip
DASHES = "\u2010\u2011\u2012\u2013\u2014\u2212"  # normalised to "-"


@dataclass(frozen=True)
class Period:
    """A date interval; either end may be unknown (``None``)."""

    start: date | None
    end: date | None


def month_bounds(year: int, month: int) -> tuple[date, date]:
    """First and last day of a month."""
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def quarter_bounds(year: int, q: int) -> tuple[date, date]:
    """First and last day of quarter ``q`` (1-4)."""
    return month_bounds(year, 3 * q - 2)[0], month_bounds(year, 3 * q)[1]


def half_bounds(year: int, h: int) -> tuple[date, date]:
    """First and last day of half-year ``h`` (1-2)."""
    return quarter_bounds(year, 2 * h - 1)[0], quarter_bounds(year, 2 * h)[1]


def year_bounds(year: int) -> tuple[date, date]:
    """First and last day of a year."""
    return date(year, 1, 1), date(year, 12, 31)


Bounds = tuple[date, date]
Handler = Callable[[re.Match[str]], Bounds | None]

_YEAR = r"(?:i\s+|af\s+)?(?P<year>20\d\d)(?!\d)"
_MON = "|".join(MONTHS)
_QORD = r"[1-4]\.?|" + "|".join(k for k in QUARTER_ORDINALS if not k.isdigit())
_HORD = r"[12]\.?|" + "|".join(k for k in HALF_ORDINALS if not k.isdigit())


def _ordinal_span(table: dict[str, int], bounds: Callable[[int, int], Bounds]) -> Handler:
    """Handler for "1. kvartal 2025" and "1. eller 2. kvartal 2025" style matches."""

    def handle(m: re.Match[str]) -> Bounds | None:
        first = table[m["a"].rstrip(".")]
        last = table[m["b"].rstrip(".")] if m["b"] else first
        year = int(m["year"])
        return (bounds(year, first)[0], bounds(year, last)[1]) if first <= last else None

    return handle


def _pmu(m: re.Match[str]) -> Bounds:
    year, word = int(m["year"]), m["pmu"]
    if not m["month"]:
        return quarter_bounds(year, PMU_QUARTERS[word])
    first, last = month_bounds(year, MONTHS[m["month"]])
    lo, hi = PMU_DAYS[word]
    return first.replace(day=lo), last.replace(day=min(hi, last.day))


def _months(year: int, lo: int, hi: int) -> Bounds | None:
    """From the first day of month ``lo`` to the last day of month ``hi``."""
    return (month_bounds(year, lo)[0], month_bounds(year, hi)[1]) if lo <= hi else None


def _day(m: re.Match[str]) -> Bounds | None:
    try:
        day = date(int(m["year"]), MONTHS[m["month"]], int(m["day"]))
    except ValueError:
        return None
    return day, day


def _week(m: re.Match[str]) -> Bounds | None:
    year, week = int(m["year"]), int(m["week"])
    try:
        return date.fromisocalendar(year, week, 1), date.fromisocalendar(year, week, 7)
    except ValueError:
        return None


def _short_range(m: re.Match[str]) -> Bounds | None:
    year = int(m["year"])
    last = year // 100 * 100 + int(m["yy"])
    return (year_bounds(year)[0], year_bounds(last)[1]) if last > year else None


_ORD_SEP = r"(?:\s*(?:-|eller|og|til)\s*(?P<b>{0}))?\s*"
PATTERNS: list[tuple[re.Pattern[str], Handler]] = [
    (re.compile(rf"(?<!\w)(?P<day>\d{{1,2}})\.?\s*(?P<month>{_MON})\s+{_YEAR}"), _day),
    (
        re.compile(rf"(?<!\w)(?P<pmu>primo|medio|ultimo)\s+(?:(?P<month>{_MON})\s+)?{_YEAR}"),
        _pmu,
    ),
    (
        re.compile(rf"(?<!\w)(?P<a>{_QORD}){_ORD_SEP.format(_QORD)}kvartal(?:et)?\s+{_YEAR}"),
        _ordinal_span(QUARTER_ORDINALS, quarter_bounds),
    ),
    (
        re.compile(rf"(?<!\w)(?P<a>{_HORD}){_ORD_SEP.format(_HORD)}halvår(?:et)?\s+{_YEAR}"),
        _ordinal_span(HALF_ORDINALS, half_bounds),
    ),
    (
        re.compile(rf"(?<!\w)(?P<season>{'|'.join(SEASONS)})(?:et|en)?\s+{_YEAR}"),
        lambda m: _months(int(m["year"]), *SEASONS[m["season"]]),
    ),
    (
        re.compile(rf"(?<!\w)(?P<month>{_MON})(?:\s*(?:-|til)\s*(?P<month2>{_MON}))?\s+{_YEAR}"),
        lambda m: _months(int(m["year"]), MONTHS[m["month"]], MONTHS[m["month2"] or m["month"]]),
    ),
    (re.compile(rf"(?<!\w)uge\s+(?P<week>\d{{1,2}})\s+{_YEAR}"), _week),
    (re.compile(rf"(?<!\w)(?:{'|'.join(UNREADABLE)})"), lambda m: None),
    (re.compile(r"(?<!\d)(?P<year>20\d\d)\s*-\s*(?P<yy>\d\d)(?!\d)"), _short_range),
    (re.compile(r"(?<!\d)(?P<year>20\d\d)(?!\d)"), lambda m: year_bounds(int(m["year"]))),
]


_KEYWORD = re.compile(
    rf"(?<!\w)(?:(?P<end>{'|'.join(DEADLINE_KEYWORDS)})|(?P<start>{'|'.join(START_KEYWORDS)})"
    rf"|(?P<before>{'|'.join(BEFORE_KEYWORDS)}))(?!\w)"
)
_BREAK = re.compile(r"[.;!?](?=\s|$)|,|(?<!\w)(?:og(?!\s+frem)|men|samt)(?!\w)")
_RANGE_GAP = re.compile(r"\s*(?:-|til(?:\s+og\s+med)?)\s*")
_TOPIC = re.compile(rf"(?<!\w)(?:{'|'.join(TOPIC_WORDS)})(?:en|et|s)?(?:\s+for)?\s*$")
_DASHES = str.maketrans(dict.fromkeys(DASHES, "-"))


class _Span(NamedTuple):
    pos: int
    stop: int
    bounds: Bounds | None  # None: a phrase that looks like a period but cannot be read
    is_range: bool = False


def _spans(text: str) -> list[tuple[_Span, Bounds]]:
    """Readable period expressions (leftmost-longest, non-overlapping), ranges merged."""
    found = sorted(
        (
            _Span(m.start(), m.end(), handle(m))
            for rx, handle in PATTERNS
            for m in rx.finditer(text)
        ),
        key=lambda s: (s.pos, s.pos - s.stop),
    )
    spans: list[_Span] = []
    for span in found:
        if spans and span.pos < spans[-1].stop:
            continue
        prev = spans[-1] if spans else None
        if prev and prev.bounds and span.bounds and _RANGE_GAP.fullmatch(text, prev.stop, span.pos):
            first, last = prev.bounds[0], span.bounds[1]
            span = _Span(prev.pos, span.stop, (first, last) if first <= last else None, True)
            spans.pop()
        spans.append(span)
    return [(s, s.bounds) for s in spans if s.bounds and not _TOPIC.search(text, 0, s.pos)]


def _breaks(text: str) -> list[int]:
    """Offsets where a clause ends (sentence end, comma, "og", ...)."""
    result = []
    for m in _BREAK.finditer(text):
        if m.group() == ".":
            word = text[: m.start()].rsplit(" ", 1)[-1]
            if (word.isdigit() and len(word) <= 2) or word in ABBREVIATIONS:
                continue
        result.append(m.start())
    return result


def _role(text: str, span: _Span, next_pos: int, breaks: list[int]) -> str:
    """Which keyword governs a span: "end", "start", "before" or "bare"."""
    if span.is_range:
        return "bare"
    lo = max((b for b in breaks if b < span.pos), default=0)
    hi = min([b for b in breaks if b >= span.stop] + [next_pos])
    preceding = list(_KEYWORD.finditer(text, lo, span.pos))
    match = preceding[-1] if preceding else _KEYWORD.search(text, span.stop, hi)
    return (match.lastgroup or "bare") if match else "bare"


def parse_period(text: str) -> Period:
    """Read a Danish timeline phrase; unreadable parts contribute nothing."""
    norm = " ".join((text or "").translate(_DASHES).lower().split())
    spans = _spans(norm)
    breaks = _breaks(norm)
    starts: list[date] = []
    ends: list[date] = []
    for i, (span, (first, last)) in enumerate(spans):
        next_pos = spans[i + 1][0].pos if i + 1 < len(spans) else len(norm)
        role = _role(norm, span, next_pos, breaks)
        if role in ("start", "bare"):
            starts.append(first)
        if role in ("end", "bare"):
            ends.append(last)
        if role == "before":
            ends.append(first - timedelta(days=1))
    return Period(min(starts, default=None), max(ends, default=None))
