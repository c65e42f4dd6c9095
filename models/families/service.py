"""Writing families' input: meetings and input items, each write one function.

Every write takes the acting user and re-checks the role (`authorize`, editors and admins),
refuses CPR-like text and control characters (`guards_texts`) and text that names a person or
points at a case (`privacy`), checks the version the editor started from (no silent
overwrite: `FamilyConflict`, in Danish) and writes one `family_change` row per changed field.
Everything runs in the caller's transaction; a refusal raises before anything is written.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Sequence
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, select

from models.auth.users import EDIT_PLAN, Actor, authorize
from models.core.applog import log_event
from models.core.cpr import guards_texts
from models.core.errors import DomainError
from models.core.formatting import datetime_long_da
from models.core.revisions import Area, bump
from models.core.time import today_local, utcnow
from models.families.panel import PanelConfig, panel_config
from models.families.privacy import personal_data_problem, reference_candidates
from models.families.tables import (
    MAX_NOTE,
    MAX_PEOPLE,
    MAX_QUESTION,
    MAX_QUESTIONS,
    MAX_RESPONSE,
    MAX_TEXT,
    MAX_TITLE,
    FamilyChange,
    FamilyInput,
    FamilyInputLink,
    FamilyMeeting,
    MeetingKind,
    ResponseStatus,
)
from models.plan.tables import Action, Track
from models.restoration.tables import RestorationCase

MEETING_FIELDS = ("held_on", "kind", "title", "participants", "registered", "questions")
INPUT_FIELDS = (
    "text",
    "theme",
    "question",
    "status",
    "response",
    "internal_note",
    "actions",
    "tracks",
)
FIELD_LABELS = {
    "held_on": "Dato",
    "kind": "Mødetype",
    "title": "Titel",
    "participants": "Deltagere",
    "registered": "Tilmeldte",
    "questions": "Spørgsmål ved bordene",
    "text": "Input",
    "theme": "Tema",
    "question": "Spørgsmål",
    "status": "Svarstatus",
    "response": "Svar",
    "internal_note": "Intern bemærkning",
    "actions": "Handlinger",
    "tracks": "Spor",
}
RESPONSE_NEEDED = "Svarstatus «Ikke muligt – begrundet» kræver et svar, der begrunder det."
LINK_NEEDED = (
    "Svarstatus «Besvaret med handling» kræver mindst én handling eller ét spor, der svarer på "
    "inputtet."
)


class FamilyInputError(DomainError):
    """Input from families that cannot be saved; the message says why in Danish."""


class FamilyConflict(FamilyInputError):
    """Someone else saved the meeting or item after the editor loaded it; nothing was saved."""


# --- reading and cleaning values ---------------------------------------------------------


def _text(value: Any) -> str:
    return "" if value is None else str(value).strip()


def _limited(field: str, value: Any, limit: int, *, required: bool = False) -> str:
    text = _text(value)
    if required and not text:
        raise FamilyInputError(f"{FIELD_LABELS[field]} må ikke være tom.")
    if len(text) > limit:
        raise FamilyInputError(
            f"{FIELD_LABELS[field]} må højst være {limit} tegn (den er {len(text)})."
        )
    return text


def _count(field: str, value: Any) -> int | None:
    """A number of people: empty, or a whole number 0 … MAX_PEOPLE."""
    if value is None or _text(value) == "":
        return None
    try:
        number = int(str(value).strip().replace(".", ""))
    except ValueError:
        raise FamilyInputError(f"{FIELD_LABELS[field]} skal være et helt tal.") from None
    if not 0 <= number <= MAX_PEOPLE:
        raise FamilyInputError(f"{FIELD_LABELS[field]} skal være mellem 0 og {MAX_PEOPLE}.")
    return number


def known_references(session: Session, texts: Iterable[str]) -> set[str]:
    """The stored case references that occur as words in `texts` (looked up exactly)."""
    candidates = {word.casefold() for text in texts for word in reference_candidates(text)}
    if not candidates:
        return set()
    rows = session.exec(
        select(RestorationCase.reference).where(
            sa.func.lower(RestorationCase.reference).in_(sorted(candidates))
        )
    )
    return set(rows)


def check_personal_data(session: Session, texts: dict[str, str]) -> None:
    """Refuse a text (by field) that names a person or points at a case."""
    references = known_references(session, texts.values())
    for field, text in texts.items():
        problem = personal_data_problem(text, references)
        if problem:
            raise FamilyInputError(f"{FIELD_LABELS[field]} {problem}")


def _kind(value: Any) -> MeetingKind:
    try:
        return MeetingKind(_text(value))
    except ValueError:
        allowed = " eller ".join(f"«{kind.value}»" for kind in MeetingKind)
        raise FamilyInputError(f"Mødetypen skal være {allowed}.") from None


def parse_response_status(value: Any) -> ResponseStatus:
    """The response status for a Danish label (any case; empty: Modtaget)."""
    text = " ".join(_text(value).replace(" - ", " – ").split())
    if not text:
        return ResponseStatus.received
    for status in ResponseStatus:
        if text.casefold() == status.value.casefold():
            return status
    allowed = ", ".join(f"«{status.value}»" for status in ResponseStatus)
    raise FamilyInputError(f"Ukendt svarstatus «{value}» (tilladt: {allowed}).")


def _questions(value: Any) -> list[str]:
    texts = [_text(question) for question in (value or []) if _text(question)]
    if len(texts) > MAX_QUESTIONS:
        raise FamilyInputError(f"Et møde kan højst have {MAX_QUESTIONS} spørgsmål.")
    for text in texts:
        _limited("questions", text, MAX_QUESTION)
    return texts


def _held_on(value: Any, today: dt.date) -> dt.date:
    if isinstance(value, dt.datetime):
        value = value.date()
    if not isinstance(value, dt.date):
        raise FamilyInputError("Mødet skal have en dato.")
    if value > today:
        raise FamilyInputError(
            f"Mødedatoen {value:%d-%m-%Y} ligger i fremtiden: input registreres efter mødet."
        )
    return value


def clean_meeting_values(
    session: Session, values: dict[str, Any], today: dt.date
) -> dict[str, Any]:
    """Check and clean a meeting's new values; raise FamilyInputError in Danish."""
    unknown = set(values) - set(MEETING_FIELDS)
    if unknown:
        raise FamilyInputError(f"Felterne {', '.join(sorted(unknown))} kan ikke redigeres.")
    clean: dict[str, Any] = {}
    for field, value in values.items():
        if field == "held_on":
            clean[field] = _held_on(value, today)
        elif field == "kind":
            clean[field] = _kind(value)
        elif field == "title":
            clean[field] = _limited(field, value, MAX_TITLE)
        elif field in ("participants", "registered"):
            clean[field] = _count(field, value)
        else:
            clean[field] = _questions(value)
    check_personal_data(session, {"title": clean.get("title", "")})
    for question in clean.get("questions", []):
        check_personal_data(session, {"questions": question})
    return clean


