"""Sending e-mail over SMTP: the message, the conversation, and errors a clerk can read.

The password is handed in by the caller (it lives in the OS keyring); it is never kept here,
never written into an error text, and no error raised here chains to the library's exception.
A message goes to all its recipients or to none: every RCPT is answered before DATA is sent.
"""

from __future__ import annotations

import smtplib
import ssl
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import formatdate
from typing import Literal

from contoffice.core.email import validate_email
from contoffice.core.validation import ValidationError

Security = Literal["starttls", "tls", "plain"]

_AUTH_REFUSED = "O servidor recusou o usuário ou a senha."
_NO_AUTH = "O servidor {where} não aceita autenticação por usuário e senha."
_CANNOT_CONNECT = "Não foi possível conectar a {where}."
_TIMED_OUT = "O servidor {where} não respondeu a tempo."
_DROPPED = "O servidor {where} encerrou a conexão."
_TLS_FAILED = "Falha na conexão segura (TLS) com {where}."
_BAD_CERTIFICATE = "Falha na conexão segura (TLS): o certificado de {where} não é válido."
_NO_STARTTLS = "Falha na conexão segura (TLS): {where} não oferece STARTTLS."
_SERVER_ERROR = "O servidor {where} respondeu com erro: {reply}"
_SENDER_REFUSED = "O servidor recusou o remetente {address}: {reply}"
_RECIPIENT_REFUSED = "O servidor recusou o destinatário {address}: {reply}"
_MESSAGE_REFUSED = "O servidor recusou a mensagem: {reply}"
_BAD_ADDRESS = "Endereço de e-mail inválido: {address}"
_NO_RECIPIENT = "A mensagem não tem destinatário."


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


class SendError(Exception):
    """Sending failed; `temporary` says whether trying again later may work."""

    def __init__(self, message: str, temporary: bool) -> None:
        super().__init__(message)
        self.message = message
        self.temporary = temporary


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


def send(account: SmtpAccount, password: str | None, message: OutgoingMessage, *,
         timeout: float = 20, ssl_context: ssl.SSLContext | None = None) -> None:
    """Deliver `message` to the server, or raise SendError (pt-BR, password-free)."""
    recipients = (*message.to, *message.cc)
    if not recipients:
        raise SendError(_NO_RECIPIENT, temporary=False)
    for address in (account.sender_address, *recipients):
        if not valid_address(address):
            raise SendError(_BAD_ADDRESS.format(address=address), temporary=False)
    payload = build_message(account, message)
    data = payload.as_bytes(policy=payload.policy.clone(linesep="\r\n"))

    def deliver(smtp: smtplib.SMTP) -> None:
        code, reply = smtp.mail(account.sender_address)
        if code != 250:
            raise _refusal(_SENDER_REFUSED, account.sender_address, code, reply)
        for address in recipients:
            code, reply = smtp.rcpt(address)
            if code not in (250, 251):
                with suppress(smtplib.SMTPException, OSError):
                    smtp.rset()
                raise _refusal(_RECIPIENT_REFUSED, address, code, reply)
        code, reply = smtp.data(data)
        if code != 250:
            raise _refusal(_MESSAGE_REFUSED, "", code, reply)

    _converse(account, password, deliver, timeout, ssl_context)


def check_connection(account: SmtpAccount, password: str | None, *, timeout: float = 20,
                     ssl_context: ssl.SSLContext | None = None) -> None:
    """Connect, secure, log in and quit (the "testar conexão" button); raise SendError."""
    _converse(account, password, lambda smtp: None, timeout, ssl_context)


def _reply(code: int, reply: bytes | str) -> str:
    text = reply.decode("utf-8", "replace") if isinstance(reply, bytes) else reply
    return f"{code} {text}".strip()


def _refusal(template: str, address: str, code: int, reply: bytes) -> SendError:
    text = template.format(address=address, reply=_reply(code, reply))
    return SendError(text, temporary=code // 100 == 4)


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
        failure = _explain(error, f"{account.host}:{account.port}")
    if failure is not None:
        # Raised outside the handler: no __context__, so no traceback can carry the password.
        raise failure from None


def _explain(error: Exception, where: str) -> SendError:
    """Translate a library error into a clerk's sentence and a retry verdict."""
    if isinstance(error, smtplib.SMTPAuthenticationError):
        return SendError(_AUTH_REFUSED, temporary=error.smtp_code // 100 == 4)
    if isinstance(error, smtplib.SMTPNotSupportedError):
        template = _NO_STARTTLS if "STARTTLS" in str(error) else _NO_AUTH
        return SendError(template.format(where=where), temporary=False)
    if isinstance(error, smtplib.SMTPResponseException):
        reply = _reply(error.smtp_code, error.smtp_error)
        return SendError(_SERVER_ERROR.format(where=where, reply=reply),
                         temporary=error.smtp_code // 100 == 4)
    if isinstance(error, smtplib.SMTPServerDisconnected):
        return SendError(_DROPPED.format(where=where), temporary=True)
    if isinstance(error, smtplib.SMTPException):  # e.g. no AUTH mechanism in common
        return SendError(_NO_AUTH.format(where=where), temporary=False)
    if isinstance(error, ssl.SSLCertVerificationError):
        return SendError(_BAD_CERTIFICATE.format(where=where), temporary=False)
    if isinstance(error, ssl.SSLError):
        return SendError(_TLS_FAILED.format(where=where), temporary=False)
    if isinstance(error, TimeoutError):
        return SendError(_TIMED_OUT.format(where=where), temporary=True)
    if isinstance(error, ConnectionResetError | BrokenPipeError):
        return SendError(_DROPPED.format(where=where), temporary=True)
    return SendError(_CANNOT_CONNECT.format(where=where), temporary=True)
