"""Faturas programadas para recorrência automática: each contract still billing, when its
next honorário falls due and how many are scheduled ahead (INV-O-1), read from the
contracts and their fee contas.

"Parcelas programadas" counts the fee contas generated ahead: not invoiced, open, due
today or later. "Próximo vencimento" is the first of them; a contract with none
scheduled shows when the honorário of its next competência to bill will fall due
under its regra de vencimento (core.due_dates), so it is never empty while the
contract bills. That date is no column of the database, so this page (a client's
few contracts) is filtered by it, sorted and cut into pages here, not in SQL.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from contoffice.core.due_dates import add_months, fee_due
from contoffice.core.filters import date_range
from contoffice.core.paging import Page, PageRequest
from contoffice.core.text import fold
from contoffice.core.vocab import ChargeKind, ChargeStatus, ContractStatus
from contoffice.db.models import Charge, Contract, PaymentProfile
from contoffice.db.queries import panel_common as pc

FREQUENCY = "Mensal"  # contracts bill one honorário per competência
_BILLING = (ContractStatus.ACTIVE, ContractStatus.CANCEL_REQUESTED, ContractStatus.SUSPENDED)
_MONTHS_AHEAD = 24  # a rule whose due date never reaches today gives up here (no date)


@dataclass(frozen=True, slots=True)
class RecurrenceRow:
    id: int  # the contract
    description: str
    amount_cents: int
    next_due: date | None  # the first scheduled fee, else the next competência's due date
    frequency: str
    remaining: int  # fees generated ahead (open, not invoiced, due from today on)
    profile: str | None


CONDITIONS: dict[str, pc.Condition] = {
    "person_id": pc.equals(Contract.person_id),
    "description": pc.contains(Contract.plan),
    "profile": pc.contains(PaymentProfile.name),
}
CONDITIONS.update(pc.range_filters({"amount_cents": Contract.fee_cents},
                                   money_keys=("amount_cents",)))
_TEXT_SORTS = frozenset({"description", "profile"})
SORT_KEYS = frozenset({"description", "amount_cents", "next_due", "remaining", "profile"})


def _statement(today: date) -> Any:
    ahead = (
        select(
            Charge.contract_id.label("contract_id"),
            func.min(Charge.due_date).label("scheduled_due"),
            func.count().label("remaining"),
        )
        .where(Charge.kind == ChargeKind.FEE, Charge.invoice_id.is_(None),
               Charge.status == ChargeStatus.OPEN, Charge.due_date >= today)
        .group_by(Charge.contract_id)
        .subquery()
    )
    # Every competência that has its fee (billed, removed or not) is done: the billing
    # run and Gerar honorários never make a second one for it.
    last = (
        select(Charge.contract_id.label("contract_id"),
               func.max(Charge.competence).label("last_competence"))
        .where(Charge.kind == ChargeKind.FEE, Charge.competence.is_not(None))
        .group_by(Charge.contract_id)
        .subquery()
    )
    return (
        select(
            Contract.id,
            Contract.plan.label("description"),
            Contract.fee_cents.label("amount_cents"),
            ahead.c.scheduled_due,
            func.coalesce(ahead.c.remaining, 0).label("remaining"),
            PaymentProfile.name.label("profile"),
            Contract.due_rule,
            Contract.due_day,
            Contract.due_month_offset,
            Contract.move_to_business_day,
            Contract.starts_on,
            Contract.ends_on,
            last.c.last_competence,
        )
        .outerjoin(ahead, ahead.c.contract_id == Contract.id)
        .outerjoin(last, last.c.contract_id == Contract.id)
        .outerjoin(PaymentProfile, PaymentProfile.id == Contract.payment_profile_id)
        .where(Contract.status.in_(_BILLING))
    )


def next_competence_due(values: Any, today: date) -> date | None:
    """When the fee of the contract's next competência to bill falls due (None: it ended).

    The next competência is the one after the last fee made (the contract's first when
    none was made); one whose due date has already passed is skipped.
    """
    # A competência's fee falls due in the month `due_month_offset` after it (a move to
    # the next business day may cross into the following one): the ones before this
    # bound are all past, so a contract silent for years starts near today.
    recent = add_months(today, -int(values.due_month_offset) - 1)
    competence = max(recent, values.starts_on.replace(day=1))
    if values.last_competence is not None:
        competence = max(competence, add_months(values.last_competence, 1))
    last = values.ends_on.replace(day=1) if values.ends_on is not None else None
    for _ in range(_MONTHS_AHEAD):
        if last is not None and competence > last:
            return None
        due = fee_due(competence, rule=values.due_rule, day=values.due_day,
                      month_offset=values.due_month_offset,
                      move_to_business_day=values.move_to_business_day)
        if due >= today:
            return due
        competence = add_months(competence, 1)
    return None


def _row(values: Any, today: date) -> RecurrenceRow:
    scheduled = values.scheduled_due
    return RecurrenceRow(
        id=values.id, description=values.description, amount_cents=values.amount_cents,
        next_due=scheduled if scheduled is not None else next_competence_due(values, today),
        frequency=FREQUENCY, remaining=int(values.remaining), profile=values.profile,
    )


def _sorted(rows: list[RecurrenceRow], request: PageRequest) -> list[RecurrenceRow]:
    """The request's sort keys (empty values last either way), then the contract."""
    result = sorted(rows, key=lambda r: r.id)
    sorts = [s for s in request.sort if s.key in SORT_KEYS]
    if not sorts:  # the page's default: what falls due first, first
        return sorted(result, key=lambda r: (r.next_due is None, r.next_due or date.min))
    for sort in reversed(sorts):  # stable sorts, least significant key first
        def key(row: RecurrenceRow, name: str = sort.key) -> Any:
            value = getattr(row, name)
            return fold(value) if name in _TEXT_SORTS and value is not None else value

        present = [r for r in result if key(r) is not None]
        empty = [r for r in result if key(r) is None]
        result = sorted(present, key=key, reverse=sort.descending) + empty
    return result


def search(session: Session, request: PageRequest, today: date | None = None) -> Page[Any]:
    """The person's contracts that still bill, with what is scheduled ahead."""
    today = today or date.today()
    sql_filters = {k: v for k, v in request.filters.items() if k != "next_due"}
    stmt = pc.filtered(_statement(today), sql_filters, CONDITIONS)
    rows = [_row(values, today) for values in session.execute(stmt).all()]
    wanted = date_range(str(request.filters.get("next_due") or ""))
    if wanted is not None:
        low, high = wanted
        rows = [r for r in rows if r.next_due is not None
                and (low is None or r.next_due >= low) and (high is None or r.next_due <= high)]
    rows = _sorted(rows, request)
    start = max(request.offset, 0)
    return Page(rows[start:start + max(request.limit, 0)], len(rows), start)
