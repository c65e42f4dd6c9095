"""Finds text that looks like a Danish CPR number, which must never be stored here.

A CPR number is DDMMYY-SSSS: six digits that form a valid date, an optional hyphen or space,
and four digits. The modulus-11 check is deliberately not used (numbers issued since 2007
need not pass it), so anything of that shape counts.
"""

from __future__ import annotations

import calendar
import functools
import inspect
import re
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

_CPR_SHAPE = re.compile(r"(?<!\d)(\d{2})(\d{2})(\d{2})[- ]?\d{4}(?!\d)")

Func = TypeVar("Func", bound=Callable[..., Any])
# Control characters other than tab, line feed and carriage return.
CONTROL_CHARACTER = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
CONTROL_MESSAGE = "Teksten indeholder et kontroltegn (fx NUL), som ikke kan gemmes; fjern det."

CPR_MESSAGE = (
    "Teksten ser ud til at indeholde et CPR-nummer (seks cifre, der er en dato, og fire cifre). "
    "CPR-numre må ikke gemmes i dashboardet; fjern det og prøv igen."
)


def _is_date(day: int, month: int, two_digit_year: int) -> bool:
    if not 1 <= month <= 12 or day < 1:
        return False
    # The century is unknown: a day that exists in 19YY or 20YY counts.
    longest = max(
        calendar.monthrange(century + two_digit_year, month)[1] for century in (1900, 2000)
    )
    return day <= longest


def contains_cpr(text: str | None) -> bool:
    """True when `text` holds something shaped like a CPR number."""
    if not text:
        return False
    return any(
        _is_date(int(day), int(month), int(year)) for day, month, year in _CPR_SHAPE.findall(text)
    )


def unsafe_text(text: str) -> str | None:
    """Why `text` may not be stored (a CPR-like number, a control character), else None."""
    if contains_cpr(text):
        return CPR_MESSAGE
    if CONTROL_CHARACTER.search(text):
        return CONTROL_MESSAGE
    return None


def texts_in(value: Any) -> Iterator[str]:
    """Every text in an argument: a string, or the strings in a list, tuple, set or dict."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, list | tuple | set | frozenset):
        for item in value:
            yield from texts_in(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from texts_in(item)


def guards_texts(
    error: type[Exception] = ValueError, *, checked_inside: tuple[str, ...] = ()
) -> Callable[[Func], Func]:
    """Decorate a write function: a call whose text arguments hold something CPR-shaped, or a
    control character (NUL and friends, which PostgreSQL cannot store), is refused with
    `error(...)` in Danish before anything runs (passwords are never looked at).

    The one validator every write function shares, so a new text argument is covered too.
    `checked_inside` names arguments the function checks itself with `contains_cpr`, to say
    where (e.g. which of the 5 key messages).
    """

    def decorate(function: Func) -> Func:
        signature = inspect.signature(function)

        @functools.wraps(function)
        def checked(*args: Any, **kwargs: Any) -> Any:
            for name, value in signature.bind_partial(*args, **kwargs).arguments.items():
                if "password" in name or name in checked_inside:
                    continue
                for text in texts_in(value):
                    if problem := unsafe_text(text):
                        raise error(problem)
            return function(*args, **kwargs)

        return checked  # type: ignore[return-value]

    return decorate
