"""Parse Danish timeline phrases ("Udgangen af 1. kvartal 2025", "Primo 2025") into periods.

``parse_period(text)`` reads a text as a list of period expressions and returns the span from the
earliest start to the latest end it found. It does not depend on today's date. The project's rule
holds throughout: never show more than the source says, so what the parser cannot read is
``None``, never a guess. The conventions, each tested in tests/models/plan/test_periods.py:

Periods (each needs a year 2000-2099; without one it gives nothing)
  year       "2025", "i 2025", "hele 2025"; ranges "2025-2027", "2024-25", "2024 til 2026".
  quarter    "1. kvartal 2025", "første kvartal i 2026", "4 kvartal 2024", "sidste kvartal 2025",
             "Q1 2025", "2025 Q1", "1. kvt. 2025"; pairs "1. eller 2. kvartal 2025", "2.-3.
             kvartal", "Q1/Q2 2025" run from the first to the last.
  half-year  "1. halvår 2025", "andet halvår i 2026", "1. halvdel af 2025", "sidste halvdel af".
  season     forår = March-May, sommer = June-August, efterår = September-November; vinter
             spans two years: None.
  month      "september 2024"; pairs and lists "marts/april 2025", "marts og april 2025", "marts,
             april og maj 2025", "november-december 2024" run from the first to the last month;
             months out of calendar order give None.
  day        "15. oktober 2024", "15.10.2024", "15/10 2024", "15/10-2024", "2024-10-15"; "1.-15.
             marts 2025", "15. og 16. marts 2025", "15. marts - 15. april 2025".
  week       "uge 43 2025", "uge 7 i 2026", "uge 7-8 2026", "uge 7 og 8 2026": ISO weeks, Monday
             to Sunday.
  holiday    påske(n) = skærtorsdag to 2. påskedag (Easter computed); påskeferie(n) = the school
             holiday, the Saturday before palmesøndag to 2. påskedag; jul(en) = 24-26 December;
             vinterferie(n) = week 7 (Faxe, in Region Sjælland) and efterårsferie(n) =
             week 42, each from the Saturday before the week to its Sunday; sommerferie(n) = the
             last Saturday of June to the second Sunday of August; juleferie(n) crosses the new
             year and varies: None. Any other holiday ("pinse 2026") is an unknown word: None.
Parts of a period
  primo = først i = begyndelsen af = starten af; medio = midt i = midten af; ultimo = sidst i =
  slutningen af ("først i 2026" may also mean "not until 2026"; the phrase stays beside the
  date). Of a year: its 1st / 2nd / 4th quarter. Of a quarter or a season: its first /
  middle / last month. Of a month: days 1-10 / 11-20 / 21 to the end. Of anything else
  (half-year, week, day, holiday, pair, list, range): None.
Roles
  A deadline word (udgangen af, senest, færdig, klar, på plads, afsluttes, gennemført, forventes,
  deadline, til og med, eller tidligere) sets only the end; a start word (opstart, igangsættes,
  igangsat, påbegyndes, starter, begynder, iværksættes, fra, tidligst, og frem, og/eller senere)
  only the start: the nearest one before the period in its clause, else the first after it.
  Without one, a period sets both. "inden"/"før" directly before a period: the end is the day
  before it starts; "efter" directly before a period: the start is the day after it ends. Such a
  bound on the other end ("opstart inden 2026", "færdig efter 2025") cannot be shown: None.
  A range runs from the start of its first period to the end of its last; several periods give
  the earliest start and the latest end.
What gives None
  - An unknown word directly before a bare year (or a range that starts with one), as it may name
    a part of it: "pinse 2026", "skoleåret 2025", "jan. 2025". Before any other period, or
    before a preposition ("afprøves i 2025"), an unknown word is the clause's subject or verb
    ("Rekruttering medio 2025") and leaves the period as it is.
  - "<word> af <period>" unless a known phrase (udgangen af, i løbet af): "resten af 2025",
    "halvdelen af 2025", "første halvdel af marts 2025".
  - A word with no convention directly before a period, also with "i"/"af" between: omkring, ca.,
    cirka, tidligt, sent, senere, tidligere, indtil, frem til, op til, mellem, siden, mod,
    snarest, hurtigst ("omkring medio 2025", "sent i 2025").
  - A period joined by "-", "til", "/", "og" or "," to a period it cannot read: "1. kvartal - 2.
    kvartal 2025" (the first has no year), "forår og sommer 2025", "medio 2025 - ultimo".
  - A year that names a topic ("årshjul for 2025", "budget 2026"), "vinter 2024", "2024/25".
"""

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import pairwise
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
# Part words, each read as primo, medio or ultimo.
PARTS: dict[str, str] = {
    "primo": "primo", "først i": "primo", "begyndelsen af": "primo", "starten af": "primo",
    "medio": "medio", "midt i": "medio", "midten af": "medio",
    "ultimo": "ultimo", "sidst i": "ultimo", "slutningen af": "ultimo",
}  # fmt: skip
PART_QUARTERS: dict[str, int] = {"primo": 1, "medio": 2, "ultimo": 4}  # of a year
PART_MONTHS: dict[str, int] = {"primo": 0, "medio": 1, "ultimo": 2}  # of a quarter or season
PART_DAYS: dict[str, tuple[int, int]] = {"primo": (1, 10), "medio": (11, 20), "ultimo": (21, 31)}
SCHOOL_HOLIDAY_WEEKS: dict[str, int] = {"vinterferie": 7, "efterårsferie": 42}  # Region Sjælland

