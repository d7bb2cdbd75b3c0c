"""SMS, e-mail e Mensagens Enviadas: the outbox as a grid, per client or office-wide."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from contoffice.core.message_vocab import MessageChannel, MessageStatus
from contoffice.core.paging import Page, PageRequest
from contoffice.db.models import Operator, OutboundMessage, Person
from contoffice.db.queries import panel_common as pc

CHANNEL_LABELS = {c.value: c.label for c in MessageChannel}
STATUS_LABELS = {s.value: s.label for s in MessageStatus}


@dataclass(frozen=True, slots=True)
class MessageRow:
    id: int
    when: datetime  # sent, or queued when not sent
    channel: str
    person_id: int | None
    client: str
    destination: str
    copies: str
    subject: str
    attachments: str  # file names, comma-separated
    status: str
    error: str  # the server's reason when it failed
    operator: str | None
    invoice_id: int | None
    batch_id: int | None


def _names(text: str) -> str:
    """The attachments' file names from the stored descriptors."""
    if not text:
        return ""
    names = []
    for item in json.loads(text):
        kind = item.get("kind")
        names.append({"boleto": f"boleto-fatura-{item.get('invoice_id')}.pdf",
                      "carne": f"carne-{len(item.get('invoice_ids', []))}-parcelas.pdf",
                      "receipt": f"recibo-fatura-{item.get('invoice_id')}.pdf"}.get(
                          kind, str(item.get("filename", ""))))
    return ", ".join(names)


def _row(*, attachments: str, **values: Any) -> MessageRow:
    return MessageRow(attachments=_names(attachments), **values)


_WHEN = func.coalesce(OutboundMessage.sent_at, OutboundMessage.created_at)
CONDITIONS: dict[str, pc.Condition] = {
    "person_id": pc.equals(OutboundMessage.person_id),
    "batch_id": pc.equals(OutboundMessage.batch_id),
    "when": pc.dates(_WHEN),
    "channel": pc.label(OutboundMessage.channel, CHANNEL_LABELS),
    "client": pc.contains(Person.name),
    "destination": pc.contains(OutboundMessage.destination),
    "subject": pc.contains(OutboundMessage.subject),
    "status": pc.label(OutboundMessage.status, STATUS_LABELS),
    "status_in": pc.one_of(OutboundMessage.status),
    "operator": pc.contains(Operator.name),
    "invoice_id": pc.as_text(OutboundMessage.invoice_id),
}
SORTS: dict[str, Any] = {
    "when": _WHEN, "channel": OutboundMessage.channel, "client": Person.name,
    "destination": OutboundMessage.destination, "subject": OutboundMessage.subject,
    "status": OutboundMessage.status, "operator": Operator.name,
    "invoice_id": OutboundMessage.invoice_id,
}


def search(session: Session, request: PageRequest) -> Page[MessageRow]:
    """Messages, newest first (the panel's page passes the person)."""
    stmt = (select(OutboundMessage.id, _WHEN.label("when"), OutboundMessage.channel,
                   OutboundMessage.person_id, func.coalesce(Person.name, "").label("client"),
                   OutboundMessage.destination, OutboundMessage.copies,
                   OutboundMessage.subject, OutboundMessage.attachments,
                   OutboundMessage.status, OutboundMessage.last_error.label("error"),
                   Operator.name.label("operator"), OutboundMessage.invoice_id,
                   OutboundMessage.batch_id)
            .outerjoin(Person, Person.id == OutboundMessage.person_id)
            .outerjoin(Operator, Operator.id == OutboundMessage.created_by))
    return pc.run(session, stmt, request, CONDITIONS, SORTS, OutboundMessage.id,
                  (_WHEN.desc(),), _row)
