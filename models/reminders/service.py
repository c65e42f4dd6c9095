"""Who gets which reminder e-mail, and sending them through the configured SMTP server.

- **Owners**: every user who owns actions that need attention today (`needs_attention` with
  the freshness window of the settings: Obs, overdue, due within 30 days, not confirmed) gets
  one e-mail listing exactly those actions, if the user is active, has an e-mail address and
  has not opted out.
- **The steering group**: every active user with the role `viewer` (*Læser (styregruppe)*),
  with an address and reminders on, gets the summary before the weekly review. A user can get
  both.
- **Once a day**: a reminder of a kind goes to a user at most once per local day. Each e-mail is
  sent inside its own transaction that first writes its `reminder_log` row (the table's unique
  key is username, kind and day): a second run that day finds the row and sends nothing, and a
  run at the same moment waits for the first one's row (and then finds it). If the SMTP server
  refuses the e-mail, the row is rolled back and a later run tries again.
- A dry run (`preview_reminders`) reads only: it builds every e-mail, sends and logs nothing.
"""

from __future__ import annotations

import datetime as dt
import enum
import smtplib
import ssl
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from email.message import EmailMessage

import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from models.auth.users import MANAGE_USERS, Actor, Role, User, authorize, list_users
from models.core.db import session_scope
from models.core.errors import DomainError
from models.core.formatting import count_da
from models.core.settings import ENV_NAMES, Settings, SmtpTls, get_settings
from models.core.time import utcnow
from models.plan.overview import needs_attention
from models.plan.queries import get_themes
from models.reminders.log import KIND_LABELS, ReminderKind, ReminderLog, sent_on
from models.reminders.messages import (
    Links,
    ListedAction,
    Recipient,
    owner_message,
    summary_message,
)

SMTP_TIMEOUT_SECONDS = 30
STEERING_GROUP = Role.viewer
ACTIONS = ("handling", "handlinger")


class ReminderError(DomainError):
    """Reminders cannot be sent as configured; the message is Danish and names the setting."""


class Skip(enum.StrEnum):
    """Why someone who would get a reminder does not."""

    no_address = "har ingen e-mailadresse"
    opted_out = "har fravalgt påmindelser"
    inactive = "er deaktiveret"


@dataclass(frozen=True)
class Reminder:
    """One e-mail that one user should get today (or why they will not)."""

    username: str
    kind: ReminderKind
    actions: tuple[ListedAction, ...]
    recipient: Recipient | None  # None when skipped for want of an address
    skip: Skip | None = None


class Outcome(enum.StrEnum):
    sent = "sent"
    would_send = "would_send"  # a dry run
    already_sent = "already_sent"
    skipped = "skipped"
    failed = "failed"


@dataclass(frozen=True)
class ReminderResult:
    """What happened to one reminder; `line` says it in Danish, without the e-mail's body."""

    reminder: Reminder
    outcome: Outcome
    detail: str = ""

    @property
    def line(self) -> str:
        reminder = self.reminder
        who = reminder.username
        if reminder.recipient is not None:
            who += f" <{reminder.recipient.address}>"
        what = f"{KIND_LABELS[reminder.kind]} ({count_da(len(reminder.actions), *ACTIONS)})"
        match self.outcome:
            case Outcome.sent:
                return f"Sendt til {who}: {what}."
            case Outcome.would_send:
                return f"Ville sende til {who}: {what}."
            case Outcome.already_sent:
                return (
                    f"Allerede sendt i dag til {who}: {KIND_LABELS[reminder.kind]}; "
                    "sendes ikke igen."
                )
            case Outcome.skipped:
                return f"Sendes ikke til {who}: {what}; {reminder.username} {reminder.skip}."
            case _:
                return f"Kunne ikke sende til {who}: {what}: {self.detail}"


# --- who gets what ----------------------------------------------------------------------------


