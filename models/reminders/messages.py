"""The reminder e-mails in Danish: a plain-text part and an HTML alternative of the same text.

Pure functions: they take what an e-mail may say and return an `EmailMessage` (standard
library, `multipart/alternative`). What an e-mail may say about an action is a
`ListedAction`: the plan's code and words, status, deadline, why it needs attention and its
owner's username. It has no note, no responsible party and nothing about cases, so no e-mail
can carry them. Every value in the HTML part is escaped with `html.escape`.
"""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid, parseaddr

from models.core.formatting import count_da, date_long_da, date_table_da, number_da
from models.plan.overview import Attention, AttentionRow
from models.plan.status import Status

MY_ACTIONS_PATH = "my_actions"
REVIEW_PATH = "review"
PROFILE_PATH = "profile"
SUMMARY_TEXT_LENGTH = 100
SIGNATURE = "Statusdashboardet for udviklings- og genopretningsplanen"


@dataclass(frozen=True)
class Recipient:
    username: str
    display_name: str
    address: str


@dataclass(frozen=True)
class Links:
    """The app's pages that the e-mails link to, under its public address."""

    public_url: str

    def _page(self, path: str) -> str:
        return f"{self.public_url.rstrip('/')}/{path}"

    @property
    def my_actions(self) -> str:
        return self._page(MY_ACTIONS_PATH)

    @property
    def review(self) -> str:
        return self._page(REVIEW_PATH)

    @property
    def profile(self) -> str:
        return self._page(PROFILE_PATH)


@dataclass(frozen=True)
class ListedAction:
    """What an e-mail may say about an action (never its note or anything about cases)."""

    code: str
    text: str
    status: Status
    deadline: dt.date | None
    section: Attention
    reasons: tuple[str, ...]
    owner: str | None

    @classmethod
    def from_row(cls, row: AttentionRow) -> ListedAction:
        action = row.action
        return cls(
            code=action.code,
            text=action.text,
            status=action.status,
            deadline=action.deadline,
            section=row.section,
            reasons=row.reasons,
            owner=action.owner,
        )

    @property
    def why(self) -> str:
        return ", ".join(self.reasons)

    @property
    def short_text(self) -> str:
        """The action's words, cut at a word to fit one line of a summary."""
        text = " ".join(self.text.split())
        if len(text) <= SUMMARY_TEXT_LENGTH:
            return text
        return text[:SUMMARY_TEXT_LENGTH].rsplit(" ", 1)[0].rstrip(",.;:–-") + " …"


def _actions(count: int) -> str:
    return count_da(count, "handling", "handlinger")


def _escape(text: str) -> str:
    return html.escape(text, quote=True)


def _link(url: str, label: str) -> str:
    return f'<a href="{_escape(url)}">{_escape(label)}</a>'


def _html_document(title: str, body: list[str]) -> str:
    return "\n".join(
        [
            "<!DOCTYPE html>",
            '<html lang="da">',
            '<head><meta charset="utf-8"><title>' + _escape(title) + "</title></head>",
            '<body style="font-family: Arial, Helvetica, sans-serif; color: #1a1a1a; '
            'line-height: 1.45; max-width: 46em;">',
            *body,
            "</body>",
            "</html>",
            "",
        ]
    )


def _message(
    recipient: Recipient,
    *,
    subject: str,
    text: str,
    html_part: str,
    sender: str | None,
    now: dt.datetime,
) -> EmailMessage:
    message = EmailMessage()
    message["Subject"] = subject
    if sender:
        message["From"] = sender
    message["To"] = Address(display_name=recipient.display_name, addr_spec=recipient.address)
    message["Date"] = format_datetime(now)
    domain = parseaddr(sender or "")[1].rpartition("@")[2] or "localhost"
    message["Message-ID"] = make_msgid("paamindelse", domain=domain)
    message["Auto-Submitted"] = "auto-generated"  # no out-of-office replies (RFC 3834)
    message.set_content(text)
    message.add_alternative(html_part, subtype="html")
    message["Content-Language"] = "da"  # after set_content, which drops Content-* headers
    return message


def _footer_text(reason: str, links: Links) -> list[str]:
    return [
        "",
        "Venlig hilsen",
        SIGNATURE,
        "",
        "--",
        f"{reason} Du kan slå de ugentlige påmindelser fra under Min profil:",
        links.profile,
        "",
    ]


def _footer_html(reason: str, links: Links) -> list[str]:
    return [
        f"<p>Venlig hilsen<br>{_escape(SIGNATURE)}</p>",
        '<p style="color: #555555; font-size: 0.9em;">'
        + _escape(reason)
        + " Du kan slå de ugentlige påmindelser fra under "
        + _link(links.profile, "Min profil")
        + ".</p>",
    ]


OWNER_REASON = "Du får denne e-mail hver uge, så længe du ejer handlinger, der kræver opmærksomhed."
SUMMARY_REASON = "Du får denne e-mail hver uge som medlem af styregruppen."


def owner_subject(count: int) -> str:
    return f"Genopretningsplanen: {number_da(count)} af dine handlinger kræver opmærksomhed"


