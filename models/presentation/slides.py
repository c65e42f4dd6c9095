"""The slides' text content, shared by the page and the PowerPoint export."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from models.core.formatting import count_da, date_da, date_long_da, date_table_da
from models.core.small_counts import Counted, shown_count
from models.indicators.rules import with_unit
from models.presentation import family_slides
from models.presentation.aggregates import COMING_DAYS, Deck, RestorationFigures, ThemeBar
from models.restoration.wording import deadline_sentence

SLIDE_TITLES = (
    "Status på udviklings- og genopretningsplanen",
    "Baggrunden",
    "De 6 temaer",
    "5 pointer",
    "Genopretning af sager",
    "Effektmål",
    "Det sker nu",
    "I sagde – vi gjorde",
)
CONTINUED = " (fortsat)"
"""Added to the title of a slide that continues the one before it."""
DEMO_NOTE = "DEMODATA – tallene viser ikke virkelige sager."
NO_COMING = "Ingen handlinger har frist i det kommende kvartal."
NO_INDICATORS = "Ingen offentlige effektmål har endnu en aktuel måling og et gældende mål."


@dataclass(frozen=True)
class Slide:
    title: str
    lines: list[str] = field(default_factory=list)
    figures: list[tuple[str, str]] = field(default_factory=list)  # (label, value)
    chart: str | None = None  # "themes" or "restoration"
    note: str = ""  # a warning (DEMODATA)
    caption: str = ""  # where the slide's text comes from, and its date
    emphasis: str = ""  # a sentence that must stand out: where the deadline stands
    notes: str = ""  # the speaker's notes: the exact figures behind the slide, in Danish
    alt_text: str = ""  # a chart's text alternative: one Danish sentence with its figures
    headings: frozenset[int] = frozenset()  # indices of `lines` that head a group of lines


def _status_counts(bar: ThemeBar) -> str:
    """`kommende opgave 19, i gang 5, obs 0, afsluttet/implementeret 3` (exact: actions)."""
    return ", ".join(
        f"{status.value.lower()} {shown_count(count, Counted.ACTIONS)}"
        for status, count in bar.counts.items()
    )


def themes_alt_text(themes: list[ThemeBar]) -> str:
    """The status bars in one sentence, every count exact."""
    parts = [
        f"{bar.code} {bar.title}: {count_da(bar.total, 'handling', 'handlinger')}"
        f" ({_status_counts(bar)})"
        for bar in themes
    ]
    return "Søjlediagram over planens handlinger pr. tema og status. " + "; ".join(parts) + "."


def themes_notes(themes: list[ThemeBar]) -> str:
    """Per theme: its actions per status, exact."""
    lines = ["Tallene bag grafen: antal handlinger pr. tema og status (præcise tal)."]
    lines += [
        f"Tema {bar.code} – {bar.title}: {count_da(bar.total, 'handling', 'handlinger')}"
        f" i alt; {_status_counts(bar)}."
        for bar in themes
    ]
    return "\n".join(lines)


def restoration_alt_text(figures: RestorationFigures) -> str:
    """The burn-down in one sentence: its span, first and last shown value, the deadline."""
    weeks = figures.burn_down
    deadline = f"Den lodrette streg er fristen {date_long_da(figures.deadline)}."
    if not weeks:
        return f"Linjediagram over åbne manglende sagsskridt pr. uge; ingen uger endnu. {deadline}"
    highest = max((count for _, count in weeks if count is not None), default=None)
    first, last = (shown_count(weeks[i][1], Counted.PEOPLE) for i in (0, -1))
    return (
        f"Linjediagram over åbne manglende sagsskridt pr. uge fra {date_long_da(weeks[0][0])}"
        f" til {date_long_da(weeks[-1][0])}: {first} den første uge, {last} den seneste"
        + (f", højst {shown_count(highest, Counted.PEOPLE)}" if highest is not None else "")
        + f". Uger med under 5 åbne skridt er udeladt. {deadline}"
    )


def restoration_notes(figures: RestorationFigures, deadline: str) -> str:
    """The key figures, then every week of the burn-down with its date."""
    lines = [
        f"Sager i genopretning: {shown_count(figures.cases, Counted.PEOPLE)}.",
        f"Fuldt genoprettet: {shown_count(figures.restored, Counted.PEOPLE)}.",
        f"Åbne manglende sagsskridt: {shown_count(figures.open_steps, Counted.PEOPLE)}.",
        "Forventet færdig: "
        + (date_long_da(figures.projected) if figures.projected else "kan ikke beregnes endnu")
        + ".",
        deadline,
        "Tallene bag grafen: åbne manglende sagsskridt pr. uge (tal under 5 vises som "
        "»under 5« og er udeladt af grafen, da de handler om sager):",
    ]
    lines += [
        f"{date_table_da(day)}: {shown_count(count, Counted.PEOPLE)}"
        for day, count in figures.burn_down
    ]
    if figures.demo:
        lines.append(DEMO_NOTE)
    return "\n".join(lines)


def slides(deck: Deck) -> list[Slide]:
    restoration = deck.restoration
    open_steps = restoration.open_steps if restoration else None
    deadline = deadline_sentence(deck.target, deck.today, open_steps, public=True)
    figures: list[tuple[str, str]] = []
    lines: list[str] = []
    note = ""
    if restoration is None:
        lines.append("Tallene for genopretningen vises, når sagsdata er indlæst.")
    else:
        figures = [
            ("Sager i genopretning", shown_count(restoration.cases, Counted.PEOPLE)),
            ("Fuldt genoprettet", shown_count(restoration.restored, Counted.PEOPLE)),
            ("Åbne manglende sagsskridt", shown_count(restoration.open_steps, Counted.PEOPLE)),
            (
                "Forventet færdig",
                # A figure in large type: the short form keeps it on one line.
                date_da(restoration.projected) if restoration.projected else "–",
            ),
        ]
        note = DEMO_NOTE if restoration.demo else ""
    indicator_lines = [
        f"{item.name}: {with_unit(item.value_text, item.unit)} ({item.date_text})"
        f" · mål {item.target} · {item.status}"
        for item in deck.indicators
    ]
    coming = [f"Tema {code}: {text}" for code, text in deck.coming]
    milestones = [f"{date_long_da(item.day)}: {item.label}" for item in deck.milestones]
    return [
        Slide(
            SLIDE_TITLES[0],
            [deck.title, deck.municipality, date_long_da(deck.today)],
            notes=f"{deck.title}, {deck.municipality}. Status pr. {date_long_da(deck.today)}.",
        ),
        Slide(
            SLIDE_TITLES[1],
            milestones,
            note=note,
            emphasis=deadline,
            notes="\n".join(
                [f"Begivenheder frem til {date_long_da(deck.today)}:", *milestones, deadline]
            ),
        ),
        Slide(
            SLIDE_TITLES[2],
            ["Hvert tema har en række spor og handlinger."],
            chart="themes",
            notes=themes_notes(deck.themes),
            alt_text=themes_alt_text(deck.themes),
        ),
        Slide(
            SLIDE_TITLES[3],
            [f"{n}. {text}" for n, text in enumerate(deck.key_messages, start=1)],
            caption=deck.key_messages_caption,
            notes=f"{count_da(len(deck.key_messages), 'pointe', 'pointer')}."
            + (f" {deck.key_messages_caption}." if deck.key_messages_caption else ""),
        ),
        Slide(
            SLIDE_TITLES[4],
            lines,
            figures,
            chart="restoration" if restoration else None,
            note=note,
            emphasis=deadline,
            notes=restoration_notes(restoration, deadline) if restoration else deadline,
            alt_text=restoration_alt_text(restoration) if restoration else "",
        ),
        Slide(
            SLIDE_TITLES[5],
            indicator_lines or [NO_INDICATORS],
            notes="\n".join(
                [
                    f"{item.name}: {with_unit(item.value_text, item.unit)}, målt"
                    f" {item.date_text}; mål {item.target}; vurdering: {item.status}."
                    for item in deck.indicators
                ]
                or [NO_INDICATORS]
            ),
        ),
        Slide(
            SLIDE_TITLES[6],
            coming or [NO_COMING],
            notes=f"{count_da(len(coming), 'handling', 'handlinger')} med frist senest"
            f" {date_long_da(deck.today + dt.timedelta(days=COMING_DAYS))} (de næste"
            f" {COMING_DAYS} dage), endnu ikke afsluttet.",
        ),
        *_family(deck),
    ]


def _family(deck: Deck) -> list[Slide]:
    """*I sagde – vi gjorde*, on as many slides as its text needs on the projector; the
    slides after the first are titled "… (fortsat)"."""
    caption = family_slides.caption(deck.families)
    notes = family_slides.notes(deck.families)
    return [
        Slide(
            SLIDE_TITLES[7] + (CONTINUED if number else ""),
            page.lines,
            caption=caption,
            notes=notes,
            headings=page.headings,
        )
        for number, page in enumerate(family_slides.pages(deck.families))
    ]
