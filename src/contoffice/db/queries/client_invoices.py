"""Invoice pages of the client panel: a receber, a pagar, excluídas, fiscais pendentes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from contoffice.core.paging import Page, PageRequest
from contoffice.core.vocab import InvoiceStatus
from contoffice.db.models import Invoice, Operator, PaymentProfile
from contoffice.db.queries import panel_common as pc

STATUS_LABELS = {s.value: s.label for s in InvoiceStatus}
REMITTANCE_LABELS = {
    "none": "Sem remessa",
    "pending": "Aguarda remessa",
    "generated": "Remessa gerada",
    "transmitted": "Remessa transmitida",
}
FISCAL_LABELS = {"none": "Não gerado", "pending": "Pendente", "issued": "Gerado"}


@dataclass(frozen=True, slots=True)
class ClientInvoiceRow:
    """One invoice with what every invoice page of the panel shows."""

    id: int
    our_number: int | None
    description: str
    issue_date: date
    due_date: date
    competence: date | None
    amount_cents: int
    paid_cents: int
    balance_cents: int
    status: str
    settled_on: date | None
    remittance_status: str
    fiscal_status: str
    in_spc: bool
    profile: str | None
    contract_id: int | None
    removed_at: datetime | None
    removed_by: str | None
    removal_reason: str
    replaced_by_id: int | None


_remover = aliased(Operator)
_COLUMNS = (
    Invoice.id,
    Invoice.our_number,
    Invoice.description,
    Invoice.issue_date,
    Invoice.due_date,
    Invoice.competence,
    Invoice.amount_cents,
    Invoice.paid_cents,
    (Invoice.amount_cents - Invoice.paid_cents).label("balance_cents"),
    Invoice.status,
    Invoice.settled_on,
    Invoice.remittance_status,
    Invoice.fiscal_status,
    Invoice.in_spc,
    PaymentProfile.name.label("profile"),
    Invoice.contract_id,
    Invoice.removed_at,
    _remover.name.label("removed_by"),
    Invoice.removal_reason,
    Invoice.replaced_by_id,
)
CONDITIONS: dict[str, pc.Condition] = {
    "person_id": pc.equals(Invoice.person_id),
    "direction": pc.equals(Invoice.direction),
    "status_in": pc.one_of(Invoice.status),
    "status_not": lambda value: Invoice.status != value,
    "fiscal_status": pc.equals(Invoice.fiscal_status),
    "id": pc.as_text(Invoice.id),
    "our_number": pc.as_text(Invoice.our_number),
    "description": pc.contains(Invoice.description),
    "status": pc.label(Invoice.status, STATUS_LABELS),
    "remittance": pc.label(Invoice.remittance_status, REMITTANCE_LABELS),
    "profile": pc.contains(PaymentProfile.name),
    "removed_by": pc.contains(_remover.name),
    "removal_reason": pc.contains(Invoice.removal_reason),
}
SORTS: dict[str, Any] = {
    "id": Invoice.id,
    "our_number": Invoice.our_number,
    "description": Invoice.description,
    "issue_date": Invoice.issue_date,
    "due_date": Invoice.due_date,
    "competence": Invoice.competence,
    "amount_cents": Invoice.amount_cents,
    "paid_cents": Invoice.paid_cents,
    "balance_cents": Invoice.amount_cents - Invoice.paid_cents,
    "status": Invoice.status,
    "settled_on": Invoice.settled_on,
    "remittance_status": Invoice.remittance_status,
    "profile": PaymentProfile.name,
    "removed_at": Invoice.removed_at,
    "removed_by": _remover.name,
}
CONDITIONS.update(
    pc.range_filters(
        SORTS,
        date_keys=("issue_date", "due_date", "competence", "settled_on"),
        money_keys=("amount_cents", "paid_cents", "balance_cents"),
    )
)


def _base() -> Any:
    return (
        select(*_COLUMNS)
        .outerjoin(PaymentProfile, PaymentProfile.id == Invoice.payment_profile_id)
        .outerjoin(_remover, _remover.id == Invoice.removed_by)
    )


def search(session: Session, request: PageRequest) -> Page[ClientInvoiceRow]:
    """Invoices of a person for the page's fixed filters plus the clerk's column filters."""
    default = (Invoice.due_date.desc(),)
    if request.filters.get("status_in") == ["removed"]:
        default = (Invoice.removed_at.desc(),)
    return pc.run(
        session, _base(), request, CONDITIONS, SORTS, Invoice.id, default, ClientInvoiceRow
    )