def owner_message(
    recipient: Recipient,
    actions: list[ListedAction],
    *,
    today: dt.date,
    links: Links,
    sender: str | None,
    now: dt.datetime,
) -> EmailMessage:
    """An owner's weekly reminder: exactly `actions` (theirs), with a link to Mine handlinger."""
    subject = owner_subject(len(actions))
    intro = (
        f"Du er ejer af {_actions(len(actions))} i udviklings- og genopretningsplanen, "
        f"der kræver opmærksomhed i dag, {date_long_da(today)}:"
    )
    call = "Opdatér handlingerne, eller bekræft at status er uændret, under Mine handlinger:"

    text = [f"Hej {recipient.display_name}", "", intro, ""]
    for action in actions:
        text.append(f"{action.code} {' '.join(action.text.split())}")
        text.append(f"    Status: {action.status.value}")
        if action.deadline is not None:
            text.append(f"    Frist: {date_long_da(action.deadline)}")
        text.append(f"    Hvorfor: {action.why}")
        text.append("")
    text += [call, links.my_actions, *_footer_text(OWNER_REASON, links)]

    cell = 'style="text-align: left; vertical-align: top; padding: 4px 8px; '
    cell += 'border-bottom: 1px solid #dddddd;"'
    head = "".join(
        f"<th {cell}>{_escape(label)}</th>"
        for label in ("Nr.", "Handling", "Status", "Frist", "Hvorfor")
    )
    rows = [
        "<tr>"
        + "".join(
            f"<td {cell}>{_escape(value)}</td>"
            for value in (
                action.code,
                " ".join(action.text.split()),
                action.status.value,
                date_table_da(action.deadline) if action.deadline else "",
                action.why,
            )
        )
        + "</tr>"
        for action in actions
    ]
    body = [
        f"<p>Hej {_escape(recipient.display_name)}</p>",
        f"<p>{_escape(intro)}</p>",
        '<table style="border-collapse: collapse;">',
        f"<thead><tr>{head}</tr></thead>",
        "<tbody>",
        *rows,
        "</tbody>",
        "</table>",
        f"<p>{_escape(call.removesuffix(' under Mine handlinger:'))} under "
        f"{_link(links.my_actions, 'Mine handlinger')}.</p>",
        *_footer_html(OWNER_REASON, links),
    ]
    return _message(
        recipient,
        subject=subject,
        text="\n".join(text),
        html_part=_html_document(subject, body),
        sender=sender,
        now=now,
    )


def summary_subject(count: int) -> str:
    return f"Genopretningsplanen: overblik til styregruppen – {_actions(count)} kræver opmærksomhed"


def _owner_label(action: ListedAction) -> str:
    return f"ejer: {action.owner}" if action.owner else "ingen ejer"


def summary_message(
    recipient: Recipient,
    actions: list[ListedAction],
    *,
    today: dt.date,
    links: Links,
    sender: str | None,
    now: dt.datetime,
) -> EmailMessage:
    """The steering group's overview before the weekly review: counts per section, then each
    action's code, words and owner (no notes at all), with a link to the review page."""
    subject = summary_subject(len(actions))
    sections = {section: [a for a in actions if a.section == section] for section in Attention}
    if actions:
        intro = (
            "Her er overblikket til styregruppens ugentlige gennemgang: "
            f"{_actions(len(actions))} i udviklings- og genopretningsplanen kræver "
            f"opmærksomhed i dag, {date_long_da(today)}."
        )
    else:
        intro = (
            "Her er overblikket til styregruppens ugentlige gennemgang: ingen handlinger i "
            f"udviklings- og genopretningsplanen kræver opmærksomhed i dag, "
            f"{date_long_da(today)}."
        )
    call = "Se gennemgangen i dashboardet:"

    text = [f"Hej {recipient.display_name}", "", intro, ""]
    text += [f"{section.value}: {_actions(len(listed))}" for section, listed in sections.items()]
    for section, listed in sections.items():
        if listed:
            text += ["", section.value]
            text += [f"  {a.code} {a.short_text} ({_owner_label(a)})" for a in listed]
    text += ["", call, links.review, *_footer_text(SUMMARY_REASON, links)]

    body = [
        f"<p>Hej {_escape(recipient.display_name)}</p>",
        f"<p>{_escape(intro)}</p>",
        "<ul>",
        *(
            f"<li>{_escape(section.value)}: <strong>{_escape(_actions(len(listed)))}</strong></li>"
            for section, listed in sections.items()
        ),
        "</ul>",
    ]
    for section, listed in sections.items():
        if listed:
            body.append(f'<h3 style="margin-bottom: 4px;">{_escape(section.value)}</h3>')
            body.append('<ul style="margin-top: 0;">')
            body += [
                f"<li><strong>{_escape(a.code)}</strong> {_escape(a.short_text)} "
                f'<span style="color: #555555;">({_escape(_owner_label(a))})</span></li>'
                for a in listed
            ]
            body.append("</ul>")
    body += [
        f"<p>{_escape(call.removesuffix(':'))}: {_link(links.review, 'Ugens gennemgang')}.</p>",
        *_footer_html(SUMMARY_REASON, links),
    ]
    return _message(
        recipient,
        subject=subject,
        text="\n".join(text),
        html_part=_html_document(subject, body),
        sender=sender,
        now=now,
    )
