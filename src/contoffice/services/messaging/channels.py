"""The two ways a queued message leaves: an SMTP session or an HTTP SMS gateway.

Both raise `Failure` (the clerk's sentence, and whether trying again may work); the password
or token is read from the keyring when the channel opens and never leaves this object.
"""

from __future__ import annotations

from typing import Protocol

from contoffice.core.secrets import STORE, sms_key
from contoffice.db.models import MailAccount, SmsGateway
from contoffice.messaging import sms, smtp
from contoffice.services.messaging import accounts, messages
from contoffice.services.messaging.outbox import Claimed


class Failure(Exception):
    """One message could not be sent; `temporary` says a retry may work."""

    def __init__(self, message: str, temporary: bool) -> None:
        super().__init__(message)
        self.message = message
        self.temporary = temporary


class Channel(Protocol):
    name: str
    daily_limit: int
    per_minute: int

    def send(self, row: Claimed, body: str, files: tuple[smtp.Attachment, ...]) -> None: ...

    def close(self) -> None: ...


class MailChannel:
    """An SMTP account, one session kept open for the whole run."""

    def __init__(self, row: MailAccount, *, timeout: float = 20,
                 ssl_context: object = None) -> None:
        secret = accounts.password(row)
        if row.username and secret is None:
            raise Failure(messages.NO_PASSWORD.format(name=row.name), temporary=False)
        self.name, self.daily_limit, self.per_minute = row.name, row.daily_limit, row.per_minute
        self._conn = smtp.Connection(accounts.smtp_account(row), secret, timeout=timeout,
                                     ssl_context=ssl_context)  # type: ignore[arg-type]

    def send(self, row: Claimed, body: str, files: tuple[smtp.Attachment, ...]) -> None:
        """Deliver one message on the session."""
        message = smtp.OutgoingMessage(to=row.to, cc=row.cc, subject=row.subject, body=body,
                                       attachments=files, message_id=row.message_id)
        try:
            self._conn.send(message)
        except smtp.SendError as error:
            raise Failure(error.message, error.temporary) from None

    def close(self) -> None:
        """End the session."""
        self._conn.close()


class SmsChannel:
    """An HTTP SMS gateway; each message is one request."""

    def __init__(self, row: SmsGateway, *, timeout: float = 15) -> None:
        self._token = STORE.get(sms_key(row.url))
        if self._token is None and "#token#" in f"{row.url}{row.headers}{row.body_template}":
            raise Failure(messages.NO_TOKEN.format(name=row.name), temporary=False)
        self.name, self.daily_limit, self.per_minute = row.name, row.daily_limit, row.per_minute
        self._config = sms.SmsGatewayConfig(url=row.url, method=row.method, headers=row.headers,
                                            body_template=row.body_template)
        self._timeout = timeout

    def send(self, row: Claimed, body: str, files: tuple[smtp.Attachment, ...]) -> None:
        """Ask the gateway to deliver the text to the phone."""
        try:
            sms.send_sms(self._config, self._token or "", row.to[0] if row.to else "", body,
                         timeout=self._timeout)
        except sms.SmsError as error:
            raise Failure(error.message, error.temporary) from None

    def close(self) -> None:
        """Nothing stays open between requests."""