def _codes(values: Any) -> list[str]:
    """Codes from a list, or from text separated by commas, semicolons or spaces."""
    if values is None:
        return []
    if isinstance(values, str):
        values = values.replace(";", ",").replace(" ", ",").split(",")
    return sorted({_text(code).upper() for code in values if _text(code)})


def _plan_ids(session: Session, model: type[Action] | type[Track], codes: list[str]) -> dict:
    if not codes:
        return {}
    rows = session.exec(select(model.code, model.id).where(model.code.in_(codes)))  # type: ignore[attr-defined]
    found = dict(rows.all())
    missing = [code for code in codes if code not in found]
    if missing:
        what = "handling" if model is Action else "spor"
        raise FamilyInputError(f"Planen har ingen {what} {', '.join(missing)}.")
    return found


def _question(value: Any, meeting: FamilyMeeting) -> int | None:
    text = _text(value)
    if not text:
        return None
    try:
        number = int(text.rstrip("."))
    except ValueError:
        number = next(
            (n for n, q in enumerate(meeting.questions, 1) if q.casefold() == text.casefold()), 0
        )
    if not 1 <= number <= len(meeting.questions):
        if not meeting.questions:
            raise FamilyInputError("Mødet har ingen spørgsmål at henvise til.")
        raise FamilyInputError(
            f"Spørgsmål «{text}» findes ikke på mødet (vælg 1–{len(meeting.questions)})."
        )
    return number