# Phrases with no agreed reading ("vinter 2024", "2024/25"): blocked instead of guessed.
UNREADABLE: tuple[str, ...] = (
    r"vinter(?:en)?\s+(?:i\s+)?20\d\d(?:\s*/\s*(?:20)?\d\d(?!\d))?",
    r"20\d\d\s*/\s*(?:20)?\d\d(?!\d)",
)

# Keyword regexes (matched on lower-cased text as whole words).
DEADLINE_KEYWORDS: tuple[str, ...] = (
    r"udgangen\s+af", r"senest", r"færdig\w*", r"klar", r"på\s+plads",
    r"afslut(?:tes|tet|ning)", r"gennemført\w*", r"forventes", r"deadline",
    r"til\s+og\s+med", r"eller\s+(?:tidligere|før)",
)  # fmt: skip
START_KEYWORDS: tuple[str, ...] = (
    r"opstart\w*", r"igangs(?:æt|at)\w*", r"påbegynd\w*", r"start\w*", r"begynd\w*",
    r"iværksæt\w*", r"fra", r"tidligst", r"og\s+frem(?:efter|over)?", r"(?:og|eller)\s+senere",
)  # fmt: skip
# Prepositions that bound a period from one side; they count only directly before it.
BEFORE_KEYWORDS: tuple[str, ...] = (r"inden(?!\s+(?:for|udgangen)\b)", r"før")
AFTER_KEYWORDS: tuple[str, ...] = (r"efter",)
# Words that may stand before a period without changing it.
FILLERS: tuple[str, ...] = (
    r"i", r"for", r"til", r"ved", r"om", r"under", r"med", r"på", r"over", r"hen\s*over",
    r"gennem", r"inden\s+for", r"(?:i\s+)?løbet\s+af", r"løbende", r"hele", r"år(?:et)?",
    r"kalenderåret", r"og", r"eller", r"samt",
)  # fmt: skip
# Words that qualify a period in a way with no agreed reading: the period gives None.
NO_CONVENTION: tuple[str, ...] = (
    r"omkring", r"ca\.?", r"cirka", r"circa", r"tidligt", r"sent", r"senere", r"tidligere",
    r"indtil", r"frem\s+til", r"op\s+til", r"mellem", r"siden", r"mod", r"snarest",
    r"hurtigst",
)  # fmt: skip
# Words after which a year names a topic ("årshjul for 2025", "budget 2026"), not a time.
TOPIC_WORDS: tuple[str, ...] = ("årshjul", "budget", "budgetår", "handleplan", "plan")
# Abbreviations whose trailing "." does not end a sentence. Abbreviated months ("nov. 2024") are
# not read ("jul." is July, "jul" Christmas): an unknown word before the year.
ABBREVIATIONS: frozenset[str] = frozenset(
    {"bl.a", "fx", "f.eks", "evt", "mv", "m.v", "mm", "m.m", "d", "jf", "pr", "ift", "ca", "nr",
     "kvt", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "okt", "nov", "dec"}
)  # fmt: skip
DASHES = "\u2010\u2011\u2012\u2013\u2014\u2212"  # normalised to "-"


@dataclass(frozen=True)
class Period:
    """A date interval; either end may be unknown (``None``)."""

    start: date | None
    end: date | None


