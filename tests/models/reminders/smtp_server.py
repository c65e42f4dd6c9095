"""A real SMTP server for tests: aiosmtpd on a free port of 127.0.0.1, keeping what arrives.

`smtp_server()` starts one (plain, STARTTLS or TLS from the first byte, with or without a
login) and `configure_mail()` points the app's settings at it through the environment, as an
operator would. For TLS, a throwaway certificate authority (trustme) signs the server's
certificate, and SSL_CERT_FILE makes the app trust it: the client verifies as in production.
"""

from __future__ import annotations

import email
import ssl
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.policy import default
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

from models.core.settings import get_settings

SENDER = "Genopretningsplanen <dashboard@faxe.dk>"
SENDER_ADDRESS = "dashboard@faxe.dk"
PUBLIC_URL = "https://dashboard.faxe.dk"
SMTP_USER = "dashboard"
SMTP_PASSWORD = "smtp-hemmelighed-8812"


@dataclass(frozen=True)
class Received:
    """One e-mail as the server got it: the envelope and the raw bytes."""

    mail_from: str
    rcpt_tos: tuple[str, ...]
    data: bytes

    @property
    def message(self) -> EmailMessage:
        parsed = email.message_from_bytes(self.data, policy=default)
        assert isinstance(parsed, EmailMessage)
        return parsed

    @property
    def text(self) -> str:
        """The plain-text part, with the line ends SMTP gave it (CRLF) made plain again."""
        part = self.message.get_body(("plain",))
        assert part is not None
        return part.get_content().replace("\r\n", "\n")

    @property
    def html(self) -> str:
        part = self.message.get_body(("html",))
        assert part is not None
        return part.get_content().replace("\r\n", "\n")


@dataclass
class Inbox:
    """The aiosmtpd handler: stores every message; and who logged in, with what."""

    received: list[Received] = field(default_factory=list)
    logins: list[tuple[str, str]] = field(default_factory=list)
    refused: set[str] = field(default_factory=set)
    """Recipient addresses the server answers with 550 (as for an unknown mailbox)."""
    lock: threading.Lock = field(default_factory=threading.Lock)

    async def handle_RCPT(
        self, server: Any, session: Any, envelope: Any, address: str, rcpt_options: list[str]
    ) -> str:
        if address in self.refused:
            return "550 5.1.1 Ukendt modtager"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        data = envelope.original_content or envelope.content
        with self.lock:
            self.received.append(
                Received(envelope.mail_from, tuple(envelope.rcpt_tos), bytes(data))
            )
        return "250 Message accepted for delivery"

    def authenticate(
        self, server: Any, session: Any, envelope: Any, mechanism: str, auth_data: Any
    ) -> AuthResult:
        assert isinstance(auth_data, LoginPassword)
        login, password = auth_data.login.decode(), auth_data.password.decode()
        with self.lock:
            self.logins.append((login, password))
        return AuthResult(success=(login, password) == (SMTP_USER, SMTP_PASSWORD), handled=False)

    def to(self, address: str) -> list[Received]:
        """What arrived for `address` (its envelope recipient)."""
        return [mail for mail in self.received if address in mail.rcpt_tos]

    def __len__(self) -> int:
        return len(self.received)


class _Controller(Controller):
    """aiosmtpd's controller on port 0: the system picks a free port, read back once bound."""

    def _trigger_server(self) -> None:
        assert self.server is not None
        self.port = self.server.sockets[0].getsockname()[1]
        super()._trigger_server()


@dataclass(frozen=True)
class SmtpServer:
    inbox: Inbox
    host: str
    port: int
    tls: str
    login: bool


def _certificates(folder: Path) -> tuple[ssl.SSLContext, Path]:
    """A server context with a certificate for 127.0.0.1, and the CA file that signs it."""
    import trustme

    authority = trustme.CA()
    server_context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    authority.issue_cert("127.0.0.1").configure_cert(server_context)
    ca_file = folder / "test-ca.pem"
    authority.cert_pem.write_to_path(str(ca_file))
    return server_context, ca_file


@contextmanager
def smtp_server(
    folder: Path, *, tls: str = "none", login: bool = False
) -> Iterator[tuple[SmtpServer, Path | None]]:
    """Run a real SMTP server on 127.0.0.1 until the block ends; yields it and, for TLS, the
    CA file that the client must trust."""
    inbox = Inbox()
    kwargs: dict[str, Any] = {}
    ca_file = None
    if tls != "none":
        server_context, ca_file = _certificates(folder)
        if tls == "ssl":
            kwargs["ssl_context"] = server_context
        else:
            kwargs["tls_context"] = server_context
    if login:
        kwargs["authenticator"] = inbox.authenticate
        # Behind STARTTLS, aiosmtpd offers AUTH only once TLS is on; it does not know that an
        # SMTPS connection is encrypted from the first byte, so there it must be told.
        kwargs["auth_require_tls"] = tls == "starttls"
    controller = _Controller(inbox, hostname="127.0.0.1", port=0, **kwargs)
    controller.start()
    try:
        yield SmtpServer(inbox, "127.0.0.1", controller.port, tls, login), ca_file
    finally:
        controller.stop()


def configure_mail(
    monkeypatch: pytest.MonkeyPatch, server: SmtpServer, ca_file: Path | None = None, **extra: str
) -> None:
    """Point the settings at `server` through the environment, as an operator would."""
    values = {
        "DASHBOARD_SMTP_HOST": server.host,
        "DASHBOARD_SMTP_PORT": str(server.port),
        "DASHBOARD_SMTP_TLS": server.tls,
        "DASHBOARD_MAIL_FROM": SENDER,
        "DASHBOARD_PUBLIC_URL": PUBLIC_URL,
    }
    if server.login:
        values["DASHBOARD_SMTP_USERNAME"] = SMTP_USER
        values["DASHBOARD_SMTP_PASSWORD"] = SMTP_PASSWORD
    values.update(extra)
    for name, value in values.items():
        monkeypatch.setenv(name, value)
    if ca_file is not None:
        monkeypatch.setenv("SSL_CERT_FILE", str(ca_file))
    get_settings.cache_clear()
