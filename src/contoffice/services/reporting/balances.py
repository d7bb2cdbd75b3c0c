"""Aging of the whole office's receivables and the largest open balances (Maiores devedores)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import case, func, select

from contoffice.core.format import format_date
from contoffice.core.grids import ColumnKind, ColumnSpec
from contoffice.db.models import Invoice, Person
from contoffice.db.uow import UnitOfWork
from contoffice.services.kernel.permissions import Actor, require
from contoffice.services.reporting.model import VIEW, Chart, Report, Series

OWED = ("open", "partial")
# (label, first day overdue, last day overdue); None: unbounded. "A vencer" is not overdue.
BUCKETS: tuple[tuple[str, int | None, int | None], ...] = (
    ("A vencer", None, 0), ("1–30 dias", 1, 30), ("31–60 dias", 31, 60),
    ("61–90 dias", 61, 90), ("> 90 dias", 91, None))
MAX_DEBTORS = 200
BALANCE = Invoice.amount_cents - Invoice.paid_cents
_RECEIVABLE_OWED = (Invoice.direction == "R", Invoice.status.in_(OWED))


@dataclass(frozen=True, slots=True)
class AgingBucket:
    bucket: str
    invoices: int
    amount_cents: int


@dataclass(frozen=True, slots=True)
class Debtor:
    position: int
    person_id: int
    name: str
    document: str
    invoices: int
    balance_cents: int
    overdue_cents: int
    oldest_due: date | None


def _in_bucket(today: date, first: int | None, last: int | None) -> object:
    """Days overdue between first and last, compared as dates (portable, index-friendly)."""
    if first is None:  # a vencer: due today or later
        return Invoice.due_date >= today
    condition = Invoice.due_date <= today - timedelta(days=first)
    if last is not None:
        condition = condition & (Invoice.due_date >= today - timedelta(days=last))
    return condition


def aging(uow: UnitOfWork, actor: Actor, today: date) -> Report:
    """Open receivables of the office by days overdue: a vencer, 1–30, 31–60, 61–90, > 90."""
    columns = []
    for _label, first, last in BUCKETS:
        inside = _in_bucket(today, first, last)
        columns += [func.coalesce(func.sum(case((inside, 1), else_=0)), 0),
                    func.coalesce(func.sum(case((inside, BALANCE), else_=0)), 0)]
    with uow:
        require(actor, VIEW)
        values = [int(v) for v in uow.session.execute(
            select(*columns).where(*_RECEIVABLE_OWED)).one()]
    rows = tuple(AgingBucket(label, values[2 * n], values[2 * n + 1])
                 for n, (label, _first, _last) in enumerate(BUCKETS))
    return Report(
        "Faturas por atraso", Chart.BARS, tuple(r.bucket for r in rows),
        (Series("Saldo em aberto", tuple(r.amount_cents for r in rows)),),
        (ColumnSpec("bucket", "Atraso", width=130),
         ColumnSpec("invoices", "Faturas", ColumnKind.INT, width=80),
         ColumnSpec("amount_cents", "Saldo em aberto", ColumnKind.MONEY)),
        rows,
        note=f"Faturas a receber em aberto em {format_date(today)}, pelo saldo a receber.",
        filters=(f"Posição em {format_date(today)}",))


def top_debtors(uow: UnitOfWork, actor: Actor, today: date, limit: int = 20) -> Report:
    """The `limit` clients with the largest open balance (ties by name)."""
    limit = max(1, min(limit, MAX_DEBTORS))
    overdue = Invoice.due_date < today
    balance = func.sum(BALANCE).label("balance")
    stmt = (
        select(Invoice.person_id, Person.name, Person.document, func.count(Invoice.id), balance,
               func.coalesce(func.sum(case((overdue, BALANCE), else_=0)), 0),
               func.min(case((overdue, Invoice.due_date), else_=None)))
        .join(Person, Person.id == Invoice.person_id)
        .where(*_RECEIVABLE_OWED)
        .group_by(Invoice.person_id, Person.name, Person.document)
        .having(func.sum(BALANCE) > 0)
        .order_by(balance.desc(), Person.name, Invoice.person_id)
        .limit(limit))
    with uow:
        require(actor, VIEW)
        found = uow.session.execute(stmt).all()
    rows = tuple(Debtor(n, pid, name, document, int(count), int(owed), int(late), oldest)
                 for n, (pid, name, document, count, owed, late, oldest)
                 in enumerate(found, start=1))
    return Report(
        "Maiores devedores", Chart.HBARS, tuple(r.name for r in rows),
        (Series("Saldo em aberto", tuple(r.balance_cents for r in rows)),
         Series("Vencido", tuple(r.overdue_cents for r in rows))),
        (ColumnSpec("position", "Posição", ColumnKind.INT, width=75),
         ColumnSpec("person_id", "Código", ColumnKind.INT, width=70),
         ColumnSpec("name", "Cliente", width=240),
         ColumnSpec("document", "CPF/CNPJ", ColumnKind.DOCUMENT, width=140),
         ColumnSpec("invoices", "Faturas", ColumnKind.INT, width=70),
         ColumnSpec("balance_cents", "Saldo em aberto", ColumnKind.MONEY),
         ColumnSpec("overdue_cents", "Vencido", ColumnKind.MONEY),
         ColumnSpec("oldest_due", "Vencimento mais antigo", ColumnKind.DATE, width=130)),
        rows,
        note=f"Os {limit} maiores saldos a receber em aberto em {format_date(today)}.",
        filters=(f"Posição em {format_date(today)}", f"Quantidade: {limit}"))

