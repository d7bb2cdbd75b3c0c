"""Negativas de Débitos: a client's annual debt-clearance declarations as a grid."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import String, cast, func, literal, select
from sqlalchemy.orm import Session

from contoffice.core.paging import Page, PageRequest
from contoffice.db.models import ClearanceDeclaration, Operator, OutboundMessage
from contoffice.db.queries import panel_common as pc

D = ClearanceDeclaration
# How services/messaging/attachments.py stores a declaration attached to a message (JSON
# with its default separators, the keys in this order): the declaration's e-mails are found
# by it, so "Enviada em" says when one really left, whichever screen sent it.
ATTACHMENT_MARK = '"kind": "clearance", "declaration_id": '


def _sent_at() -> Any:
    pattern = literal("%" + ATTACHMENT_MARK, String) + cast(D.id, String) + literal(",%", String)
    return (select(func.max(OutboundMessage.sent_at))
            .where(OutboundMessage.person_id == D.person_id,
                   OutboundMessage.status == "sent",
                   OutboundMessage.attachments.like(pattern))
            .correlate(D).scalar_subquery())


@dataclass(frozen=True, slots=True)
class ClearanceRow:
    id: int
    person_id: int
    year: int
    generated_at: datetime
    operator: str | None
    invoices: int
    amount_cents: int
    sent_at: datetime | None


_SENT = _sent_at()
CONDITIONS: dict[str, pc.Condition] = {
    "person_id": pc.equals(D.person_id),
    "year": pc.number(D.year),
    "generated_at": pc.dates(D.generated_at),
    "operator": pc.contains(Operator.name),
    "invoices": pc.number(D.invoice_count),
    "amount_cents": pc.money(D.total_cents),
}
SORTS: dict[str, Any] = {
    "year": D.year, "generated_at": D.generated_at, "operator": Operator.name,
    "invoices": D.invoice_count, "amount_cents": D.total_cents,
}


def search(session: Session, request: PageRequest) -> Page[ClearanceRow]:
    """The declarations, the latest year first (the panel's page passes the person)."""
    stmt = (select(D.id, D.person_id, D.year, D.generated_at, Operator.name.label("operator"),
                   D.invoice_count.label("invoices"), D.total_cents.label("amount_cents"),
                   _SENT.label("sent_at"))
            .outerjoin(Operator, Operator.id == D.generated_by))
    return pc.run(session, stmt, request, CONDITIONS, SORTS, D.id, (D.year.desc(),),
                  ClearanceRow)