def clean_input_values(
    session: Session,
    meeting: FamilyMeeting,
    values: dict[str, Any],
    config: PanelConfig | None = None,
) -> dict[str, Any]:
    """Check and clean an input item's new values; raise FamilyInputError in Danish."""
    unknown = set(values) - set(INPUT_FIELDS)
    if unknown:
        raise FamilyInputError(f"Felterne {', '.join(sorted(unknown))} kan ikke redigeres.")
    config = config or panel_config()
    clean: dict[str, Any] = {}
    for field, value in values.items():
        if field == "text":
            clean[field] = " ".join(_limited(field, value, MAX_TEXT, required=True).split())
        elif field == "theme":
            try:
                clean[field] = config.theme_key(_text(value))
            except ValueError as error:
                reason = str(error)
                raise FamilyInputError(f"{reason[:1].upper()}{reason[1:]}.") from None
        elif field == "question":
            clean[field] = _question(value, meeting)
        elif field == "status":
            clean[field] = parse_response_status(value)
        elif field == "response":
            clean[field] = _limited(field, value, MAX_RESPONSE)
        elif field == "internal_note":
            clean[field] = _limited(field, value, MAX_NOTE)
        else:
            codes = _codes(value)
            _plan_ids(session, Action if field == "actions" else Track, codes)
            clean[field] = tuple(codes)
    check_personal_data(
        session,
        {name: clean[name] for name in ("text", "response", "internal_note") if name in clean},
    )
    return clean


def check_response(state: dict[str, Any]) -> None:
    """The response status's own rules, on the item as it would be saved."""
    if state["status"] == ResponseStatus.not_possible and not state["response"]:
        raise FamilyInputError(RESPONSE_NEEDED)
    if state["status"] == ResponseStatus.answered and not (state["actions"] or state["tracks"]):
        raise FamilyInputError(LINK_NEEDED)


# --- the audit --------------------------------------------------------------------------


def audit_text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return "; ".join(str(item) for item in value)
    return str(value)


def _audit(
    session: Session,
    actor: Actor,
    meeting_id: int,
    input_id: int | None,
    changes: dict[str, tuple[Any, Any]],
    now: dt.datetime,
) -> None:
    for field, (old, new) in changes.items():
        session.add(
            FamilyChange(
                meeting_id=meeting_id,
                input_id=input_id,
                changed_at=now,
                username=actor.username,
                field=field,
                old_value=audit_text(old),
                new_value=audit_text(new),
            )
        )


def _written(session: Session, actor: Actor, what: str, count: int) -> None:
    """Every instance's caches (the deck, the theme pages) read the change on their next load."""
    bump(session, Area.families)
    log_event("family_input", user=actor.username, role=actor.role.value, kind=what, count=count)


def _conflict(kind: str, row: FamilyMeeting | FamilyInput) -> FamilyConflict:
    who = row.updated_by or row.created_by
    when = datetime_long_da(row.updated_at or row.created_at)
    return FamilyConflict(
        f"{kind} er ændret af {who} {when}, efter du hentede det; dine ændringer er ikke "
        "gemt. Siden viser nu det gemte: vurdér, om din ændring stadig skal med, og gem igen."
    )


def _locked(session: Session, model: type, row_id: int) -> Any:
    """The row read fresh from the database and locked (PostgreSQL) for this transaction."""
    return session.exec(
        select(model)
        .where(model.id == row_id)  # type: ignore[attr-defined]
        .with_for_update()
        .execution_options(populate_existing=True)
    ).first()


# --- meetings ---------------------------------------------------------------------------


def _meeting_state(meeting: FamilyMeeting) -> dict[str, Any]:
    return {field: getattr(meeting, field) for field in MEETING_FIELDS}


