"""The citizen-meeting presentation's only data source: aggregates, safe by construction.

Every function here selects explicit aggregate columns: no case reference, note, responsible
person, user name or audit row is ever read, so none can reach a slide. Only indicators marked
public appear, and only those with a current measurement (not stale at today) judged against a
current target (valid at today, and the measurement not from before it): a superseded
strategy's goal, a target not yet in force or a figure from years ago is never shown to citizens
as if it described today.

Small numbers follow the one rule of `models.core.small_counts`: what is counted decides.

- Actions (`ThemeBar`, `status_totals`) are counted exactly: they are the municipality's own
  work, about no one, and the plan is public. 3 actions are "3", totals are exact sums.
- Counts about people (the restoration figures: cases, their open missing steps, week by week;
  the head counts of the meetings families gave input at) keep 1–4 suppressed:
  `suppress(..., Counted.PEOPLE)` turns such a count into None here, before
  it reaches a slide, a chart or the PowerPoint, and it is shown as "under 5".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import sqlalchemy as sa
import yaml
from sqlmodel import Session, select

from models.core.deadlines import DeadlineTarget
from models.core.formatting import number_da
from models.core.settings import content_path
from models.core.small_counts import Counted, suppress
from models.indicators.rules import (
    EVALUATED,
    DatePrecision,
    Frequency,
    date_label,
    evaluate_at,
    is_stale,
    value_label,
)
from models.indicators.tables import Indicator, Measurement
from models.plan.decisions import restoration_target
from models.plan.kinds import ActionKind
from models.plan.status import STATUS_ORDER, Status
from models.plan.tables import Action, Plan, Theme, Track
from models.presentation.family_loop import FamilyLoop, said_and_done
from models.reports.snapshots import (
    DEFAULT_DEADLINE,
    KeyMessage,
    key_messages_origin,
    presented_reports,
)
from models.restoration.metrics import StepSpan, burn_down, headline
from models.restoration.tables import MissingStep, RestorationCase

MILESTONES_PATH = content_path("milestones.yaml")
COMING_DAYS = 92  # "the coming quarter": actions due within this many days


@dataclass(frozen=True)
class Milestone:
    day: dt.date
    label: str


@dataclass(frozen=True)
class ThemeBar:
    """A theme's exact number of actions per status (actions are never suppressed)."""

    code: str
    title: str
    counts: dict[Status, int]

    def __post_init__(self) -> None:
        if any(count is None or count < 0 for count in self.counts.values()):
            raise ValueError("A ThemeBar holds exact counts of actions (0 or more).")

    @classmethod
    def of(cls, code: str, title: str, counts: Mapping[Status, int]) -> ThemeBar:
        """The bar of exact counts, every status present (0 where it has no actions)."""
        return cls(
            code,
            title,
            {s: int(counts.get(s, 0)) for s in STATUS_ORDER},
        )

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def status_totals(bars: Sequence[ThemeBar]) -> list[tuple[Status, str]]:
    """Each status's number of actions over all themes: the exact sum, as Danish text."""
    return [
        (status, number_da(sum(bar.counts.get(status, 0) for bar in bars)))
        for status in STATUS_ORDER
    ]


@dataclass(frozen=True)
class RestorationFigures:
    cases: int
    restored: int
    open_steps: int
    projected: dt.date | None
    burn_down: list[tuple[dt.date, int | None]]  # None where the count is under 5
    deadline: dt.date
    demo: bool  # the figures come from synthetic demo cases


@dataclass(frozen=True)
class PublicIndicator:
    """A public indicator with a current measurement and a current target."""

    name: str
    unit: str
    value: float
    measured_on: dt.date  # the last day the date can mean
    status: str
    target: str
    value_text: str  # "1.023", "ca. 55"
    date_text: str  # as precise as the source: "31. dec. 2025", "2025", "ca. 2019"


@dataclass(frozen=True)
class Deck:
    municipality: str
    title: str
    today: dt.date
    milestones: list[Milestone]
    target: DeadlineTarget  # the restoration deadline: the plan's, and a decision's
    themes: list[ThemeBar]
    key_messages: list[str]
    key_messages_caption: str  # their date and source
    restoration: RestorationFigures | None
    indicators: list[PublicIndicator]
    coming: list[tuple[str, str]]  # (theme code, action text) due in the coming quarter
    families: FamilyLoop = field(default_factory=FamilyLoop)
    """What families raised and what was done ("I sagde – vi gjorde", see `family_loop`)."""


PRESENTED_LABEL = "Status til Børn & Læringsudvalget"


def _milestones(session: Session, today: dt.date) -> list[Milestone]:
    """`data/milestones.yaml`, plus the status reports an editor marked as presented to the
    committee (by meeting date; a date the file already has is not repeated). Events only:
    the restoration deadline is a deadline, not an event, and is spoken of on its own."""
    items = [
        Milestone(raw["date"], raw["label"])
        for raw in yaml.safe_load(MILESTONES_PATH.read_text(encoding="utf-8"))
    ]
    known = {item.day for item in items}
    for day, _name in presented_reports(session):
        if day not in known:
            items.append(Milestone(day, PRESENTED_LABEL))
            known.add(day)
    return sorted((item for item in items if item.day <= today), key=lambda item: item.day)


