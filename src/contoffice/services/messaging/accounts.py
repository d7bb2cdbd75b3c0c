"""Contas de envio: the office's SMTP accounts; passwords go to the OS keyring only."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, time

from sqlalchemy import func, select, update

from contoffice.core.email import validate_email
from contoffice.core.message_vocab import MailSecurity, MessageStatus
from contoffice.core.secrets import STORE, smtp_key
from contoffice.core.validation import ValidationError
from contoffice.db.models import MailAccount, OutboundMessage
from contoffice.db.uow import Database, UnitOfWork
from contoffice.errors import InvalidInput, NotAllowed
from contoffice.messaging.smtp import OutgoingMessage, SendError, SmtpAccount, send
from contoffice.services.kernel import audit
from contoffice.services.kernel.permissions import Actor, require
from contoffice.services.messaging import messages

PERMISSION = "settings.mail_accounts"


@dataclass(frozen=True, slots=True)
class AccountInput:
    """What the clerk types for an SMTP account."""

    name: str
    host: str
    port: int
    security: MailSecurity
    username: str
    sender_name: str
    sender_address: str
    daily_limit: int = 0
    per_minute: int = 0
    is_default: bool = False
    active: bool = True


@dataclass(frozen=True, slots=True)
class AccountRow:
    """An account as listed: its settings, whether this desk has its password, today's count."""

    id: int
    data: AccountInput
    has_password: bool
    sent_today: int


def _required(value: str, field: str) -> str:
    value = (value or "").strip()
    if not value:
        raise InvalidInput(messages.REQUIRED.format(field=field.lower()), field=field)
    return value


def check_account(data: AccountInput) -> AccountInput:
    """The input trimmed and validated, or InvalidInput naming the field."""
    if not 1 <= data.port <= 65535:
        raise InvalidInput(messages.PORT_RANGE, field="Porta")
    for value, field in ((data.daily_limit, "Limite diário"), (data.per_minute, "Por minuto")):
        if value < 0:
            raise InvalidInput(messages.LIMIT_RANGE.format(field=field), field=field)
    try:
        sender = validate_email(data.sender_address, "E-mail do remetente")
    except ValidationError as error:
        raise InvalidInput(error.message, field="E-mail do remetente") from None
    return AccountInput(
        name=_required(data.name, "Nome"), host=_required(data.host, "Servidor").lower(),
        port=data.port, security=MailSecurity(data.security), username=data.username.strip(),
        sender_name=data.sender_name.strip(), sender_address=sender,
        daily_limit=data.daily_limit, per_minute=data.per_minute,
        is_default=data.is_default, active=data.active)


def smtp_account(row: MailAccount) -> SmtpAccount:
    """The library's view of a stored account."""
    return SmtpAccount(host=row.host, port=row.port, security=row.security.value,
                       user=row.username, sender_name=row.sender_name,
                       sender_address=row.sender_address)


def secret_key(row: MailAccount | AccountInput) -> str:
    """The keyring entry of the account's password."""
    return smtp_key(row.username, row.host)


def password(row: MailAccount) -> str | None:
    """The account's password from the keyring (or this run's memory); None if not kept."""
    if not row.username:
        return None
    return STORE.get(secret_key(row))


def save_account(uow: UnitOfWork, actor: Actor, data: AccountInput, *,
                 account_id: int | None = None, new_password: str | None = None) -> int:
    """Create or update an account; a new password goes to the keyring. Returns the id."""
    require(actor, PERMISSION)
    data = check_account(data)
    with uow:
        taken = uow.session.scalar(select(MailAccount.id).where(
            func.lower(MailAccount.name) == data.name.lower()))
        if taken is not None and taken != account_id:
            raise InvalidInput(messages.ACCOUNT_NAME_USED.format(name=data.name), field="Nome")
        values = {f: getattr(data, f) for f in AccountInput.__dataclass_fields__}
        if account_id is None:
            row = MailAccount(**values)
            uow.session.add(row)
        else:
            row = uow.get(MailAccount, account_id, what="Conta de envio")
            for key, value in values.items():
                setattr(row, key, value)
        uow.flush()
        if data.is_default:
            uow.session.execute(update(MailAccount).where(MailAccount.id != row.id)
                                .values(is_default=False))
        audit.record(uow, actor, "messaging.account_saved", "mail_account", row.id,
                     after={"name": data.name, "host": data.host, "port": data.port,
                            "usuario": data.username, "remetente": data.sender_address})
        uow.commit()
        if new_password:
            STORE.put(secret_key(data), new_password)
        return row.id


