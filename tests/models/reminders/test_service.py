"""Sending the reminders to a real SMTP server (aiosmtpd, started by the test): who gets what,
valid MIME, once a day, the dry run, opt-out, no notes and no case data, the log, failures."""

from __future__ import annotations

import datetime as dt
import re
import threading
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlmodel import Session

from models.auth.users import Actor, PermissionDenied, Role, set_email_reminders
from models.plan.overview import Attention, needs_attention
from models.plan.queries import get_themes
from models.reminders.log import ReminderKind, ReminderLog, list_reminders
from models.reminders.service import (
    Outcome,
    ReminderResult,
    SmtpUnavailable,
    preview_reminders,
    send_reminders,
)
from tests.factories import MARKERS, plant_marker_text
from tests.models.reminders.conftest import (
    ELLAS_NOTE,
    ERIKS_NOTE,
    NEEDING_ATTENTION,
    TODAY,
    address,
)
from tests.models.reminders.smtp_server import (
    PUBLIC_URL,
    SENDER,
    SENDER_ADDRESS,
    SMTP_PASSWORD,
    SMTP_USER,
    Received,
    SmtpServer,
    configure_mail,
    smtp_server,
)

OPERATOR = Actor.command_line()
CODE_LINE = re.compile(r"^\s*([A-F]\.\d+\.\d+) ", re.MULTILINE)
# What a run on TODAY does for each (user, kind), given conftest's people.
EXPECTED_OUTCOMES = {
    ("bo", ReminderKind.owner): Outcome.sent,
    ("bo", ReminderKind.summary): Outcome.sent,
    ("ella", ReminderKind.owner): Outcome.sent,
    ("erik", ReminderKind.owner): Outcome.sent,
    ("nina", ReminderKind.owner): Outcome.skipped,  # no address
    ("otto", ReminderKind.owner): Outcome.skipped,  # opted out
    ("ulla", ReminderKind.owner): Outcome.skipped,  # deactivated
    ("vera", ReminderKind.summary): Outcome.sent,
    ("vibeke", ReminderKind.summary): Outcome.skipped,  # opted out
    ("viggo", ReminderKind.summary): Outcome.skipped,  # no address
}
SENT = sorted(key for key, outcome in EXPECTED_OUTCOMES.items() if outcome == Outcome.sent)


def outcomes(results: list[ReminderResult]) -> dict[tuple[str, ReminderKind], Outcome]:
    return {(r.reminder.username, r.reminder.kind): r.outcome for r in results}


def codes(text: str) -> set[str]:
    return set(CODE_LINE.findall(text))


def kind_of(mail: Received) -> ReminderKind:
    return ReminderKind.summary if "styregruppen" in mail.message["Subject"] else ReminderKind.owner


def by_recipient(mail_server: SmtpServer) -> dict[tuple[str, ReminderKind], Received]:
    found: dict[tuple[str, ReminderKind], Received] = {}
    for mail in mail_server.inbox.received:
        (rcpt,) = mail.rcpt_tos
        key = (rcpt.split("@")[0], kind_of(mail))
        assert key not in found, f"{key} got two e-mails"
        found[key] = mail
    return found


def attention_codes(session: Session) -> dict[Attention, set[str]]:
    rows = needs_attention(get_themes(session), TODAY, 30)
    return {section: {r.action.code for r in rows if r.section == section} for section in Attention}


def log_rows(engine: Engine) -> list[ReminderLog]:
    with Session(engine) as session:
        return list_reminders(session)


# --- who gets what -------------------------------------------------------------------------


def test_each_owner_gets_one_email_with_exactly_their_actions(
    people: Session, mail: SmtpServer, seeded_engine: Engine
) -> None:
    results = send_reminders(seeded_engine, actor=OPERATOR, today=TODAY)

    assert outcomes(results) == EXPECTED_OUTCOMES
    received = by_recipient(mail)
    assert sorted(received) == SENT
    for (username, kind), message in received.items():
        assert message.rcpt_tos == (address(username),)
        if kind == ReminderKind.owner:
            assert codes(message.text) == NEEDING_ATTENTION[username], username
            html_codes = set(re.findall(r"<td[^>]*>([A-F]\.\d+\.\d+)</td>", message.html))
            assert html_codes == NEEDING_ATTENTION[username], username


