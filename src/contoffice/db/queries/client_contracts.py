"""The Contratos page of the client panel: active, suspended, cancelled, awaiting."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from contoffice.core.paging import Page, PageRequest
from contoffice.core.vocab import ContractStatus
from contoffice.db.models import Contract, PaymentProfile
from contoffice.db.queries import panel_common as pc

STATUS_LABELS = {s.value: s.label for s in ContractStatus}


@dataclass(frozen=True, slots=True)
class ContractRow:
    id: int
    plan: str
    description: str
    fee_cents: int
    due_day: int
    starts_on: date
    ends_on: date | None
    status: str
    profile: str | None
    grouping: str


CONDITIONS: dict[str, pc.Condition] = {
    "person_id": pc.equals(Contract.person_id),
    "id": pc.as_text(Contract.id),
    "plan": pc.contains(Contract.plan),
    "description": pc.contains(Contract.description),
    "due_day": pc.number(Contract.due_day),
    "status": pc.label(Contract.status, STATUS_LABELS),
    "profile": pc.contains(PaymentProfile.name),
    "grouping": pc.contains(Contract.grouping),
}
SORTS: dict[str, Any] = {
    "id": Contract.id,
    "plan": Contract.plan,
    "fee_cents": Contract.fee_cents,
    "due_day": Contract.due_day,
    "starts_on": Contract.starts_on,
    "ends_on": Contract.ends_on,
    "status": Contract.status,
    "profile": PaymentProfile.name,
    "grouping": Contract.grouping,
}
CONDITIONS.update(
    pc.range_filters(SORTS, date_keys=("starts_on", "ends_on"), money_keys=("fee_cents",))
)


def search(session: Session, request: PageRequest) -> Page[ContractRow]:
    """The person's contracts, newest first unless the clerk sorts."""
    stmt = select(
        Contract.id,
        Contract.plan,
        Contract.description,
        Contract.fee_cents,
        Contract.due_day,
        Contract.starts_on,
        Contract.ends_on,
        Contract.status,
        PaymentProfile.name.label("profile"),
        Contract.grouping,
    ).outerjoin(PaymentProfile, PaymentProfile.id == Contract.payment_profile_id)
    return pc.run(
        session,
        stmt,
        request,
        CONDITIONS,
        SORTS,
        Contract.id,
        (Contract.starts_on.desc(),),
        ContractRow,
    )