def _recipient(user: User) -> Recipient | None:
    if not user.email:
        return None
    return Recipient(username=user.username, display_name=user.display_name, address=user.email)


def _skip(user: User) -> Skip | None:
    if not user.active:
        return Skip.inactive
    if not user.email:
        return Skip.no_address
    if not user.email_reminders:
        return Skip.opted_out
    return None


def plan_reminders(
    session: Session, *, today: dt.date, window_days: int | None = None
) -> list[Reminder]:
    """Today's reminders by username (an owner's before the summary), skipped ones included.

    Owners: users who own actions that need attention. The steering group: active viewers
    (inactive ones are no longer part of it and are not listed)."""
    window = get_settings().freshness_days if window_days is None else window_days
    rows = needs_attention(get_themes(session), today, window)
    actions = [ListedAction.from_row(row) for row in rows]
    owned: dict[str, list[ListedAction]] = {}
    for action in actions:
        if action.owner:
            owned.setdefault(action.owner, []).append(action)
    reminders = []
    for user in list_users(session):  # by username
        if mine := owned.get(user.username):
            reminders.append(
                Reminder(
                    user.username, ReminderKind.owner, tuple(mine), _recipient(user), _skip(user)
                )
            )
        if user.role == STEERING_GROUP and user.active:
            reminders.append(
                Reminder(
                    user.username,
                    ReminderKind.summary,
                    tuple(actions),
                    _recipient(user),
                    _skip(user),
                )
            )
    return reminders


def build_message(
    reminder: Reminder, *, today: dt.date, links: Links, sender: str | None, now: dt.datetime
) -> EmailMessage:
    """The e-mail of a reminder that is not skipped."""
    assert reminder.recipient is not None
    build = owner_message if reminder.kind == ReminderKind.owner else summary_message
    return build(
        reminder.recipient, list(reminder.actions), today=today, links=links, sender=sender, now=now
    )


# --- settings ---------------------------------------------------------------------------------


def _not_set(field: str, why: str) -> ReminderError:
    return ReminderError(f"Indstillingen {ENV_NAMES[field]} er ikke sat: {why}")


def links_from(settings: Settings) -> Links:
    """The links the e-mails carry; refuses without the app's public address."""
    if settings.public_url is None:
        raise _not_set(
            "public_url",
            "e-mailene linker til dashboardet, så appens adresse skal angives "
            "(fx https://dashboard.faxe.dk).",
        )
    return Links(settings.public_url)


def check_smtp_settings(settings: Settings) -> None:
    """Refuse, in Danish and naming the setting, what cannot send: no server, no sender, half a
    login, or a password that would travel unencrypted. Never shows the password."""
    if settings.smtp_host is None:
        raise _not_set(
            "smtp_host",
            "der er ingen SMTP-server at sende påmindelserne med. Sæt den (og "
            f"{ENV_NAMES['mail_from']}), eller se hvad der ville blive sendt, med --dry-run.",
        )
    if settings.mail_from is None:
        raise _not_set(
            "mail_from",
            "påmindelserne skal have en afsender, fx Genopretningsplanen <dashboard@faxe.dk>.",
        )
    user, password = ENV_NAMES["smtp_username"], ENV_NAMES["smtp_password"]
    if settings.smtp_username and settings.smtp_password is None:
        raise ReminderError(f"Indstillingen {password} er ikke sat, men {user} er.")
    if settings.smtp_password is not None and not settings.smtp_username:
        raise ReminderError(f"Indstillingen {user} er ikke sat, men {password} er.")
    if settings.smtp_username and settings.smtp_tls == SmtpTls.none:
        raise ReminderError(
            f"Indstillingen {ENV_NAMES['smtp_tls']} er none, men {user} er sat: adgangskoden "
            "sendes aldrig ukrypteret. Brug starttls eller ssl."
        )


# --- the SMTP connection ----------------------------------------------------------------------


class SmtpUnavailable(ReminderError):
    """The SMTP server cannot be reached or refuses the login."""


