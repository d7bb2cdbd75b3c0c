"""The outbox: every message is a row written before it is sent, so it is sent at most once.

A row goes pending → sending → sent | failed. "sending" is written (and committed) before
the first byte goes to the server and "sent" right after the server accepts it. Only the
desk holding an account's lock sends on it, so a row that desk finds "sending" was left by
a desk that died mid-conversation: it becomes "uncertain" and waits for the clerk.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import insert, select, update

from contoffice.core.message_vocab import MessageChannel, MessageStatus
from contoffice.db.models import MessageBatch, OutboundMessage
from contoffice.db.uow import Database, UnitOfWork
from contoffice.errors import NotAllowed
from contoffice.services.kernel import audit
from contoffice.services.kernel.permissions import Actor
from contoffice.services.messaging import attachments as files
from contoffice.services.messaging import messages

RESENDABLE = (MessageStatus.FAILED, MessageStatus.UNCERTAIN)


@dataclass(frozen=True, slots=True)
class Draft:
    """One message to queue: who, what, and on which account or gateway."""

    channel: MessageChannel
    to: tuple[str, ...]
    subject: str
    body: str
    person_id: int | None = None
    invoice_id: int | None = None
    cc: tuple[str, ...] = ()
    attachments: tuple[files.Descriptor, ...] = ()
    account_id: int | None = None
    gateway_id: int | None = None


@dataclass(frozen=True, slots=True)
class Claimed:
    """A queued row's contents: what a desk needs to send it."""

    id: int
    channel: MessageChannel
    person_id: int | None
    to: tuple[str, ...]
    cc: tuple[str, ...]
    subject: str
    body: str
    attachments: str
    message_id: str


def _now() -> datetime:
    return datetime.now(UTC)


def _split(text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in text.split(",") if part.strip())


def queue(uow: UnitOfWork, actor: Actor, drafts: Sequence[Draft], *,
          batch: str | None = None) -> tuple[int | None, list[int]]:
    """Write the drafts as pending rows (and a batch if named); (batch id, row ids)."""
    batch_id = None
    if batch is not None:
        row = MessageBatch(description=batch[:200], total=len(drafts), created_by=actor.id,
                           channel=drafts[0].channel if drafts else MessageChannel.EMAIL)
        uow.session.add(row)
        uow.flush()
        batch_id = row.id
    if not drafts:
        return batch_id, []
    now = _now()
    values = [{
        "batch_id": batch_id, "channel": d.channel, "account_id": d.account_id,
        "gateway_id": d.gateway_id, "person_id": d.person_id, "invoice_id": d.invoice_id,
        "destination": ", ".join(d.to), "copies": ", ".join(d.cc),
        "subject": d.subject[:200], "body": d.body, "attachments": files.dumps(d.attachments),
        "status": MessageStatus.PENDING, "attempts": 0, "last_error": "",
        "message_id": f"<{uuid.uuid4().hex}@contoffice>", "claimed_by": "",
        "created_by": actor.id, "created_at": now} for d in drafts]
    ids = list(uow.session.scalars(insert(OutboundMessage).returning(
        OutboundMessage.id, sort_by_parameter_order=True), values))
    return batch_id, ids


def load(db: Database, row_id: int) -> Claimed | None:
    """A pending row's contents, or None when it is no longer pending."""
    with db.engine.connect() as conn:
        r = conn.execute(select(OutboundMessage.__table__).where(
            OutboundMessage.id == row_id,
            OutboundMessage.status == MessageStatus.PENDING)).first()
    if r is None:
        return None
    return Claimed(r.id, MessageChannel(r.channel), r.person_id, _split(r.destination),
                   _split(r.copies), r.subject, r.body, r.attachments, r.message_id)


def claim(db: Database, row_id: int, token: str) -> bool:
    """Take a pending row into "sending" (committed); False if it is no longer pending."""
    with db.engine.begin() as conn:
        return bool(conn.execute(update(OutboundMessage).where(
            OutboundMessage.id == row_id, OutboundMessage.status == MessageStatus.PENDING)
            .values(status=MessageStatus.SENDING, claimed_by=token,
                    attempts=OutboundMessage.attempts + 1)).rowcount)


def finish(db: Database, row_id: int, status: MessageStatus, *, error: str = "",
           actor_id: int | None = None) -> None:
    """Close a claimed row as sent or failed (committed)."""
    values: dict[str, object] = {"status": status, "last_error": error}
    if status is MessageStatus.SENT:
        values |= {"sent_at": _now(), "sent_by": actor_id}
    with db.engine.begin() as conn:
        conn.execute(update(OutboundMessage).where(OutboundMessage.id == row_id).values(values))


def release(db: Database, row_id: int) -> None:
    """Put a claimed row back to pending (nothing reached the server: a later run sends it)."""
    with db.engine.begin() as conn:
        conn.execute(update(OutboundMessage).where(
            OutboundMessage.id == row_id, OutboundMessage.status == MessageStatus.SENDING)
            .values(status=MessageStatus.PENDING))


def orphans_to_uncertain(db: Database, *, account_id: int | None = None,
                         gateway_id: int | None = None) -> int:
    """Rows a dead desk left "sending" on this account become "uncertain"; how many."""
    where = (OutboundMessage.account_id == account_id if account_id is not None
             else OutboundMessage.gateway_id == gateway_id)
    with db.engine.begin() as conn:
        return conn.execute(update(OutboundMessage).where(
            where, OutboundMessage.status == MessageStatus.SENDING)
            .values(status=MessageStatus.UNCERTAIN, last_error=messages.INTERRUPTED)).rowcount


def resend(uow: UnitOfWork, actor: Actor, ids: Sequence[int]) -> list[int]:
    """Put failed or interrupted messages back in the queue; the ids to send now."""
    with uow:
        rows = uow.session.scalars(select(OutboundMessage).where(
            OutboundMessage.id.in_(list(ids)))).all()
        for row in rows:
            if row.status not in RESENDABLE:
                raise NotAllowed(messages.NOT_RESENDABLE.format(
                    code=row.id, status=row.status.label.lower()))
        for row in rows:
            row.status = MessageStatus.PENDING
            audit.record(uow, actor, "messaging.resent", "outbound_message", row.id,
                         person_id=row.person_id, after={"destino": row.destination})
        uow.commit()
        return [row.id for row in rows]


def pending(db: Database, *, batch_id: int | None = None,
            ids: Sequence[int] | None = None) -> list[tuple[int, str, int | None, int | None]]:
    """Pending rows in scope, oldest first: (id, channel, account id, gateway id)."""
    query = select(OutboundMessage.id, OutboundMessage.channel, OutboundMessage.account_id,
                   OutboundMessage.gateway_id).where(
        OutboundMessage.status == MessageStatus.PENDING).order_by(OutboundMessage.id)
    if batch_id is not None:
        query = query.where(OutboundMessage.batch_id == batch_id)
    if ids is not None:
        query = query.where(OutboundMessage.id.in_(list(ids)))
    with db.engine.connect() as conn:
        return [(r.id, r.channel, r.account_id, r.gateway_id) for r in conn.execute(query)]