@guards_texts(FamilyInputError)
def create_meeting(
    session: Session,
    *,
    actor: Actor,
    held_on: dt.date,
    kind: MeetingKind | str,
    title: str = "",
    participants: int | str | None = None,
    registered: int | str | None = None,
    questions: Sequence[str] = (),
    today: dt.date | None = None,
) -> FamilyMeeting:
    """Record a family-panel meeting or a citizen meeting (editors and admins)."""
    authorize(session, actor, EDIT_PLAN)
    values = clean_meeting_values(
        session,
        {
            "held_on": held_on,
            "kind": kind,
            "title": title,
            "participants": participants,
            "registered": registered,
            "questions": list(questions),
        },
        today or today_local(),
    )
    now = utcnow()
    meeting = FamilyMeeting(**values, created_at=now, created_by=actor.username)
    session.add(meeting)
    session.flush()
    set_values = {f: (None, v) for f, v in values.items() if v not in (None, "", [])}
    _audit(session, actor, meeting.id or 0, None, set_values, now)
    _written(session, actor, "meeting", 1)
    return meeting


@guards_texts(FamilyInputError)
def update_meeting(
    session: Session,
    *,
    actor: Actor,
    meeting_id: int,
    base_version: int,
    values: dict[str, Any],
    today: dt.date | None = None,
) -> FamilyMeeting:
    """Change a meeting's fields (those in `values`); refused if it changed since
    `base_version`. A question that an item refers to cannot be removed."""
    authorize(session, actor, EDIT_PLAN)
    meeting = _locked(session, FamilyMeeting, meeting_id)
    if meeting is None:
        raise FamilyInputError("Mødet findes ikke.")
    clean = clean_meeting_values(session, values, today or today_local())
    if meeting.version != base_version:
        raise _conflict("Mødet", meeting)
    current = _meeting_state(meeting)
    changes = {f: (current[f], v) for f, v in clean.items() if current[f] != v}
    if not changes:
        return meeting
    if "questions" in changes:
        highest = session.exec(
            select(sa.func.max(FamilyInput.question)).where(FamilyInput.meeting_id == meeting_id)
        ).one()
        if highest and highest > len(clean["questions"]):
            raise FamilyInputError(f"Spørgsmål {highest} kan ikke fjernes: et input svarer på det.")
    now = utcnow()
    for field, (_old, new) in changes.items():
        setattr(meeting, field, new)
    meeting.version += 1
    meeting.updated_at, meeting.updated_by = now, actor.username
    session.add(meeting)
    _audit(session, actor, meeting.id or 0, None, changes, now)
    session.flush()
    _written(session, actor, "meeting", 1)
    return meeting


# --- input items ------------------------------------------------------------------------


def input_links(session: Session, input_id: int) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """An item's linked action codes and track codes, sorted."""
    actions = session.exec(
        select(Action.code)
        .join(FamilyInputLink, FamilyInputLink.action_id == Action.id)
        .where(FamilyInputLink.input_id == input_id)
        .order_by(Action.code)
    ).all()
    tracks = session.exec(
        select(Track.code)
        .join(FamilyInputLink, FamilyInputLink.track_id == Track.id)
        .where(FamilyInputLink.input_id == input_id)
        .order_by(Track.code)
    ).all()
    return tuple(actions), tuple(tracks)


def _input_state(session: Session, item: FamilyInput) -> dict[str, Any]:
    state = {field: getattr(item, field) for field in INPUT_FIELDS[:6]}
    state["actions"], state["tracks"] = input_links(session, item.id or 0)
    return state


def _set_links(session: Session, item_id: int, field: str, codes: tuple[str, ...]) -> None:
    column = FamilyInputLink.action_id if field == "actions" else FamilyInputLink.track_id
    session.exec(  # type: ignore[call-overload]
        sa.delete(FamilyInputLink).where(
            FamilyInputLink.input_id == item_id,
            column.is_not(None),  # type: ignore[union-attr]
        )
    )
    ids = _plan_ids(session, Action if field == "actions" else Track, list(codes))
    for code in codes:
        key = "action_id" if field == "actions" else "track_id"
        session.add(FamilyInputLink(input_id=item_id, **{key: ids[code]}))


def _meeting(session: Session, meeting_id: int) -> FamilyMeeting:
    meeting = session.get(FamilyMeeting, meeting_id)
    if meeting is None:
        raise FamilyInputError("Mødet findes ikke.")
    return meeting


