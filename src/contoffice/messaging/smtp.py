"""Sending e-mail over SMTP: the message, the conversation, and errors a clerk can read.

The password is handed in by the caller (it lives in the OS keyring); it is never kept here,
never written into an error text, and no error raised here chains to the library's exception.
A message goes to all its recipients or to none: every RCPT is answered before DATA is sent.
"""

from __future__ import annotations

import smtplib
import ssl
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager, suppress
from dataclasses import dataclass
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import formatdate
from typing import Literal

from contoffice.core.email import validate_email
from contoffice.core.validation import ValidationError
from contoffice.messaging import smtp_errors as texts
from contoffice.messaging.smtp_errors import SendError, explain, refusal

Security = Literal["starttls", "tls", "plain"]


@dataclass(frozen=True)
class SmtpAccount:
    """Where and as whom the office sends; the password is passed separately, never stored."""

    host: str
    port: int
    security: Security
    user: str
    sender_name: str
    sender_address: str


@dataclass(frozen=True)
class Attachment:
    """A file sent with the message."""

    filename: str
    content: bytes
    mime_type: str = "application/octet-stream"


@dataclass(frozen=True, kw_only=True)
class OutgoingMessage:
    """One message: plain-text pt-BR body; the Message-ID is kept so a resend keeps it."""

    to: tuple[str, ...]
    cc: tuple[str, ...] = ()
    subject: str
    body: str
    attachments: tuple[Attachment, ...] = ()
    message_id: str


def valid_address(text: str) -> bool:
    """Whether `text` is one plausible e-mail address (syntax only, no DNS)."""
    try:
        validate_email(text)
    except ValidationError:
        return False
    return True


def build_message(account: SmtpAccount, message: OutgoingMessage) -> EmailMessage:
    """The MIME message: encoded From, the given Message-ID, Date, UTF-8 body, attachments."""
    mime = EmailMessage()
    local, _, domain = account.sender_address.partition("@")
    mime["From"] = Address(display_name=account.sender_name, username=local, domain=domain)
    mime["To"] = ", ".join(message.to)
    if message.cc:
        mime["Cc"] = ", ".join(message.cc)
    # A line break in a header would let a template inject headers; keep one line.
    mime["Subject"] = " ".join(message.subject.split())
    mime["Date"] = formatdate(localtime=True)
    ident = message.message_id.strip()
    mime["Message-ID"] = ident if ident.startswith("<") else f"<{ident}>"
    # Quoted-printable keeps the accents readable and needs no 8BITMIME from the server.
    mime.set_content(message.body, charset="utf-8", cte="quoted-printable")
    for item in message.attachments:
        maintype, _, subtype = item.mime_type.partition("/")
        if not maintype or not subtype:
            maintype, subtype = "application", "octet-stream"
        mime.add_attachment(item.content, maintype=maintype, subtype=subtype,
                             filename=item.filename)
    return mime


def _prepare(account: SmtpAccount, message: OutgoingMessage) -> tuple[tuple[str, ...], bytes]:
    recipients = (*message.to, *message.cc)
    if not recipients:
        raise SendError(texts.NO_RECIPIENT, temporary=False)
    for address in (account.sender_address, *recipients):
        if not valid_address(address):
            raise SendError(texts.BAD_ADDRESS.format(address=address), temporary=False)
    payload = build_message(account, message)
    return recipients, payload.as_bytes(policy=payload.policy.clone(linesep="\r\n"))


def _deliver(smtp: smtplib.SMTP, sender: str, recipients: tuple[str, ...], data: bytes) -> None:
    code, reply = smtp.mail(sender)
    if code != 250:
        raise refusal(texts.SENDER_REFUSED, sender, code, reply)
    for address in recipients:
        code, reply = smtp.rcpt(address)
        if code not in (250, 251):
            with suppress(smtplib.SMTPException, OSError):
                smtp.rset()
            raise refusal(texts.RECIPIENT_REFUSED, address, code, reply)
    code, reply = smtp.data(data)
    if code != 250:
        raise refusal(texts.MESSAGE_REFUSED, "", code, reply)


def send(account: SmtpAccount, password: str | None, message: OutgoingMessage, *,
         timeout: float = 20, ssl_context: ssl.SSLContext | None = None) -> None:
    """Deliver `message` to the server, or raise SendError (pt-BR, password-free)."""
    recipients, data = _prepare(account, message)
    _converse(account, password,
              lambda smtp: _deliver(smtp, account.sender_address, recipients, data),
              timeout, ssl_context)


class Connection:
    """One SMTP session kept open across the messages of a batch; reopened after a failure."""

    def __init__(self, account: SmtpAccount, password: str | None, *, timeout: float = 20,
                 ssl_context: ssl.SSLContext | None = None) -> None:
        self._account = account
        self._password = password
        self._timeout = timeout
        self._context = ssl_context or ssl.create_default_context()
        self._session: AbstractContextManager[smtplib.SMTP] | None = None
        self._smtp: smtplib.SMTP | None = None

    def send(self, message: OutgoingMessage) -> None:
        """Deliver one message on the open session (opening it first), or raise SendError."""
        recipients, data = _prepare(self._account, message)
        failure: SendError | None = None
        try:
            if self._smtp is None:
                self._session = _session(self._account, self._password, self._timeout,
                                         self._context)
                self._smtp = self._session.__enter__()
            _deliver(self._smtp, self._account.sender_address, recipients, data)
        except OSError as error:
            failure = explain(error, f"{self._account.host}:{self._account.port}")
            self._drop()
        if failure is not None:
            raise failure from None

    def close(self) -> None:
        """Say goodbye to the server, if a session is open."""
        session, self._session, self._smtp = self._session, None, None
        if session is not None:
            with suppress(OSError):
                session.__exit__(None, None, None)

    def _drop(self) -> None:
        smtp, self._session, self._smtp = self._smtp, None, None
        if smtp is not None:
            with suppress(OSError):
                smtp.close()


def check_connection(account: SmtpAccount, password: str | None, *, timeout: float = 20,
                     ssl_context: ssl.SSLContext | None = None) -> None:
    """Connect, secure, log in and quit (the "testar conexão" button); raise SendError."""
    _converse(account, password, lambda smtp: None, timeout, ssl_context)


@contextmanager
def _session(account: SmtpAccount, password: str | None, timeout: float,
             context: ssl.SSLContext) -> Iterator[smtplib.SMTP]:
    if account.security == "tls":
        smtp: smtplib.SMTP = smtplib.SMTP_SSL(account.host, account.port, timeout=timeout,
                                              context=context)
    else:
        smtp = smtplib.SMTP(account.host, account.port, timeout=timeout)
    try:
        smtp.ehlo()
        if account.security == "starttls":
            smtp.starttls(context=context)
            smtp.ehlo()
        if account.user and password is not None:
            smtp.login(account.user, password)
        yield smtp
        # The message is already accepted: a failed goodbye must not make it look unsent.
        with suppress(smtplib.SMTPException, OSError):
            smtp.quit()
    finally:
        smtp.close()


def _converse(account: SmtpAccount, password: str | None, work: Callable[[smtplib.SMTP], None],
              timeout: float, ssl_context: ssl.SSLContext | None) -> None:
    context = ssl_context or ssl.create_default_context()
    failure: SendError | None = None
    try:
        with _session(account, password, timeout, context) as smtp:
            work(smtp)
    except OSError as error:  # smtplib's and ssl's errors are all OSErrors
        failure = explain(error, f"{account.host}:{account.port}")
    if failure is not None:
        # Raised outside the handler: no __context__, so no traceback can carry the password.
        raise failure from None
