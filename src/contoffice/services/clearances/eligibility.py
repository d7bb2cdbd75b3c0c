"""Whether a client may have the declaration of a closed year (Lei 12.007/2009, art. 2).

The year runs January to December by invoice due date; every receivable invoice due
in it (removed ones aside) must be settled. A client billed only some months gets the
months billed (§2): the invoices are simply the ones there are.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from contoffice.core.format import format_date, format_datetime, format_money
from contoffice.core.vocab import InvoiceStatus
from contoffice.db.models import ClearanceDeclaration, Invoice, Person
from contoffice.db.uow import UnitOfWork
from contoffice.errors import InvalidInput
from contoffice.services.clearances import messages as m

FIRST_YEAR = 2000


@dataclass(frozen=True, slots=True)
class YearInvoice:
    """A receivable invoice due in the year, as the declaration would keep it."""

    id: int
    due_date: date
    competence: date | None
    amount_cents: int
    paid_cents: int
    settled_on: date | None
    status: str


@dataclass(frozen=True, slots=True)
class Eligibility:
    """The answer for one client and year: eligible, or why not."""

    person_id: int
    name: str
    year: int
    eligible: bool
    reason: str
    invoices: tuple[YearInvoice, ...]
    existing_id: int | None = None

    @property
    def total_cents(self) -> int:
        """The sum of the year's invoices."""
        return sum(i.amount_cents for i in self.invoices)


def check_year(year: int, today: date) -> None:
    """Refuse a year not yet closed (or not a year at all)."""
    if year < FIRST_YEAR or year > today.year + 50:
        raise InvalidInput(m.YEAR_INVALID.format(year=year), field="Ano")
    if year >= today.year:
        raise InvalidInput(m.YEAR_NOT_CLOSED.format(current=today.year), field="Ano")


def year_invoices(uow: UnitOfWork, year: int,
                  person_ids: Iterable[int] | None = None) -> dict[int, list[YearInvoice]]:
    """Each client's receivable invoices due in `year`, removed ones left out."""
    stmt = (select(Invoice.person_id, Invoice.id, Invoice.due_date, Invoice.competence,
                   Invoice.amount_cents, Invoice.paid_cents, Invoice.settled_on, Invoice.status)
            .where(Invoice.direction == "R", Invoice.status != InvoiceStatus.REMOVED,
                   Invoice.due_date.between(date(year, 1, 1), date(year, 12, 31)))
            .order_by(Invoice.person_id, Invoice.due_date, Invoice.id))
    if person_ids is not None:
        stmt = stmt.where(Invoice.person_id.in_(list(person_ids)))
    found: dict[int, list[YearInvoice]] = {}
    for row in uow.session.execute(stmt):
        found.setdefault(row.person_id, []).append(YearInvoice(
            row.id, row.due_date, row.competence, row.amount_cents, row.paid_cents,
            row.settled_on, str(row.status)))
    return found


def _blocking(invoice: YearInvoice) -> str | None:
    if invoice.status == InvoiceStatus.SETTLED:
        return None
    if invoice.status == InvoiceStatus.PARTIAL:
        balance = format_money(max(invoice.amount_cents - invoice.paid_cents, 0))
        state = m.STATE_PARTIAL.format(balance=balance)
    elif invoice.status == InvoiceStatus.SUSPENDED:
        state = m.STATE_SUSPENDED
    else:
        state = m.STATE_OPEN
    return m.BLOCKING.format(id=invoice.id, due=format_date(invoice.due_date), state=state)


def judge(person_id: int, name: str, year: int, invoices: list[YearInvoice],
          existing: ClearanceDeclaration | None) -> Eligibility:
    """Eligible or not, with the reason a clerk reads."""
    def no(reason: str) -> Eligibility:
        return Eligibility(person_id, name, year, False, reason, tuple(invoices),
                           existing.id if existing else None)

    if existing is not None:
        return no(m.ALREADY.format(year=year, when=format_datetime(existing.generated_at),
                                   id=existing.id))
    if not invoices:
        return no(m.NO_INVOICES.format(name=name, year=year))
    blocking = [b for b in map(_blocking, invoices) if b]
    if blocking:
        return no(m.OPEN_INVOICES.format(year=year, items="; ".join(blocking)))
    total = format_money(sum(i.amount_cents for i in invoices))
    return Eligibility(person_id, name, year, True,
                       m.ELIGIBLE.format(count=len(invoices), total=total), tuple(invoices))


def existing_for(uow: UnitOfWork, year: int,
                 person_ids: Iterable[int] | None = None) -> dict[int, ClearanceDeclaration]:
    """The declarations already issued for `year`, by client."""
    stmt = select(ClearanceDeclaration).where(ClearanceDeclaration.year == year)
    if person_ids is not None:
        stmt = stmt.where(ClearanceDeclaration.person_id.in_(list(person_ids)))
    return {d.person_id: d for d in uow.session.scalars(stmt)}


def assess(uow: UnitOfWork, person_id: int, year: int, *, today: date | None = None) -> Eligibility:
    """The eligibility of one client for `year` (a closed year)."""
    check_year(year, today or date.today())
    person = uow.get(Person, person_id, what="Cadastro")
    invoices = year_invoices(uow, year, [person_id]).get(person_id, [])
    existing = existing_for(uow, year, [person_id]).get(person_id)
    return judge(person_id, person.name, year, invoices, existing)
