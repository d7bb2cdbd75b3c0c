"""Faturas programadas para recorrência automática: each contract still billing, and its
honorários already generated ahead (INV-O-1), read from the contracts and their fee contas."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from contoffice.core.paging import Page, PageRequest
from contoffice.core.vocab import ChargeKind, ChargeStatus, ContractStatus
from contoffice.db.models import Charge, Contract, PaymentProfile
from contoffice.db.queries import panel_common as pc

FREQUENCY = "Mensal"  # contracts bill one honorário per competência


@dataclass(frozen=True, slots=True)
class RecurrenceRow:
    id: int  # the contract
    description: str
    amount_cents: int
    next_due: date | None  # the first scheduled fee not yet invoiced
    frequency: str
    remaining: int  # fees generated ahead, not yet invoiced
    profile: str | None


_ahead = (
    select(
        Charge.contract_id.label("contract_id"),
        func.min(Charge.due_date).label("next_due"),
        func.count().label("remaining"),
    )
    .where(Charge.kind == ChargeKind.FEE, Charge.invoice_id.is_(None),
           Charge.status == ChargeStatus.OPEN)
    .group_by(Charge.contract_id)
    .subquery()
)
_COLUMNS = (
    Contract.id,
    Contract.plan.label("description"),
    Contract.fee_cents.label("amount_cents"),
    _ahead.c.next_due,
    func.coalesce(_ahead.c.remaining, 0).label("remaining"),
    PaymentProfile.name.label("profile"),
)
CONDITIONS: dict[str, pc.Condition] = {
    "person_id": pc.equals(Contract.person_id),
    "description": pc.contains(Contract.plan),
    "profile": pc.contains(PaymentProfile.name),
}
SORTS: dict[str, Any] = {
    "description": Contract.plan,
    "amount_cents": Contract.fee_cents,
    "next_due": _ahead.c.next_due,
    "remaining": func.coalesce(_ahead.c.remaining, 0),
    "profile": PaymentProfile.name,
}
CONDITIONS.update(pc.range_filters(SORTS, date_keys=("next_due",), money_keys=("amount_cents",)))
_BILLING = (ContractStatus.ACTIVE, ContractStatus.CANCEL_REQUESTED, ContractStatus.SUSPENDED)


def _row(**values: Any) -> RecurrenceRow:
    return RecurrenceRow(frequency=FREQUENCY, **values)


def search(session: Session, request: PageRequest) -> Page[RecurrenceRow]:
    """The person's contracts that still bill, with what is scheduled ahead."""
    stmt = (
        select(*_COLUMNS)
        .outerjoin(_ahead, _ahead.c.contract_id == Contract.id)
        .outerjoin(PaymentProfile, PaymentProfile.id == Contract.payment_profile_id)
        .where(and_(Contract.status.in_(_BILLING)))
    )
    return pc.run(session, stmt, request, CONDITIONS, SORTS, Contract.id,
                  (_ahead.c.next_due.is_(None), _ahead.c.next_due), _row)
