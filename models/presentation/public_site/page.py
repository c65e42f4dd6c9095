"""The public site's files: `index.html` (every section on one page) and `style.css`.

`render_site` is pure: the same `SiteData` always gives the same bytes, which the app's
preview shows and `publish` writes. No JavaScript, no external resources.
"""

from __future__ import annotations

from collections.abc import Sequence
from importlib import resources

from models.core.formatting import date_long_da, datetime_long_da
from models.presentation.public_site import texts as t
from models.presentation.public_site.data import SiteData
from models.presentation.public_site.markup import Html, el
from models.presentation.public_site.sections import SECTIONS, Section, SectionFunction
from models.presentation.slides import DEMO_NOTE, SLIDE_TITLES

INDEX = "index.html"
STYLESHEET = "style.css"
SiteFiles = dict[str, bytes]
"""File name → content, in the order they are written."""


def stylesheet() -> bytes:
    return resources.files(__package__).joinpath(STYLESHEET).read_bytes()


def _section(section: Section) -> Html:
    heading = f"{section.id}-titel"
    return el(
        "section",
        el("h2", section.title, id=heading),
        section.body,
        id=section.id,
        aria_labelledby=heading,
    )


def page(site: SiteData, sections: Sequence[Section]) -> Html:
    deck = site.deck
    title = SLIDE_TITLES[0]
    head = el(
        "head",
        el("meta", charset="utf-8"),
        el("meta", name="viewport", content="width=device-width, initial-scale=1"),
        el("title", t.PAGE_TITLE.format(title=title, municipality=deck.municipality)),
        el("link", rel="stylesheet", href=STYLESHEET),
    )
    header = el(
        "header",
        el(
            "div",
            el("p", deck.municipality, class_="afsender"),
            el("h1", title),
            el("p", deck.title, class_="undertitel"),
            el(
                "p",
                el("strong", t.STATUS_AS_OF.format(date=date_long_da(site.today))),
                class_="dato",
            ),
            class_="indre",
        ),
        class_="top",
    )
    nav = el(
        "nav",
        el("ul", [el("li", el("a", s.title, href=f"#{s.id}")) for s in sections]),
        aria_label=t.NAV_LABEL,
    )
    demo = el("p", el("strong", DEMO_NOTE), class_="demodata") if site.demo else None
    main = el(
        "main",
        demo,
        [_section(s) for s in sections],
        id="indhold",
        tabindex="-1",
    )
    footer = el(
        "footer",
        el(
            "div",
            el("p", t.GENERATED.format(moment=datetime_long_da(site.generated_at))),
            el("p", t.AGGREGATE_ONLY),
            class_="indre",
        ),
    )
    body = el(
        "body",
        el("a", t.SKIP_LINK, href="#indhold", class_="spring"),
        header,
        el("div", nav, main, class_="indre"),
        footer,
    )
    return Html("<!DOCTYPE html>\n" + el("html", head, body, lang="da") + "\n")


def render_site(site: SiteData, sections: Sequence[SectionFunction] = SECTIONS) -> SiteFiles:
    """The site's files for `site`: every section that has something to show, in order."""
    shown = [section for make in sections if (section := make(site)) is not None]
    return {INDEX: page(site, shown).encode("utf-8"), STYLESHEET: stylesheet()}


def preview_html(files: SiteFiles) -> str:
    """`index.html` with its stylesheet inlined, for a preview in an iframe (which cannot load
    `style.css` beside it); everything else byte for byte as published."""
    index = files[INDEX].decode("utf-8")
    link = str(el("link", rel="stylesheet", href=STYLESHEET))
    style = "<style>\n" + files[STYLESHEET].decode("utf-8") + "</style>"
    return index.replace(link, style, 1)
