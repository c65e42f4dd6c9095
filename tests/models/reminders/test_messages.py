"""The reminder e-mails as built (no server): MIME structure, Danish texts, escaping, links,
and what an e-mail can say about an action at all."""

from __future__ import annotations

import dataclasses
import datetime as dt
import email
from email.message import EmailMessage
from email.policy import default

import pytest

from models.plan.overview import Attention, AttentionRow, attention_reasons
from models.plan.status import Status
from models.reminders.messages import (
    Links,
    ListedAction,
    Recipient,
    owner_message,
    owner_subject,
    summary_message,
    summary_subject,
)
from tests.factories import action_view

TODAY = dt.date(2026, 12, 7)
NOW = dt.datetime(2026, 12, 7, 6, 0, tzinfo=dt.UTC)
LINKS = Links("https://dashboard.faxe.dk")
SENDER = "Genopretningsplanen <dashboard@faxe.dk>"
HOSTILE = '<script>alert("x")</script> & <a href="https://ond.example">klik</a>'


def row(code: str, **fields: object) -> AttentionRow:
    action = action_view(code, **fields)
    reasons = attention_reasons(action, TODAY)
    assert reasons, f"{code} needs no attention"
    return AttentionRow("A", "A.1", action, reasons[0][0], tuple(text for _, text in reasons))


def listed(*rows: AttentionRow) -> list[ListedAction]:
    return [ListedAction.from_row(r) for r in rows]


def round_trip(message: EmailMessage) -> EmailMessage:
    parsed = email.message_from_bytes(message.as_bytes(), policy=default)
    assert isinstance(parsed, EmailMessage)
    return parsed


def parts(message: EmailMessage) -> tuple[str, str]:
    plain, html = message.get_body(("plain",)), message.get_body(("html",))
    assert plain is not None
    assert html is not None
    return plain.get_content(), html.get_content()


OVERDUE = {
    "status": Status.in_progress,
    "end_date": dt.date(2025, 3, 31),
    "updated_at": NOW,
    "updated_by": "erik",
    "owner": "erik",
}


def test_an_action_in_an_email_has_no_note_responsible_or_anything_else() -> None:
    """The only way into an e-mail is ListedAction, and it has no field for a note."""
    names = {f.name for f in dataclasses.fields(ListedAction)}
    assert names == {"code", "text", "status", "deadline", "section", "reasons", "owner"}
    action = ListedAction.from_row(
        row("A.1.1", note="NOTE-1", responsible="Birthe", revised_reason="GRUND-2", **OVERDUE)
    )
    assert "NOTE-1" not in repr(action)
    assert "GRUND-2" not in repr(action)


def test_the_owner_email_is_multipart_alternative_in_danish() -> None:
    recipient = Recipient("erik", "Erik Ærø", "erik@faxe.dk")
    message = round_trip(
        owner_message(
            recipient,
            listed(row("A.1.1", **OVERDUE)),
            today=TODAY,
            links=LINKS,
            sender=SENDER,
            now=NOW,
        )
    )

    assert message.get_content_type() == "multipart/alternative"
    assert [p.get_content_type() for p in message.iter_parts()] == ["text/plain", "text/html"]
    assert message["Subject"] == "Genopretningsplanen: 1 af dine handlinger kræver opmærksomhed"
    assert message["To"].addresses[0].display_name == "Erik Ærø"
    assert message["Content-Language"] == "da"
    assert message["Date"].datetime == NOW
    assert message["Message-ID"].endswith("@faxe.dk>")
    text, html = parts(message)
    assert text.startswith(
        "Hej Erik Ærø\n\nDu er ejer af 1 handling i udviklings- og genopretningsplanen, der "
        "kræver opmærksomhed i dag, 7. december 2026:\n\nA.1.1 Handling A.1.1\n"
        "    Status: I gang\n    Frist: 31. marts 2025\n    Hvorfor: Overskredet\n"
    )
    assert '<a href="https://dashboard.faxe.dk/my_actions">Mine handlinger</a>' in html
    assert '<a href="https://dashboard.faxe.dk/profile">Min profil</a>' in html