class Mailer:
    """One connection to the configured SMTP server, opened when the first e-mail is sent and
    opened again after an e-mail failed."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._smtp: smtplib.SMTP | None = None

    @property
    def where(self) -> str:
        return f"{self.settings.smtp_host}:{self.settings.smtp_port}"

    def scrub(self, text: str) -> str:
        """`text` (a server's or a library's error) with the password masked, should it ever
        be quoted there."""
        secret = self.settings.smtp_password
        if secret is not None and secret.get_secret_value():
            text = text.replace(secret.get_secret_value(), "***")
        return text

    def connect(self) -> None:
        if self._smtp is not None:
            return
        settings = self.settings
        host, port = settings.smtp_host or "", settings.smtp_port
        context = ssl.create_default_context()
        smtp: smtplib.SMTP | None = None
        try:
            if settings.smtp_tls == SmtpTls.ssl:
                smtp = smtplib.SMTP_SSL(host, port, timeout=SMTP_TIMEOUT_SECONDS, context=context)
            else:
                smtp = smtplib.SMTP(host, port, timeout=SMTP_TIMEOUT_SECONDS)
                if settings.smtp_tls == SmtpTls.starttls:
                    smtp.starttls(context=context)
            if settings.smtp_username and settings.smtp_password is not None:
                smtp.login(settings.smtp_username, settings.smtp_password.get_secret_value())
        except smtplib.SMTPAuthenticationError:
            self._quit(smtp)
            raise SmtpUnavailable(
                f"SMTP-serveren {self.where} afviste login som {settings.smtp_username} (tjek "
                f"{ENV_NAMES['smtp_username']} og {ENV_NAMES['smtp_password']})."
            ) from None
        except (smtplib.SMTPException, OSError) as error:
            self._quit(smtp)
            reason = self.scrub(str(error) or type(error).__name__)
            raise SmtpUnavailable(
                f"SMTP-serveren {self.where} kan ikke bruges ({reason}); tjek "
                f"{ENV_NAMES['smtp_host']}, {ENV_NAMES['smtp_port']} og "
                f"{ENV_NAMES['smtp_tls']}."
            ) from None
        self._smtp = smtp

    def send(self, message: EmailMessage) -> None:
        self.connect()
        assert self._smtp is not None
        try:
            self._smtp.send_message(message)
        except BaseException:
            self.close()  # whatever state the conversation is in: start again next time
            raise

    @staticmethod
    def _quit(smtp: smtplib.SMTP | None) -> None:
        if smtp is None:
            return
        try:
            smtp.quit()
        except (smtplib.SMTPException, OSError):
            smtp.close()

    def close(self) -> None:
        smtp, self._smtp = self._smtp, None
        self._quit(smtp)


@contextmanager
def open_mailer(settings: Settings) -> Iterator[Mailer]:
    mailer = Mailer(settings)
    try:
        yield mailer
    finally:
        mailer.close()


def _failure(error: Exception, mailer: Mailer) -> str:
    """Why one e-mail was not sent, in Danish (never with the password)."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return "SMTP-serveren afviste modtagerens adresse."
    if isinstance(error, smtplib.SMTPSenderRefused):
        return f"SMTP-serveren afviste afsenderen ({ENV_NAMES['mail_from']})."
    if isinstance(error, smtplib.SMTPResponseException):
        message = error.smtp_error
        text = message.decode(errors="replace") if isinstance(message, bytes) else str(message)
        return mailer.scrub(f"SMTP-serveren svarede {error.smtp_code} {text}.")
    if isinstance(error, ValueError):
        return f"e-mailen kunne ikke dannes ({mailer.scrub(str(error))})."
    return f"forbindelsen til SMTP-serveren {mailer.where} svigtede ({mailer.scrub(str(error))})."


# --- dry run and sending ----------------------------------------------------------------------


