"""Faturas no SPC: the invoices the office marked for the credit-protection service."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import case, func, select
from sqlalchemy.orm import aliased

from contoffice.core.format import format_competence
from contoffice.core.grids import ColumnKind, ColumnSpec
from contoffice.db.models import Invoice, Operator, Person
from contoffice.db.uow import UnitOfWork
from contoffice.services.kernel.permissions import Actor, require
from contoffice.services.reporting.balances import OWED
from contoffice.services.reporting.model import VIEW, Chart, Report, Series, Unit

MAX_ROWS = 5000
STATUS = {"open": "Em aberto", "partial": "Liquidação parcial", "settled": "Liquidada",
          "suspended": "Suspensa"}


@dataclass(frozen=True, slots=True)
class SpcInvoice:
    invoice_id: int
    person_id: int
    name: str
    document: str
    due_date: date
    amount_cents: int
    balance_cents: int
    status: str
    added_at: datetime | None
    added_by: str


def spc_invoices(uow: UnitOfWork, actor: Actor) -> Report:
    """Every invoice marked SPC (not removed), oldest due first; chart: balance by due month."""
    who = aliased(Operator)
    marked = (Invoice.in_spc.is_(True), Invoice.status != "removed", Invoice.direction == "R")
    stmt = (
        select(Invoice.id, Invoice.person_id, Person.name, Person.document, Invoice.due_date,
               Invoice.amount_cents,
               case((Invoice.status.in_(OWED), Invoice.amount_cents - Invoice.paid_cents),
                    else_=0),
               Invoice.status, Invoice.spc_added_at, who.name)
        .join(Person, Person.id == Invoice.person_id)
        .outerjoin(who, who.id == Invoice.spc_added_by)
        .where(*marked)
        .order_by(Invoice.due_date, Invoice.id)
        .limit(MAX_ROWS))
    with uow:
        require(actor, VIEW)
        found = uow.session.execute(stmt).all()
        total = int(uow.session.scalar(select(func.count(Invoice.id)).where(*marked)) or 0)
    rows = tuple(SpcInvoice(i, p, n, d, due, amount, balance, STATUS.get(str(s), str(s)),
                            at, by or "")
                 for i, p, n, d, due, amount, balance, s, at, by in found)
    # The chart: open balance by due month (the rows are few: they are only the marked ones).
    months: dict[str, int] = {}
    for row in rows:  # already in due-date order
        key = format_competence(row.due_date)
        months[key] = months.get(key, 0) + row.balance_cents
    return Report(
        "Faturas no SPC", Chart.BARS, tuple(months),
        (Series("Saldo no SPC", tuple(months.values()), Unit.MONEY),),
        (ColumnSpec("invoice_id", "Fatura", ColumnKind.INT, width=70),
         ColumnSpec("person_id", "Código", ColumnKind.INT, width=70),
         ColumnSpec("name", "Cliente", width=220),
         ColumnSpec("document", "CPF/CNPJ", ColumnKind.DOCUMENT, width=140),
         ColumnSpec("due_date", "Vencimento", ColumnKind.DATE, width=90),
         ColumnSpec("amount_cents", "Valor", ColumnKind.MONEY),
         ColumnSpec("balance_cents", "Saldo", ColumnKind.MONEY),
         ColumnSpec("status", "Situação", width=120),
         ColumnSpec("added_at", "Incluída em", ColumnKind.DATETIME, width=120),
         ColumnSpec("added_by", "Incluída por", width=120)),
        rows,
        note="Faturas marcadas como incluídas no SPC; o gráfico soma o saldo por mês de "
             "vencimento.",
        total=total if total > len(rows) else None)