Bounds = tuple[date, date]


def month_bounds(year: int, month: int) -> Bounds:
    """First and last day of a month."""
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def quarter_bounds(year: int, q: int) -> Bounds:
    """First and last day of quarter ``q`` (1-4)."""
    return month_bounds(year, 3 * q - 2)[0], month_bounds(year, 3 * q)[1]


def half_bounds(year: int, h: int) -> Bounds:
    """First and last day of half-year ``h`` (1-2)."""
    return quarter_bounds(year, 2 * h - 1)[0], quarter_bounds(year, 2 * h)[1]


def year_bounds(year: int) -> Bounds:
    """First and last day of a year."""
    return date(year, 1, 1), date(year, 12, 31)


def easter_sunday(year: int) -> date:
    """Easter Sunday (Gregorian calendar; the anonymous Meeus/Jones/Butcher algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (b - (b + 8) // 25 + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l = (32 + 2 * e + 2 * i - h - k) % 7  # noqa: E741 - the algorithm's own name
    m = (a + 11 * h + 22 * l) // 451
    month, day = divmod(h + l - 7 * m + 114, 31)
    return date(year, month, day + 1)


def _school_week(week: int) -> Callable[[int], Bounds]:
    """A school holiday week: from the Saturday before it to its Sunday."""
    return lambda year: (
        date.fromisocalendar(year, week, 1) - timedelta(days=2),
        date.fromisocalendar(year, week, 7),
    )


def _summer_holiday(year: int) -> Bounds:
    """The last Saturday of June to the second Sunday of August."""
    june_30 = date(year, 6, 30)
    first_sunday = date(year, 8, 1) + timedelta(days=(6 - date(year, 8, 1).weekday()) % 7)
    return june_30 - timedelta(days=(june_30.weekday() - 5) % 7), first_sunday + timedelta(days=7)


HOLIDAYS: dict[str, Callable[[int], Bounds] | None] = {
    "påske": lambda y: (easter_sunday(y) - timedelta(days=3), easter_sunday(y) + timedelta(days=1)),
    "påskeferie": lambda y: (
        easter_sunday(y) - timedelta(days=8),
        easter_sunday(y) + timedelta(days=1),
    ),
    "jul": lambda y: (date(y, 12, 24), date(y, 12, 26)),
    "juleferie": None,
    "sommerferie": _summer_holiday,
    **{name: _school_week(week) for name, week in SCHOOL_HOLIDAY_WEEKS.items()},
}


class _Read(NamedTuple):
    """What one expression says: its bounds (``None``: unreadable) and the unit a part word
    ("primo", "slutningen af") may divide: "year", "quarter", "season", "month" or ``None``."""

    bounds: Bounds | None
    unit: str | None = None


Handler = Callable[[re.Match[str]], _Read]


def _span_of(first: Bounds | None, last: Bounds | None) -> Bounds | None:
    """From the start of ``first`` to the end of ``last``; ``None`` if out of order."""
    if first is None or last is None or first[0] > last[0]:
        return None
    return first[0], last[1]


def _ordinals(table: dict[str, int], bounds: Callable[[int, int], Bounds], unit: str) -> Handler:
    """Handler for "1. kvartal 2025", "1. eller 2. kvartal 2025", "Q1-Q2 2025" style matches."""

    def handle(m: re.Match[str]) -> _Read:
        year, b = int(m["year"]), m.groupdict().get("b")
        first = bounds(year, table[m["a"].rstrip(".")])
        if not b:
            return _Read(first, unit)
        return _Read(_span_of(first, bounds(year, table[b.rstrip(".")])))

    return handle


def _ascending(values: list[int]) -> bool:
    return all(a < b for a, b in pairwise(values))


def _months(m: re.Match[str]) -> _Read:
    months = [MONTHS[name] for name in re.findall(_MON, m["months"])]
    if not _ascending(months):
        return _Read(None)
    year = int(m["year"])
    first, last = month_bounds(year, months[0]), month_bounds(year, months[-1])
    return _Read((first[0], last[1]), "month" if len(months) == 1 else None)


def _date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _days(m: re.Match[str]) -> _Read:
    """One day, or a span of days ("1.-15. marts 2025", "15. marts - 15. april 2025")."""
    year = int(m["year"])
    month2 = MONTHS[m["month2"]]
    month = MONTHS[m["month"]] if m.groupdict().get("month") else month2
    first = _date(year, month, int(m["day"]))
    last = _date(year, month2, int(m["day2"] or m["day"]))
    return _Read((first, last) if first and last and first <= last else None)


def _numeric_date(m: re.Match[str]) -> _Read:
    day = _date(int(m["year"]), int(m["month"]), int(m["day"]))
    return _Read((day, day) if day else None)


def _weeks(m: re.Match[str]) -> _Read:
    year = int(m["year"])
    try:
        first = date.fromisocalendar(year, int(m["week"]), 1)
        last = date.fromisocalendar(year, int(m["week2"] or m["week"]), 7)
    except ValueError:
        return _Read(None)
    return _Read((first, last) if first < last else None)


def _holiday(m: re.Match[str]) -> _Read:
    bounds = HOLIDAYS[m["holiday"]]
    return _Read(bounds(int(m["year"])) if bounds else None)


def _season(m: re.Match[str]) -> _Read:
    lo, hi = SEASONS[m["season"]]
    year = int(m["year"])
    return _Read((month_bounds(year, lo)[0], month_bounds(year, hi)[1]), "season")


def _short_range(m: re.Match[str]) -> _Read:
    year = int(m["year"])
    last = year // 100 * 100 + int(m["yy"])
    return _Read((year_bounds(year)[0], year_bounds(last)[1]) if last > year else None, "years")


def _part_of(read: _Read, part: str) -> Bounds | None:
    """The primo/medio/ultimo part of a period, for the units that have a convention."""
    if read.bounds is None:
        return None
    first, last = read.bounds
    if read.unit == "year":
        return quarter_bounds(first.year, PART_QUARTERS[part])
    if read.unit in ("quarter", "season"):
        return month_bounds(first.year, first.month + PART_MONTHS[part])
    if read.unit == "month":
        lo, hi = PART_DAYS[part]
        return first.replace(day=lo), last.replace(day=min(hi, last.day))
    return None


def _words(words: tuple[str, ...] | list[str]) -> str:
    return "|".join(words)


_YEAR = r"(?:i\s+|af\s+)?(?P<year>20\d\d)(?!\d)"
_MON = _words(MONTH_NAMES)
_QORD = r"[1-4]\.?|" + _words([k for k in QUARTER_ORDINALS if not k.isdigit()])
_HORD = r"[12]\.?|" + _words([k for k in HALF_ORDINALS if not k.isdigit()])
_PAIR = r"\s*(?:-|/|eller|og|til)\s*"
_DAY = r"(?P<{0}>\d{{1,2}})\.?"
PATTERNS: list[tuple[re.Pattern[str], Handler]] = [
    (
        re.compile(
            rf"(?<![\w.]){_DAY.format('day')}(?:{_PAIR}{_DAY.format('day2')})?"
            rf"\s*(?P<month2>{_MON})\s+{_YEAR}"
        ),
        _days,
    ),
    (
        re.compile(
            rf"(?<![\w.]){_DAY.format('day')}\s*(?P<month>{_MON})\s*(?:-|til)\s*"
            rf"{_DAY.format('day2')}\s*(?P<month2>{_MON})\s+{_YEAR}"
        ),
        _days,
    ),
    (
        re.compile(
            r"(?<![\w.])(?P<day>\d{1,2})[./](?P<month>\d{1,2})(?:[./-]|\s+)(?P<year>20\d\d)(?!\d)"
        ),
        _numeric_date,
    ),
    (
        re.compile(r"(?<!\d)(?P<year>20\d\d)-(?P<month>\d\d)-(?P<day>\d\d)(?!\d)"),
        _numeric_date,
    ),
    (
        re.compile(
            rf"(?<!\w)(?P<a>{_QORD})(?:{_PAIR}(?P<b>{_QORD}))?\s*(?:kvartal(?:et)?|kvt\.?)"
            rf"\s+{_YEAR}"
        ),
        _ordinals(QUARTER_ORDINALS, quarter_bounds, "quarter"),
    ),
    (
        re.compile(rf"(?<!\w)q(?P<a>[1-4])(?:{_PAIR}q(?P<b>[1-4]))?\s+{_YEAR}"),
        _ordinals(QUARTER_ORDINALS, quarter_bounds, "quarter"),
    ),
    (
        re.compile(r"(?<!\d)(?P<year>20\d\d)\s+q(?P<a>[1-4])(?!\w)"),
        _ordinals(QUARTER_ORDINALS, quarter_bounds, "quarter"),
    ),
    (
        re.compile(
            rf"(?<!\w)(?P<a>{_HORD})(?:{_PAIR}(?P<b>{_HORD}))?\s*(?:halvår(?:et)?|halvdel(?:en)?)"
            rf"\s+{_YEAR}"
        ),
        _ordinals(HALF_ORDINALS, half_bounds, "half"),
    ),
    (re.compile(rf"(?<!\w)(?P<season>{_words(list(SEASONS))})(?:et|en)?\s+{_YEAR}"), _season),
    (
        re.compile(
            rf"(?<!\w)(?P<months>(?:{_MON})(?:\s*(?:-|/|,|og|eller|til)\s*(?:{_MON}))*)\s+{_YEAR}"
        ),
        _months,
    ),
    (
        re.compile(
            rf"(?<!\w)uge\s+(?P<week>\d{{1,2}})(?:{_PAIR}(?:uge\s+)?(?P<week2>\d{{1,2}}))?"
            rf"\s+{_YEAR}"
        ),
        _weeks,
    ),
    (re.compile(rf"(?<!\w)(?P<holiday>{_words(list(HOLIDAYS))})(?:en|n)?\s+{_YEAR}"), _holiday),
    (re.compile(rf"(?<!\w)(?:{_words(UNREADABLE)})"), lambda m: _Read(None)),
    (re.compile(r"(?<!\d)(?P<year>20\d\d)\s*-\s*(?P<yy>\d\d)(?!\d)"), _short_range),
    (
        re.compile(r"(?<!\d)(?P<year>20\d\d)(?!\d)"),
        lambda m: _Read(year_bounds(int(m["year"])), "year"),
    ),
]


def _ending(words: tuple[str, ...] | list[str]) -> re.Pattern[str]:
    """Matches text that ends with one of ``words`` (a whole word)."""
    return re.compile(rf"(?<!\w)(?:{_words(words)})$")


_PART_WORDS = _words([part.replace(" ", r"\s+") for part in PARTS])
_PART = re.compile(rf"(?<!\w)(?P<part>{_PART_WORDS})\s+$")
_KEYWORD = re.compile(
    rf"(?<!\w)(?:(?P<end>{_words(DEADLINE_KEYWORDS)})|(?P<start>{_words(START_KEYWORDS)}))(?!\w)"
)
_BEFORE = _ending(BEFORE_KEYWORDS)
_AFTER = _ending(AFTER_KEYWORDS)
_KNOWN = _ending([*DEADLINE_KEYWORDS, *START_KEYWORDS, *BEFORE_KEYWORDS, *AFTER_KEYWORDS, *FILLERS])
_NO_CONVENTION = re.compile(rf"(?<!\w)(?:{_words(NO_CONVENTION)})(?:\s+(?:i|af))?$")
# A word that names a time, or a number: a period it is joined to by "-" or "til" is a range
# whose other end the parser could not read.
_TIME_WORD = (
    rf"\d|q[1-4]\b|(?:{_MON}|{_words(list(SEASONS))}|{_words(list(HOLIDAYS))}|vinter|kvartal"
    rf"|kvt|halvår|halvdel|uge|{_words([p.split()[0] for p in PARTS])})"
)
_OPEN_START = re.compile(
    rf"(?:-|(?<!\w)(?:{_TIME_WORD})\w*\.?\s*(?:/|,|og|eller|til(?:\s+og\s+med)?))$"
)
_OPEN_END = re.compile(rf"\s*(?:-|til(?:\s+og\s+med)?)\s*(?:{_TIME_WORD})")
_BREAK = re.compile(
    r"[.;!?](?=\s|$)|,|(?<!\w)(?:(?<!til\s)og(?!\s+(?:frem|senere|med))|men|samt)(?!\w)"
)
_RANGE_GAP = re.compile(r"\s*(?:-|til(?:\s+og\s+med)?)\s*")
_TOPIC = re.compile(rf"(?<!\w)(?:{_words(TOPIC_WORDS)})(?:en|et|s)?(?:\s+for)?\s*$")
_DASHES = str.maketrans(dict.fromkeys(DASHES, "-"))


class _Span(NamedTuple):
    pos: int
    stop: int
    bounds: Bounds | None  # None: a phrase that looks like a period but cannot be read
    is_range: bool = False
    bare_year: bool = False  # starts with a year alone, which an unknown word may qualify


def _read(text: str, handle: Handler, m: re.Match[str]) -> _Span:
    """One match as a span, widened to a part word right before it ("slutningen af 2025")."""
    read = handle(m)
    part = _PART.search(text, max(0, m.start() - 20), m.start())
    if part:
        return _Span(part.start(), m.end(), _part_of(read, PARTS[" ".join(part["part"].split())]))
    return _Span(m.start(), m.end(), read.bounds, bare_year=read.unit in ("year", "years"))


def _spans(text: str) -> list[_Span]:
    """Period expressions (leftmost-longest, non-overlapping), ranges merged."""
    found = sorted(
        (_read(text, handle, m) for rx, handle in PATTERNS for m in rx.finditer(text)),
        key=lambda s: (s.pos, s.pos - s.stop),
    )
    spans: list[_Span] = []
    for span in found:
        if spans and span.pos < spans[-1].stop:
            continue
        prev = spans[-1] if spans else None
        if prev and prev.bounds and span.bounds and _RANGE_GAP.fullmatch(text, prev.stop, span.pos):
            bounds = _span_of(prev.bounds, span.bounds)
            span = _Span(prev.pos, span.stop, bounds, True, prev.bare_year)
            spans.pop()
        spans.append(span)
    return spans


def _breaks(text: str) -> list[tuple[int, int]]:
    """Where clauses end (sentence end, comma, "og", ...), as (start, stop) offsets."""
    result = []
    for m in _BREAK.finditer(text):
        if m.group() == ".":
            word = text[: m.start()].rsplit(" ", 1)[-1]
            if (word.isdigit() and len(word) <= 2) or word in ABBREVIATIONS:
                continue
        result.append(m.span())
    return result


def _unknown_governs(before: str, joined: str, span: _Span) -> bool:
    """Whether the words right before a period qualify it in a way the parser does not know.

    ``before`` is the text since the clause or the previous period began; ``joined`` also
    reaches across a clause break ("forår og sommer 2025").
    """
    if _OPEN_START.search(joined):
        return True
    if not before:
        return False
    if _NO_CONVENTION.search(before):
        return True
    if _KNOWN.search(before):
        return False
    if before.endswith(" af") or before == "af":
        return True
    return span.bare_year


def _role(text: str, span: _Span, lo: int, hi: int) -> str:
    """Which keyword governs a span: "end", "start" or "bare"."""
    if span.is_range:
        return "bare"
    preceding = list(_KEYWORD.finditer(text, lo, span.pos))
    match = preceding[-1] if preceding else _KEYWORD.search(text, span.stop, hi)
    return (match.lastgroup or "bare") if match else "bare"


def _contribution(role: str, before: str, bounds: Bounds) -> tuple[date | None, date | None]:
    """The start and end a period gives, under its role and an adjacent "inden"/"efter"."""
    first, last = bounds
    if _BEFORE.search(before):
        return (None, first - timedelta(days=1)) if role != "start" else (None, None)
    if _AFTER.search(before):
        return (last + timedelta(days=1), None) if role != "end" else (None, None)
    return (first if role != "end" else None, last if role != "start" else None)


def parse_period(text: str) -> Period:
    """Read a Danish timeline phrase; unreadable parts contribute nothing."""
    norm = " ".join((text or "").translate(_DASHES).lower().split())
    spans = _spans(norm)
    breaks = _breaks(norm)
    starts: list[date] = []
    ends: list[date] = []
    for i, span in enumerate(spans):
        if span.bounds is None or _TOPIC.search(norm, 0, span.pos):
            continue
        clause_lo = max((stop for start, stop in breaks if start < span.pos), default=0)
        next_pos = spans[i + 1].pos if i + 1 < len(spans) else len(norm)
        clause_hi = min([start for start, _ in breaks if start >= span.stop] + [next_pos])
        prev_stop = spans[i - 1].stop if i else 0
        before = norm[max(clause_lo, prev_stop) : span.pos].strip()
        joined = norm[prev_stop : span.pos].strip()
        if _unknown_governs(before, joined, span) or _OPEN_END.match(norm, span.stop):
            continue
        start, end = _contribution(_role(norm, span, clause_lo, clause_hi), before, span.bounds)
        starts += [start] if start else []
        ends += [end] if end else []
    return Period(min(starts, default=None), max(ends, default=None))