def _today_start() -> datetime:
    return datetime.combine(datetime.now(UTC).date(), time(0), tzinfo=UTC)


def sent_today(uow: UnitOfWork, account_id: int) -> int:
    """How many messages the account sent since midnight (UTC) — its daily limit's count."""
    return uow.session.scalar(select(func.count()).select_from(OutboundMessage).where(
        OutboundMessage.account_id == account_id,
        OutboundMessage.status == MessageStatus.SENT,
        OutboundMessage.sent_at >= _today_start())) or 0


def list_accounts(uow: UnitOfWork, *, only_active: bool = False) -> list[AccountRow]:
    """Every account, the default first."""
    with uow:
        return accounts_in(uow, only_active=only_active)


def accounts_in(uow: UnitOfWork, *, only_active: bool = False) -> list[AccountRow]:
    """`list_accounts` inside the caller's open unit of work."""
    query = select(MailAccount).order_by(MailAccount.is_default.desc(), MailAccount.name)
    if only_active:
        query = query.where(MailAccount.active.is_(True))
    return [AccountRow(
        id=r.id, data=AccountInput(**{f: getattr(r, f) for f in AccountInput.__dataclass_fields__}),
        has_password=not r.username or password(r) is not None,
        sent_today=sent_today(uow, r.id)) for r in uow.session.scalars(query)]


def find_account(uow: UnitOfWork, name: str | None = None) -> MailAccount:
    """The active account called `name`, or the default one (refused when there is none)."""
    query = select(MailAccount)
    if name:
        query = query.where(func.lower(MailAccount.name) == name.strip().lower())
    else:
        query = query.where(MailAccount.active.is_(True)).order_by(
            MailAccount.is_default.desc(), MailAccount.id)
    row = uow.session.scalars(query.limit(1)).first()
    if row is None:
        raise NotAllowed(messages.ACCOUNT_UNKNOWN.format(name=name) if name
                         else messages.NO_ACCOUNT)
    if not row.active:
        raise NotAllowed(messages.ACCOUNT_INACTIVE.format(name=row.name))
    return row


def remember_password(db: Database, account_id: int, secret: str) -> bool:
    """Keep a password typed at sending time; True when the OS keyring took it."""
    with db.uow() as uow:
        row = uow.get(MailAccount, account_id, what="Conta de envio")
        return STORE.put(secret_key(row), secret)


def test_account(db: Database, actor: Actor, account_id: int, to: str | None = None) -> str:
    """Send a test message through the account ("Testar conexão"); the pt-BR outcome."""
    require(actor, PERMISSION)
    with db.uow() as uow:
        row = uow.get(MailAccount, account_id, what="Conta de envio")
        account, secret, name = smtp_account(row), password(row), row.name
    if row.username and secret is None:
        raise NotAllowed(messages.NO_PASSWORD.format(name=name))
    target = (to or account.sender_address).strip()
    message = OutgoingMessage(to=(target,), subject=messages.TEST_SUBJECT.format(name=name),
                              body=messages.TEST_BODY.format(name=name),
                              message_id=f"<teste-{uuid.uuid4().hex}@contoffice>")
    try:
        send(account, secret, message)
    except SendError as error:
        raise NotAllowed(error.message) from None
    return messages.TEST_SENT.format(to=target)
