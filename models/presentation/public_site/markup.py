"""A small HTML builder that escapes every text: the public site is written with it only.

`el("p", "A & B", class_="x")` gives `<p class="x">A &amp; B</p>`. Text children and attribute
values are always escaped; only `Html` (what `el` and `join` return, or a vetted SVG) is kept
as it is, so no text from the database can become markup.
"""

from __future__ import annotations

import html
from collections.abc import Iterable

VOID = frozenset({"meta", "link", "br", "hr", "img", "col"})


class Html(str):
    """Markup that is already safe: never escaped again."""

    __slots__ = ()


def esc(text: object) -> Html:
    """`text` as HTML text: `<`, `>`, `&` and quotes escaped."""
    return Html(html.escape(str(text), quote=True))


def join(children: Iterable[object]) -> Html:
    """The children one after the other: `Html` as it is, None skipped, lists flattened, any
    other value escaped as text."""
    parts: list[str] = []
    for child in children:
        if child is None or child is False:
            continue
        if isinstance(child, Html):
            parts.append(child)
        elif isinstance(child, str | int | float):
            parts.append(esc(child))
        else:
            parts.append(join(child))  # type: ignore[arg-type]
    return Html("".join(parts))


def _attribute(name: str, value: object) -> str:
    name = name.rstrip("_").replace("_", "-")
    if value is True:
        return f" {name}"
    return f' {name}="{esc(value)}"'


def el(tag: str, *children: object, **attributes: object) -> Html:
    """One element. `class_` → `class`, `aria_label` → `aria-label`; True gives a bare
    attribute, None or False leaves it out."""
    attrs = "".join(
        _attribute(name, value)
        for name, value in attributes.items()
        if value is not None and value is not False
    )
    if tag in VOID:
        return Html(f"<{tag}{attrs}>")
    return Html(f"<{tag}{attrs}>{join(children)}</{tag}>")
