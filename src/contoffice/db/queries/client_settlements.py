"""Contas a Receber / a Pagar Liquidadas: the settlements of a person's invoices."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from contoffice.core.paging import Page, PageRequest
from contoffice.db.models import Invoice, Operator, Settlement
from contoffice.db.queries import panel_common as pc

METHOD_LABELS = {
    "bank_profile": "Profile bancária",
    "other": "Outros",
    "return_file": "Retorno bancário",
    "cash": "Dinheiro",
}


@dataclass(frozen=True, slots=True)
class SettlementRow:
    id: int
    invoice_id: int
    description: str
    due_date: date
    invoice_cents: int
    amount_cents: int
    settled_on: date
    method: str
    operator: str | None
    reversed: bool
    justification: str


CONDITIONS: dict[str, pc.Condition] = {
    "person_id": pc.equals(Settlement.person_id),
    "direction": pc.equals(Invoice.direction),
    "invoice_id": pc.as_text(Settlement.invoice_id),
    "description": pc.contains(Invoice.description),
    "method": pc.label(Settlement.method, METHOD_LABELS),
    "operator": pc.contains(Operator.name),
    "justification": pc.contains(Settlement.justification),
}
SORTS: dict[str, Any] = {
    "id": Settlement.id,
    "invoice_id": Settlement.invoice_id,
    "description": Invoice.description,
    "due_date": Invoice.due_date,
    "invoice_cents": Invoice.amount_cents,
    "amount_cents": Settlement.amount_cents,
    "settled_on": Settlement.settled_on,
    "method": Settlement.method,
    "operator": Operator.name,
}
CONDITIONS.update(
    pc.range_filters(
        SORTS, date_keys=("due_date", "settled_on"), money_keys=("invoice_cents", "amount_cents")
    )
)


def search(session: Session, request: PageRequest) -> Page[SettlementRow]:
    """Settlements (and reversals) of the person's invoices of one direction."""
    stmt = (
        select(
            Settlement.id,
            Settlement.invoice_id,
            Invoice.description,
            Invoice.due_date,
            Invoice.amount_cents.label("invoice_cents"),
            Settlement.amount_cents,
            Settlement.settled_on,
            Settlement.method,
            Operator.name.label("operator"),
            Settlement.reversed,
            Settlement.justification,
        )
        .join(Invoice, Invoice.id == Settlement.invoice_id)
        .outerjoin(Operator, Operator.id == Settlement.operator_id)
    )
    return pc.run(
        session,
        stmt,
        request,
        CONDITIONS,
        SORTS,
        Settlement.id,
        (Settlement.settled_on.desc(),),
        SettlementRow,
    )
