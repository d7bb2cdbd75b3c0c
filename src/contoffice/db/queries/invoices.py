"""Invoice grids (Faturas a Receber / a Pagar / Excluídas / Liquidadas), server-side."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from contoffice.core.paging import Page, PageRequest
from contoffice.db.models import Invoice
from contoffice.db.queries.common import apply_sort, page


@dataclass(frozen=True, slots=True)
class InvoiceRow:
    id: int
    person_id: int
    direction: str
    our_number: int | None
    payment_profile_id: int | None
    description: str
    issue_date: date
    due_date: date
    competence: date | None
    amount_cents: int
    paid_cents: int
    status: str
    settled_on: date | None
    remittance_status: str
    in_spc: bool
    contract_id: int | None


_COLUMNS = (
    Invoice.id,
    Invoice.person_id,
    Invoice.direction,
    Invoice.our_number,
    Invoice.payment_profile_id,
    Invoice.description,
    Invoice.issue_date,
    Invoice.due_date,
    Invoice.competence,
    Invoice.amount_cents,
    Invoice.paid_cents,
    Invoice.status,
    Invoice.settled_on,
    Invoice.remittance_status,
    Invoice.in_spc,
    Invoice.contract_id,
)
SORT_COLUMNS: dict[str, Any] = {
    "id": Invoice.id,
    "our_number": Invoice.our_number,
    "due_date": Invoice.due_date,
    "issue_date": Invoice.issue_date,
    "amount_cents": Invoice.amount_cents,
    "status": Invoice.status,
    "description": Invoice.description,
    "settled_on": Invoice.settled_on,
}


def filtered(filters: Mapping[str, Any]) -> Select[Any]:
    """Invoices matching person, direction, status set, due-date range and text."""
    stmt = select(*_COLUMNS)
    for key, value in filters.items():
        if value is None or value == "":
            continue
        if key == "person_id":
            stmt = stmt.where(Invoice.person_id == int(value))
        elif key == "direction":
            stmt = stmt.where(Invoice.direction == value)
        elif key == "status":
            statuses = [value] if isinstance(value, str) else list(value)
            stmt = stmt.where(Invoice.status.in_(statuses))
        elif key == "due_from":
            stmt = stmt.where(Invoice.due_date >= value)
        elif key == "due_to":
            stmt = stmt.where(Invoice.due_date <= value)
        elif key == "our_number":
            stmt = stmt.where(Invoice.our_number == int(value))
        elif key == "description":
            stmt = stmt.where(Invoice.description.contains(str(value), autoescape=True))
        else:
            raise KeyError(f"unknown invoice filter {key!r}")
    return stmt


def search(session: Session, request: PageRequest) -> Page[InvoiceRow]:
    """One page of invoices for the request's filters and sort (due date by default)."""
    sort = request.sort or ()
    stmt = filtered(request.filters)
    if not sort:
        stmt = stmt.order_by(Invoice.due_date, Invoice.id)
    else:
        stmt = apply_sort(stmt, request, SORT_COLUMNS, Invoice.id)
    return page(session, stmt, request, InvoiceRow)