def test_every_value_in_the_html_part_is_escaped() -> None:
    recipient = Recipient("eva", 'Eva "<b>"', "eva@faxe.dk")
    hostile = row("A.1.1", text=HOSTILE, **OVERDUE)
    for build in (owner_message, summary_message):
        message = build(
            recipient, listed(hostile), today=TODAY, links=LINKS, sender=SENDER, now=NOW
        )
        text, html = parts(round_trip(message))
        assert "<script>" not in html
        assert '<a href="https://ond.example">' not in html
        assert "&lt;script&gt;" in html
        assert "&lt;b&gt;" in html
        assert "<script>" in text  # plain text is shown as written


def test_links_follow_the_public_address() -> None:
    links = Links("https://intra.faxe.dk/dashboard/")
    assert (links.my_actions, links.review, links.profile) == (
        "https://intra.faxe.dk/dashboard/my_actions",
        "https://intra.faxe.dk/dashboard/review",
        "https://intra.faxe.dk/dashboard/profile",
    )


def test_the_summary_counts_each_section_and_names_owners_not_notes() -> None:
    rows = [
        row("B.1.1", status=Status.attention, note="OBS-NOTE-77", updated_at=NOW, updated_by="x"),
        row("A.1.1", **OVERDUE),
        row("C.1.1", end_date=dt.date(2026, 12, 20), updated_at=NOW, updated_by="x"),
        row("D.1.1", text="Lang " * 40, start_date=dt.date(2025, 1, 1)),
    ]
    message = summary_message(
        Recipient("vera", "Vera", "vera@faxe.dk"),
        listed(*rows),
        today=TODAY,
        links=LINKS,
        sender=SENDER,
        now=NOW,
    )
    text, html = parts(round_trip(message))

    assert message["Subject"] == summary_subject(4)
    assert summary_subject(4) == (
        "Genopretningsplanen: overblik til styregruppen – 4 handlinger kræver opmærksomhed"
    )
    assert (
        "Obs: 1 handling\nOverskredet: 1 handling\nFrist inden for 30 dage: 1 handling\n"
        "Ikke bekræftet: 1 handling\n"
    ) in text
    assert "\nObs\n  B.1.1 Handling B.1.1 (ingen ejer)\n" in text
    assert "\nOverskredet\n  A.1.1 Handling A.1.1 (ejer: erik)\n" in text
    assert "OBS-NOTE-77" not in text + html
    long_line = next(line for line in text.splitlines() if line.startswith("  D.1.1"))
    assert long_line.endswith("Lang … (ingen ejer)")
    assert len(long_line) < 130
    assert "https://dashboard.faxe.dk/review" in text
    assert '<a href="https://dashboard.faxe.dk/review">Ugens gennemgang</a>' in html


def test_a_summary_with_nothing_to_attend_to_says_so() -> None:
    message = summary_message(
        Recipient("vera", "Vera", "vera@faxe.dk"),
        [],
        today=TODAY,
        links=LINKS,
        sender=None,
        now=NOW,
    )
    text, _html = parts(round_trip(message))
    assert message["Subject"] == (
        "Genopretningsplanen: overblik til styregruppen – 0 handlinger kræver opmærksomhed"
    )
    assert "ingen handlinger i udviklings- og genopretningsplanen kræver opmærksomhed" in text
    assert message["From"] is None  # a dry run without a sender still builds it


@pytest.mark.parametrize(("count", "subject"), [(1, "1 af dine"), (12, "12 af dine")])
def test_owner_subjects(count: int, subject: str) -> None:
    assert owner_subject(count) == f"Genopretningsplanen: {subject} handlinger kræver opmærksomhed"


def test_sections_come_in_the_overview_order() -> None:
    assert [section.value for section in Attention] == [
        "Obs",
        "Overskredet",
        "Frist inden for 30 dage",
        "Ikke bekræftet",
    ]