def test_the_steering_group_gets_the_summary_of_every_action_that_needs_attention(
    people: Session, mail: SmtpServer, seeded_engine: Engine
) -> None:
    send_reminders(seeded_engine, actor=OPERATOR, today=TODAY)

    summary = by_recipient(mail)[("vera", ReminderKind.summary)]
    expected = attention_codes(people)
    text = summary.text
    assert codes(text) == set().union(*expected.values())
    for section, listed in expected.items():
        count = f"{len(listed)} {'handling' if len(listed) == 1 else 'handlinger'}"
        assert f"\n{section.value}: {count}\n" in text
    assert re.search(r"^  A\.1\.1 .*\(ejer: erik\)$", text, re.MULTILINE)
    assert re.search(r"^  A\.1\.5 .*\(ejer: ella\)$", text, re.MULTILINE)
    assert "(ingen ejer)" in text  # most actions have no owner yet
    assert f"{PUBLIC_URL}/review" in text
    assert f'<a href="{PUBLIC_URL}/review">' in summary.html
    # bo is both an owner and in the steering group: the same summary, and his own e-mail.
    bo = by_recipient(mail)
    assert codes(bo[("bo", ReminderKind.summary)].text) == codes(text)
    assert codes(bo[("bo", ReminderKind.owner)].text) == {"B.1.1"}


def test_the_emails_are_valid_mime_with_a_plain_text_and_an_html_part(
    people: Session, mail: SmtpServer, seeded_engine: Engine
) -> None:
    send_reminders(seeded_engine, actor=OPERATOR, today=TODAY)

    assert len(mail.inbox) == len(SENT)
    for received in mail.inbox.received:
        message = received.message
        assert received.mail_from == SENDER_ADDRESS
        assert message.defects == []
        assert message.get_content_type() == "multipart/alternative"
        parts = list(message.iter_parts())
        assert [part.get_content_type() for part in parts] == ["text/plain", "text/html"]
        assert all(part.defects == [] for part in parts)
        assert all(part.get_content_charset() == "utf-8" for part in parts)
        assert message["From"] == SENDER
        assert message["To"].addresses[0].addr_spec == received.rcpt_tos[0]
        assert message["Auto-Submitted"] == "auto-generated"
        assert message["Subject"].startswith("Genopretningsplanen: ")
        assert received.html.startswith("<!DOCTYPE html>")
        assert f"{PUBLIC_URL}/profile" in received.text
    erik = by_recipient(mail)[("erik", ReminderKind.owner)]
    assert erik.message["Subject"] == (
        "Genopretningsplanen: 2 af dine handlinger kræver opmærksomhed"
    )
    assert erik.message["To"].addresses[0].display_name == "Erik"
    assert f"Mine handlinger:\n{PUBLIC_URL}/my_actions\n" in erik.text
    assert f'<a href="{PUBLIC_URL}/my_actions">Mine handlinger</a>' in erik.html
    assert "    Status: I gang\n    Frist: 30. november 2024\n    Hvorfor: Overskredet" in erik.text


# --- once a day, dry run, opt-out ------------------------------------------------------------


def test_a_second_run_on_the_same_day_sends_nothing_again(
    people: Session, mail: SmtpServer, seeded_engine: Engine
) -> None:
    send_reminders(seeded_engine, actor=OPERATOR, today=TODAY)
    first = len(mail.inbox)

    again = send_reminders(seeded_engine, actor=OPERATOR, today=TODAY)

    assert len(mail.inbox) == first == len(SENT)
    assert outcomes(again) == {
        key: Outcome.already_sent if outcome == Outcome.sent else outcome
        for key, outcome in EXPECTED_OUTCOMES.items()
    }
    assert len(log_rows(seeded_engine)) == len(SENT)
    line = next(r.line for r in again if r.reminder.username == "erik")
    assert line == (
        "Allerede sendt i dag til erik <erik@faxe.dk>: påmindelse om egne handlinger; "
        "sendes ikke igen."
    )
    # The next day is another day.
    next_day = send_reminders(seeded_engine, actor=OPERATOR, today=TODAY + dt.timedelta(days=1))
    assert sum(r.outcome == Outcome.sent for r in next_day) == len(SENT)
    assert len(mail.inbox) == 2 * len(SENT)


def test_two_runs_at_the_same_moment_send_each_email_once(
    people: Session, mail: SmtpServer, seeded_engine: Engine
) -> None:
    """Two runs started together (a timer and a person, say): whichever writes a log row
    first sends that e-mail; the other waits for the row and then leaves it alone."""
    start = threading.Barrier(2)
    runs: list[list[ReminderResult]] = []

    def run() -> None:
        start.wait()
        runs.append(send_reminders(seeded_engine, actor=OPERATOR, today=TODAY))

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    assert len(runs) == 2
    assert sorted(by_recipient(mail)) == SENT  # by_recipient refuses a second e-mail
    for key in SENT:
        assert sorted(outcomes(results)[key] for results in runs) == sorted(
            [Outcome.sent, Outcome.already_sent]
        )
    assert len(log_rows(seeded_engine)) == len(SENT)


