"""The slides' text content, shared by the page and the PowerPoint export."""

from __future__ import annotations

from dataclasses import dataclass, field

from models.core.formatting import date_da, date_long_da
from models.core.small_counts import shown_count
from models.indicators.rules import with_unit
from models.presentation.aggregates import Deck
from models.restoration.wording import deadline_sentence

SLIDE_TITLES = (
    "Status på udviklings- og genopretningsplanen",
    "Baggrunden",
    "De 6 temaer",
    "5 pointer",
    "Genopretning af sager",
    "Effektmål",
    "Det sker nu",
)
DEMO_NOTE = "DEMODATA – tallene viser ikke virkelige sager."
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
            ("Sager i genopretning", shown_count(restoration.cases)),
            ("Fuldt genoprettet", shown_count(restoration.restored)),
            ("Åbne manglende sagsskridt", shown_count(restoration.open_steps)),
            (
                "Forventet færdig",
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
    return [
        Slide(SLIDE_TITLES[0], [deck.title, deck.municipality, date_long_da(deck.today)]),
        Slide(
            SLIDE_TITLES[1],
            [f"{date_da(item.day)}: {item.label}" for item in deck.milestones],
            note=note,
            emphasis=deadline,
        ),
        Slide(SLIDE_TITLES[2], ["Hvert tema har en række spor og handlinger."], chart="themes"),
        Slide(
            SLIDE_TITLES[3],
            [f"{n}. {text}" for n, text in enumerate(deck.key_messages, start=1)],
            caption=deck.key_messages_caption,
        ),
        Slide(
            SLIDE_TITLES[4],
            lines,
            figures,
            chart="restoration" if restoration else None,
            note=note,
            emphasis=deadline,
        ),
        Slide(SLIDE_TITLES[5], indicator_lines or [NO_INDICATORS]),
        Slide(
            SLIDE_TITLES[6],
            coming or ["Ingen handlinger har frist i det kommende kvartal."],
        ),
    ]
