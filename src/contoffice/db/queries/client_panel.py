"""The client panel's header: who the client is and its balances with aging."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from contoffice.db.models import Invoice, Operator, Person, Settlement

OPEN_STATUSES = ("open", "partial")
# Days overdue: (label, first day, last day or None for "and more").
AGING_BUCKETS = (("1–30", 1, 30), ("31–60", 31, 60), ("61–90", 61, 90), ("> 90", 91, None))


@dataclass(frozen=True, slots=True)
class HeaderData:
    person_id: int
    name: str
    trade_name: str
    kind: str
    document: str
    email: str
    phone: str
    mobile: str
    city: str
    state: str
    active: bool
    assigned_operator: str | None
    internal_notes: str


@dataclass(frozen=True, slots=True)
class Balances:
    overdue_cents: int
    overdue_count: int
    current_cents: int
    current_count: int
    aging_cents: tuple[int, ...]  # one per AGING_BUCKETS
    paid_12_months_cents: int


def header(session: Session, person_id: int) -> HeaderData | None:
    """The registration data the header shows, or None when the person is gone."""
    row = (
        session.execute(
            select(
                Person.id.label("person_id"),
                Person.name,
                Person.trade_name,
                Person.kind,
                Person.document,
                Person.email,
                Person.phone,
                Person.mobile,
                Person.city,
                Person.state,
                Person.active,
                Operator.name.label("assigned_operator"),
                Person.internal_notes,
            )
            .outerjoin(Operator, Operator.id == Person.assigned_operator_id)
            .where(Person.id == person_id)
        )
        .mappings()
        .first()
    )
    return HeaderData(**row) if row else None


def balances(session: Session, person_id: int, today: date) -> Balances:
    """Overdue and current receivables, aging by days overdue, paid in the last 12 months."""
    balance = Invoice.amount_cents - Invoice.paid_cents
    overdue = Invoice.due_date < today
    columns = [
        func.coalesce(func.sum(case((overdue, balance), else_=0)), 0),
        func.coalesce(func.sum(case((overdue, 1), else_=0)), 0),
        func.coalesce(func.sum(case((overdue, 0), else_=balance)), 0),
        func.coalesce(func.sum(case((overdue, 0), else_=1)), 0),
    ]
    for _label, first, last in AGING_BUCKETS:
        # due_date between today-last and today-first: comparing dates keeps it portable.
        in_bucket = Invoice.due_date <= today - timedelta(days=first)
        if last is not None:
            in_bucket = in_bucket & (Invoice.due_date >= today - timedelta(days=last))
        columns.append(func.coalesce(func.sum(case((in_bucket, balance), else_=0)), 0))
    values = session.execute(
        select(*columns).where(
            Invoice.person_id == person_id,
            Invoice.direction == "R",
            Invoice.status.in_(OPEN_STATUSES),
        )
    ).one()
    paid = (
        session.scalar(
            select(func.coalesce(func.sum(Settlement.amount_cents), 0))
            .join(Invoice, Invoice.id == Settlement.invoice_id)
            .where(
                Settlement.person_id == person_id,
                Invoice.direction == "R",
                Settlement.settled_on > today - timedelta(days=365),
            )
        )
        or 0
    )
    return Balances(
        int(values[0]),
        int(values[1]),
        int(values[2]),
        int(values[3]),
        tuple(int(v) for v in values[4:]),
        int(paid),
    )