def test_a_dry_run_sends_and_logs_nothing(
    people: Session, mail: SmtpServer, seeded_engine: Engine
) -> None:
    with Session(seeded_engine) as session:
        preview = preview_reminders(session, today=TODAY)

    assert outcomes(preview) == {
        key: Outcome.would_send if outcome == Outcome.sent else outcome
        for key, outcome in EXPECTED_OUTCOMES.items()
    }
    assert len(mail.inbox) == 0
    assert log_rows(seeded_engine) == []
    lines = [r.line for r in preview]
    assert "Ville sende til erik <erik@faxe.dk>: påmindelse om egne handlinger (2 handlinger)." in (
        lines
    )
    assert (
        "Sendes ikke til otto <otto@faxe.dk>: påmindelse om egne handlinger (1 handling); "
        "otto har fravalgt påmindelser." in lines
    )
    assert (
        "Sendes ikke til nina: påmindelse om egne handlinger (1 handling); "
        "nina har ingen e-mailadresse." in lines
    )
    # After a real run, the dry run says what was already sent.
    send_reminders(seeded_engine, actor=OPERATOR, today=TODAY)
    with Session(seeded_engine) as session:
        after = preview_reminders(session, today=TODAY)
    assert {r.outcome for r in after} == {Outcome.already_sent, Outcome.skipped}


def test_opting_out_stops_the_emails_and_opting_in_again_starts_them(
    people: Session, mail: SmtpServer, seeded_engine: Engine
) -> None:
    set_email_reminders(people, actor=Actor("erik", Role.editor), username="erik", enabled=False)
    people.commit()
    results = send_reminders(seeded_engine, actor=OPERATOR, today=TODAY)
    assert outcomes(results)[("erik", ReminderKind.owner)] == Outcome.skipped
    assert mail.inbox.to(address("erik")) == []
    assert mail.inbox.to(address("otto")) == []
    assert mail.inbox.to(address("vibeke")) == []

    for username, role in (("erik", Role.editor), ("otto", Role.editor)):
        me = Actor(username, role)
        set_email_reminders(people, actor=me, username=username, enabled=True)
    people.commit()
    again = send_reminders(seeded_engine, actor=OPERATOR, today=TODAY)

    assert outcomes(again)[("erik", ReminderKind.owner)] == Outcome.sent
    assert outcomes(again)[("otto", ReminderKind.owner)] == Outcome.sent
    assert codes(mail.inbox.to(address("otto"))[0].text) == {"F.1.1"}


# --- what the e-mails never say ------------------------------------------------------------


def test_no_note_and_no_case_data_reaches_any_email(
    people: Session, mail: SmtpServer, seeded_engine: Engine
) -> None:
    """Notes (the owner's own and another owner's) and case data stay out of every e-mail:
    marker text in cases (a reference and demo cases), ella's Obs note, a responsible party,
    an internal measurement and the user who wrote them (plant_marker_text)."""
    plant_marker_text(people, TODAY)  # also writes ella's A.1.5 note and responsible party
    people.commit()

    send_reminders(seeded_engine, actor=OPERATOR, today=TODAY)

    assert len(mail.inbox) == len(SENT)
    assert codes(mail.inbox.to(address("ella"))[0].text) == {"A.1.5", "D.1.2"}
    forbidden = (*MARKERS, ERIKS_NOTE, ELLAS_NOTE, "DEMO-", "Sagsreference", "S-0")
    for received in mail.inbox.received:
        message = received.message
        shown = "\n".join([str(message["Subject"]), received.text, received.html])
        raw = received.data.decode("ascii", errors="replace")
        for marker in forbidden:
            assert marker not in shown, (received.rcpt_tos, marker)
            assert marker not in raw, (received.rcpt_tos, marker)


def test_the_log_says_to_whom_when_and_how_many_but_holds_no_body(
    people: Session, mail: SmtpServer, seeded_engine: Engine
) -> None:
    before = dt.datetime.now(dt.UTC)
    send_reminders(seeded_engine, actor=OPERATOR, today=TODAY)

    inspector = sa.inspect(seeded_engine)
    columns = [column["name"] for column in inspector.get_columns("reminder_log")]
    assert columns == ["id", "username", "address", "kind", "sent_at", "local_day", "action_count"]
    rows = log_rows(seeded_engine)
    received = by_recipient(mail)
    assert sorted((row.username, row.kind) for row in rows) == SENT
    for row in rows:
        mail_codes = codes(received[(row.username, row.kind)].text)
        assert (row.address, row.local_day, row.action_count) == (
            address(row.username),
            TODAY,
            len(mail_codes),
        )
        assert row.sent_at >= before
    with seeded_engine.connect() as connection:
        stored = " ".join(
            str(value)
            for row in connection.execute(sa.text("SELECT * FROM reminder_log"))
            for value in row
        )
    assert not CODE_LINE.search(stored)
    assert "Genopretningsplanen" not in stored