def _new_state(clean: dict[str, Any]) -> dict[str, Any]:
    """A new item's values: the defaults, then `clean`; its response rules checked."""
    state = {
        "theme": None,
        "question": None,
        "status": ResponseStatus.received,
        "response": "",
        "internal_note": "",
        "actions": (),
        "tracks": (),
        **clean,
    }
    check_response(state)
    return state


def _insert_input(
    session: Session,
    actor: Actor,
    meeting: FamilyMeeting,
    state: dict[str, Any],
    now: dt.datetime,
    position: int,
) -> FamilyInput:
    item = FamilyInput(
        meeting_id=meeting.id or 0,
        position=position,
        created_at=now,
        created_by=actor.username,
        **{field: state[field] for field in INPUT_FIELDS[:6]},
    )
    session.add(item)
    session.flush()
    for field in ("actions", "tracks"):
        if state[field]:
            _set_links(session, item.id or 0, field, state[field])
    changes = {f: (None, v) for f, v in state.items() if v not in (None, "", ())}
    _audit(session, actor, meeting.id or 0, item.id, changes, now)
    return item


def _next_position(session: Session, meeting_id: int) -> int:
    highest = session.exec(
        select(sa.func.max(FamilyInput.position)).where(FamilyInput.meeting_id == meeting_id)
    ).one()
    return int(highest or 0) + 1


@guards_texts(FamilyInputError)
def add_input(
    session: Session,
    *,
    actor: Actor,
    meeting_id: int,
    text: str,
    theme: str | None = None,
    question: int | str | None = None,
    status: ResponseStatus | str = ResponseStatus.received,
    response: str = "",
    internal_note: str = "",
    actions: Sequence[str] = (),
    tracks: Sequence[str] = (),
) -> FamilyInput:
    """Add an input item to a meeting (editors and admins), with its first links."""
    authorize(session, actor, EDIT_PLAN)
    meeting = _meeting(session, meeting_id)
    clean = clean_input_values(
        session,
        meeting,
        {
            "text": text,
            "theme": theme,
            "question": question,
            "status": status,
            "response": response,
            "internal_note": internal_note,
            "actions": list(actions),
            "tracks": list(tracks),
        },
    )
    item = _insert_input(
        session, actor, meeting, _new_state(clean), utcnow(), _next_position(session, meeting_id)
    )
    _written(session, actor, "input", 1)
    return item


@guards_texts(FamilyInputError)
def add_inputs(
    session: Session, *, actor: Actor, meeting_id: int, rows: list[dict[str, Any]]
) -> int:
    """Add several items to a meeting at once (the import): every row is checked before the
    first is written, so a refusal writes nothing."""
    authorize(session, actor, EDIT_PLAN)
    meeting = _meeting(session, meeting_id)
    states = [_new_state(clean_input_values(session, meeting, row)) for row in rows]
    now = utcnow()
    position = _next_position(session, meeting_id)
    for offset, state in enumerate(states):
        _insert_input(session, actor, meeting, state, now, position + offset)
    _written(session, actor, "import", len(rows))
    return len(rows)


@guards_texts(FamilyInputError)
def update_input(
    session: Session,
    *,
    actor: Actor,
    input_id: int,
    base_version: int,
    values: dict[str, Any],
) -> FamilyInput:
    """Change an input item's fields and links (those in `values`): one audit row per
    changed field; refused if it changed since `base_version`."""
    authorize(session, actor, EDIT_PLAN)
    item = _locked(session, FamilyInput, input_id)
    if item is None:
        raise FamilyInputError("Inputtet findes ikke.")
    clean = clean_input_values(session, _meeting(session, item.meeting_id), values)
    if item.version != base_version:
        raise _conflict("Inputtet", item)
    current = _input_state(session, item)
    changes = {f: (current[f], v) for f, v in clean.items() if current[f] != v}
    if not changes:
        return item
    check_response({**current, **{f: new for f, (_old, new) in changes.items()}})
    now = utcnow()
    for field, (_old, new) in changes.items():
        if field in ("actions", "tracks"):
            _set_links(session, item.id or 0, field, new)
        else:
            setattr(item, field, new)
    item.version += 1
    item.updated_at, item.updated_by = now, actor.username
    session.add(item)
    _audit(session, actor, item.meeting_id, item.id, changes, now)
    session.flush()
    _written(session, actor, "input", 1)
    return item
