"""Contas pages of the client panel: a receber não faturadas, and contas a pagar."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from contoffice.core.paging import Page, PageRequest
from contoffice.core.vocab import ChargeKind, ChargeStatus
from contoffice.db.models import Charge, LedgerAccount
from contoffice.db.queries import panel_common as pc

STATUS_LABELS = {s.value: s.label for s in ChargeStatus}
KIND_LABELS = {
    ChargeKind.FEE.value: "Honorário",
    ChargeKind.ONE_OFF.value: "Avulsa",
    ChargeKind.DISCOUNT.value: "Desconto",
    ChargeKind.SURCHARGE.value: "Acréscimo",
    ChargeKind.ADDITIONAL.value: "Cobrança adicional",
}


@dataclass(frozen=True, slots=True)
class ChargeRow:
    id: int
    kind: str
    description: str
    amount_cents: int
    due_date: date
    competence: date | None
    period_start: date | None
    period_end: date | None
    installment: int | None
    status: str
    invoice_id: int | None
    contract_id: int | None
    ledger: str | None
    suspension_reason: str


CONDITIONS: dict[str, pc.Condition] = {
    "person_id": pc.equals(Charge.person_id),
    "direction": pc.equals(Charge.direction),
    "unbilled": lambda value: Charge.invoice_id.is_(None) if value else None,
    "status_not": lambda value: Charge.status != value,
    "id": pc.as_text(Charge.id),
    "kind": pc.label(Charge.kind, KIND_LABELS),
    "description": pc.contains(Charge.description),
    "status": pc.label(Charge.status, STATUS_LABELS),
    "invoice_id": pc.as_text(Charge.invoice_id),
    "ledger": pc.contains(LedgerAccount.name),
}
SORTS: dict[str, Any] = {
    "id": Charge.id,
    "kind": Charge.kind,
    "description": Charge.description,
    "amount_cents": Charge.amount_cents,
    "due_date": Charge.due_date,
    "competence": Charge.competence,
    "status": Charge.status,
    "invoice_id": Charge.invoice_id,
    "ledger": LedgerAccount.name,
}
CONDITIONS.update(
    pc.range_filters(SORTS, date_keys=("due_date", "competence"), money_keys=("amount_cents",))
)


def search(session: Session, request: PageRequest) -> Page[ChargeRow]:
    """The person's contas for the page's fixed filters and the clerk's column filters."""
    stmt = select(
        Charge.id,
        Charge.kind,
        Charge.description,
        Charge.amount_cents,
        Charge.due_date,
        Charge.competence,
        Charge.period_start,
        Charge.period_end,
        Charge.installment,
        Charge.status,
        Charge.invoice_id,
        Charge.contract_id,
        LedgerAccount.name.label("ledger"),
        Charge.suspension_reason,
    ).outerjoin(LedgerAccount, LedgerAccount.id == Charge.ledger_account_id)
    return pc.run(
        session, stmt, request, CONDITIONS, SORTS, Charge.id, (Charge.due_date.desc(),), ChargeRow
    )