# --- failures and permissions --------------------------------------------------------------


def test_a_refused_recipient_is_reported_not_logged_and_tried_again_later(
    people: Session, mail: SmtpServer, seeded_engine: Engine
) -> None:
    mail.inbox.refused.add(address("ella"))

    results = send_reminders(seeded_engine, actor=OPERATOR, today=TODAY)

    ella = next(r for r in results if r.reminder.username == "ella")
    assert (ella.outcome, ella.line) == (
        Outcome.failed,
        "Kunne ikke sende til ella <ella@faxe.dk>: påmindelse om egne handlinger "
        "(2 handlinger): SMTP-serveren afviste modtagerens adresse.",
    )
    sent = sorted(key for key, outcome in outcomes(results).items() if outcome == Outcome.sent)
    assert sent == [key for key in SENT if key[0] != "ella"]  # the others after ella too
    assert ("ella", ReminderKind.owner) not in {
        (r.username, r.kind) for r in log_rows(seeded_engine)
    }

    mail.inbox.refused.clear()
    again = outcomes(send_reminders(seeded_engine, actor=OPERATOR, today=TODAY))
    assert again[("ella", ReminderKind.owner)] == Outcome.sent
    assert again[("erik", ReminderKind.owner)] == Outcome.already_sent
    assert len(mail.inbox.to(address("ella"))) == 1


def test_a_server_that_cannot_be_reached_sends_and_logs_nothing(
    people: Session, seeded_engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with smtp_server(tmp_path) as (server, _):
        configure_mail(monkeypatch, server)
    # The server has stopped: nothing listens on its port any more.

    with pytest.raises(SmtpUnavailable, match=rf"^SMTP-serveren 127\.0\.0\.1:{server.port} kan"):
        send_reminders(seeded_engine, actor=OPERATOR, today=TODAY)

    assert log_rows(seeded_engine) == []


@pytest.mark.parametrize("role", [Role.viewer, Role.editor])
def test_only_admins_and_the_operator_send_reminders(
    people: Session, mail: SmtpServer, seeded_engine: Engine, role: Role
) -> None:
    username = {Role.viewer: "vera", Role.editor: "erik"}[role]
    with pytest.raises(PermissionDenied):
        send_reminders(seeded_engine, actor=Actor(username, role), today=TODAY)
    assert len(mail.inbox) == 0
    results = send_reminders(seeded_engine, actor=Actor("hanna", Role.admin), today=TODAY)
    assert sum(r.outcome == Outcome.sent for r in results) == len(SENT)


# --- TLS and login ---------------------------------------------------------------------------


@pytest.mark.parametrize("tls", ["starttls", "ssl"])
def test_encrypted_connections_with_a_login(
    people: Session,
    seeded_engine: Engine,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    tls: str,
) -> None:
    """The server's certificate is verified (signed by a CA the test makes and the app is
    told to trust, as an operator's system trusts a real one); one login per run."""
    with smtp_server(tmp_path, tls=tls, login=True) as (server, ca_file):
        configure_mail(monkeypatch, server, ca_file)
        results = send_reminders(seeded_engine, actor=OPERATOR, today=TODAY)

    assert sum(r.outcome == Outcome.sent for r in results) == len(SENT)
    assert len(server.inbox) == len(SENT)
    assert server.inbox.logins == [(SMTP_USER, SMTP_PASSWORD)]


def test_a_certificate_that_is_not_trusted_is_refused(
    people: Session, seeded_engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with smtp_server(tmp_path, tls="starttls", login=True) as (server, _ca_file):
        configure_mail(monkeypatch, server)  # the test CA is not trusted
        with pytest.raises(SmtpUnavailable, match="CERTIFICATE_VERIFY_FAILED") as refused:
            send_reminders(seeded_engine, actor=OPERATOR, today=TODAY)

    assert server.inbox.logins == []
    assert len(server.inbox) == 0
    assert SMTP_PASSWORD not in str(refused.value)
    assert log_rows(seeded_engine) == []


def test_a_wrong_password_is_refused_without_showing_it(
    people: Session, seeded_engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    wrong = "forkert-smtp-kode-5150"
    with smtp_server(tmp_path, tls="starttls", login=True) as (server, ca_file):
        configure_mail(monkeypatch, server, ca_file, DASHBOARD_SMTP_PASSWORD=wrong)
        with pytest.raises(SmtpUnavailable) as refused:
            send_reminders(seeded_engine, actor=OPERATOR, today=TODAY)

    assert str(refused.value) == (
        f"SMTP-serveren 127.0.0.1:{server.port} afviste login som dashboard (tjek "
        "DASHBOARD_SMTP_USERNAME og DASHBOARD_SMTP_PASSWORD)."
    )
    assert len(server.inbox) == 0
    assert log_rows(seeded_engine) == []