def _themes(session: Session) -> list[ThemeBar]:
    rows = session.exec(
        select(Theme.code, Theme.title, Action.status, sa.func.count(Action.id))
        .join(Track, Track.theme_id == Theme.id)
        .join(Action, Action.track_id == Track.id)
        .group_by(Theme.code, Theme.title, Theme.position, Action.status)
        .order_by(Theme.position)
    ).all()
    titles: dict[str, str] = {}
    counts: dict[str, dict[Status, int]] = {}
    for code, title, status, count in rows:
        titles[code] = title
        counts.setdefault(code, {})[Status(status)] = int(count)
    return [ThemeBar.of(code, titles[code], counts[code]) for code in titles]


def _restoration(session: Session, today: dt.date, deadline: dt.date) -> RestorationFigures | None:
    cases = session.exec(
        select(RestorationCase.id, RestorationCase.reviewed_on, RestorationCase.restored_on).where(
            RestorationCase.track_code == "A.1"
        )
    ).all()
    demo = session.exec(
        select(sa.func.count(RestorationCase.id)).where(RestorationCase.is_demo == sa.true())
    ).one()
    if not cases:
        return None
    reviewed = {case_id: reviewed_on for case_id, reviewed_on, _ in cases}
    spans = [
        StepSpan(reviewed.get(case_id) or today, done_on)
        for case_id, done_on in session.exec(select(MissingStep.case_id, MissingStep.done_on))
        if case_id in reviewed
    ]
    head = headline(spans, today, deadline)
    start = min((span.opened for span in spans), default=today)
    series = [
        (day, suppress(count, Counted.PEOPLE)) for day, count in burn_down(spans, start, today)
    ]
    return RestorationFigures(
        cases=len(cases),
        restored=sum(1 for _, _, restored_on in cases if restored_on and restored_on <= today),
        open_steps=head.open_steps,
        projected=head.projected,
        burn_down=series,
        deadline=deadline,
        demo=bool(demo),
    )


def _indicators(session: Session, today: dt.date) -> list[PublicIndicator]:
    """Public indicators whose latest measurement is current at `today` and is judged against a
    target that is current at `today`; the others are left out."""
    result = []
    for indicator in session.exec(
        select(Indicator).where(Indicator.public == sa.true()).order_by(Indicator.id)
    ):
        target = indicator.target
        latest = session.exec(
            select(
                Measurement.measured_on,
                Measurement.value,
                Measurement.date_precision,
                Measurement.value_approximate,
            )
            .where(Measurement.indicator_id == indicator.id)
            .order_by(Measurement.measured_on.desc())  # type: ignore[attr-defined]
        ).first()
        if latest is None or target is None:
            continue
        measured_on, value, precision, approximate = latest
        precision = DatePrecision(precision)
        if is_stale(measured_on, Frequency(indicator.frequency), today, precision):
            continue
        status = evaluate_at(value, target, today, measured_on)
        if status not in EVALUATED:  # no current target, or a measurement from before it
            continue
        result.append(
            PublicIndicator(
                name=indicator.name,
                unit=indicator.unit,
                value=value,
                measured_on=measured_on,
                status=status.value,
                target=target.describe(indicator.unit),
                value_text=value_label(value, approximate),
                date_text=date_label(measured_on, precision),
            )
        )
    return result


def _coming(session: Session, today: dt.date) -> list[tuple[str, str]]:
    horizon = today + dt.timedelta(days=COMING_DAYS)
    deadline = sa.func.coalesce(Action.revised_end_date, Action.end_date)
    rows = session.exec(
        select(Theme.code, Action.text)
        .join(Track, Track.theme_id == Theme.id)
        .join(Action, Action.track_id == Track.id)
        .where(
            Action.kind == ActionKind.deadline,
            deadline >= today,
            deadline <= horizon,
            Action.status != Status.done,
        )
        .order_by(deadline, Action.code)
    ).all()
    return [(code, text) for code, text in rows]


def build_deck(session: Session, *, today: dt.date) -> Deck:
    """Everything the citizen-meeting slides show, and nothing else."""
    plan = session.exec(select(Plan.municipality, Plan.title)).first()
    municipality, title = plan or ("", "")
    target = restoration_target(session) or DeadlineTarget(DEFAULT_DEADLINE, DEFAULT_DEADLINE)
    messages = list(session.exec(select(KeyMessage.text).order_by(KeyMessage.position)))
    return Deck(
        municipality=municipality,
        title=title,
        today=today,
        milestones=_milestones(session, today),
        target=target,
        themes=_themes(session),
        key_messages=messages,
        key_messages_caption=key_messages_origin(session).caption,
        restoration=_restoration(session, today, target.current),
        indicators=_indicators(session, today),
        coming=_coming(session, today),
        families=said_and_done(session),
    )