def preview_reminders(session: Session, *, today: dt.date) -> list[ReminderResult]:
    """What a run would send today, built but neither sent nor logged (reads only)."""
    settings = get_settings()
    links = links_from(settings)
    done = sent_on(session, today)
    now = utcnow()
    results = []
    for reminder in plan_reminders(session, today=today):
        if reminder.skip is not None:
            results.append(ReminderResult(reminder, Outcome.skipped))
        elif (reminder.username, reminder.kind) in done:
            results.append(ReminderResult(reminder, Outcome.already_sent))
        else:
            try:
                build_message(
                    reminder, today=today, links=links, sender=settings.mail_from, now=now
                )
            except ValueError as error:
                detail = f"e-mailen kunne ikke dannes ({error})."
                results.append(ReminderResult(reminder, Outcome.failed, detail))
            else:
                results.append(ReminderResult(reminder, Outcome.would_send))
    return results


def _logged(session: Session, reminder: Reminder, today: dt.date) -> bool:
    return (
        session.exec(
            select(ReminderLog.id).where(
                ReminderLog.username == reminder.username,
                ReminderLog.kind == reminder.kind,
                ReminderLog.local_day == today,
            )
        ).first()
        is not None
    )


def _send_one(
    engine: Engine, mailer: Mailer, reminder: Reminder, *, today: dt.date, links: Links
) -> ReminderResult:
    """Send one reminder in its own transaction: log row first (the claim), then the e-mail;
    if the e-mail fails, the row is rolled back."""
    assert reminder.recipient is not None
    mailer.connect()  # before the transaction: a slow server holds no database lock
    try:
        with session_scope(engine, write=True) as session:
            if _logged(session, reminder, today):
                return ReminderResult(reminder, Outcome.already_sent)
            now = utcnow()
            message = build_message(
                reminder, today=today, links=links, sender=mailer.settings.mail_from, now=now
            )
            session.add(
                ReminderLog(
                    username=reminder.username,
                    address=reminder.recipient.address,
                    kind=reminder.kind,
                    sent_at=now,
                    local_day=today,
                    action_count=len(reminder.actions),
                )
            )
            session.flush()  # a run at the same moment waits here, then fails on the key
            mailer.send(message)
    except sa.exc.IntegrityError:
        return ReminderResult(reminder, Outcome.already_sent)
    except (smtplib.SMTPException, OSError, ValueError) as error:
        return ReminderResult(reminder, Outcome.failed, _failure(error, mailer))
    return ReminderResult(reminder, Outcome.sent)


def send_reminders(engine: Engine, *, actor: Actor, today: dt.date) -> list[ReminderResult]:
    """Send today's reminders through the configured SMTP server (admins and the operator).

    Each e-mail is logged in `reminder_log` (never its body); one that was already sent today
    is not sent again. Refuses (ReminderError, Danish) when the settings cannot send, and when
    the server cannot be reached before anything was sent; if it becomes unreachable later, the
    remaining reminders are reported as not sent.
    """
    settings = get_settings()
    check_smtp_settings(settings)
    links = links_from(settings)
    with session_scope(engine) as session:
        authorize(session, actor, MANAGE_USERS)
        reminders = plan_reminders(session, today=today)
    results: list[ReminderResult] = []
    with open_mailer(settings) as mailer:
        unavailable: SmtpUnavailable | None = None
        for reminder in reminders:
            if reminder.skip is not None:
                results.append(ReminderResult(reminder, Outcome.skipped))
            elif unavailable is not None:
                results.append(ReminderResult(reminder, Outcome.failed, str(unavailable)))
            else:
                try:
                    results.append(_send_one(engine, mailer, reminder, today=today, links=links))
                except SmtpUnavailable as error:
                    if not any(result.outcome == Outcome.sent for result in results):
                        raise
                    unavailable = error
                    results.append(ReminderResult(reminder, Outcome.failed, str(error)))
    return results
