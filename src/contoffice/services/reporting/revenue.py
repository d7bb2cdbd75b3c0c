"""Receita por mês (faturado × recebido) and Inadimplência por mês, aggregated in SQL."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import case, extract, func, select
from sqlalchemy.orm import Session

from contoffice.core.due_dates import add_months
from contoffice.core.format import format_competence, format_percent
from contoffice.core.grids import ColumnKind, ColumnSpec
from contoffice.db.models import Invoice, Settlement
from contoffice.db.uow import UnitOfWork
from contoffice.services.kernel.permissions import Actor, require
from contoffice.services.reporting.model import (
    VIEW,
    Chart,
    Report,
    Series,
    Unit,
    months_between,
    rate_bp,
)

MONTH = ColumnSpec("month", "Mês", ColumnKind.COMPETENCE, width=90)
# Removed invoices were never owed; suspended ones are not being charged.
_BILLED = ("open", "partial", "settled")
_OWED = ("open", "partial")


@dataclass(frozen=True, slots=True)
class RevenueMonth:
    month: date
    billed_cents: int
    received_cents: int
    difference_cents: int


@dataclass(frozen=True, slots=True)
class DelinquencyMonth:
    month: date
    due_cents: int
    overdue_cents: int
    rate_bp: int  # overdue share of what was due, in basis points
    rate: str  # the same, as the clerk reads it


def _by_month(session: Session, day: Any, amount: Any, *where: Any) -> dict[date, tuple[int, ...]]:
    """One aggregate query: (year, month) → the summed columns of `amount`."""
    year, month = extract("year", day), extract("month", day)
    columns = amount if isinstance(amount, tuple) else (amount,)
    stmt = (select(year, month, *(func.coalesce(func.sum(c), 0) for c in columns))
            .where(*where).group_by(year, month))
    return {date(int(y), int(m), 1): tuple(int(v) for v in values)
            for y, m, *values in session.execute(stmt)}


def revenue_by_month(uow: UnitOfWork, actor: Actor, first: date, last: date) -> Report:
    """Faturado (receivables due in the month) × recebido (settlements in the month)."""
    months = months_between(first, last)
    start, stop = months[0], add_months(months[-1], 1)
    with uow:
        require(actor, VIEW)
        session = uow.session
        billed = _by_month(session, Invoice.due_date, Invoice.amount_cents,
                           Invoice.direction == "R", Invoice.status.in_(_BILLED),
                           Invoice.due_date >= start, Invoice.due_date < stop)
        # Settlements of receivables; an estorno is a negative settlement and subtracts.
        received = _by_month(
            session, Settlement.settled_on, Settlement.amount_cents,
            Invoice.id == Settlement.invoice_id, Invoice.direction == "R",
            Settlement.settled_on >= start, Settlement.settled_on < stop)
    rows = tuple(RevenueMonth(m, b, r, r - b) for m in months
                 for b, r in [(billed.get(m, (0,))[0], received.get(m, (0,))[0])])
    return Report(
        "Receita por mês", Chart.BARS, tuple(format_competence(m) for m in months),
        (Series("Faturado", tuple(r.billed_cents for r in rows)),
         Series("Recebido", tuple(r.received_cents for r in rows))),
        (MONTH, ColumnSpec("billed_cents", "Faturado", ColumnKind.MONEY),
         ColumnSpec("received_cents", "Recebido", ColumnKind.MONEY),
         ColumnSpec("difference_cents", "Diferença", ColumnKind.MONEY)),
        rows,
        note=("Faturado: faturas a receber com vencimento no mês (sem as excluídas e as "
              "suspensas). Recebido: liquidações do mês, descontados os estornos."),
        filters=(f"Período: {format_competence(months[0])} a {format_competence(months[-1])}",))


def delinquency_by_month(uow: UnitOfWork, actor: Actor, first: date, last: date,
                         today: date) -> Report:
    """Of what fell due in each month, the share still unpaid and overdue today."""
    months = months_between(first, last)
    start, stop = months[0], add_months(months[-1], 1)
    owed = Invoice.status.in_(_OWED) & (Invoice.due_date < today)
    with uow:
        require(actor, VIEW)
        found = _by_month(
            uow.session, Invoice.due_date,
            (Invoice.amount_cents,
             case((owed, Invoice.amount_cents - Invoice.paid_cents), else_=0)),
            Invoice.direction == "R", Invoice.status.in_(_BILLED),
            Invoice.due_date >= start, Invoice.due_date < stop)
    rows = []
    for month in months:
        due, overdue = found.get(month, (0, 0))
        bp = rate_bp(overdue, due)
        rows.append(DelinquencyMonth(month, due, overdue, bp, format_percent(bp)))
    return Report(
        "Inadimplência por mês", Chart.LINE, tuple(format_competence(m) for m in months),
        (Series("Inadimplência", tuple(r.rate_bp for r in rows), Unit.PERCENT),),
        (MONTH, ColumnSpec("due_cents", "Vencido no mês", ColumnKind.MONEY, width=130),
         ColumnSpec("overdue_cents", "Em atraso hoje", ColumnKind.MONEY, width=130),
         ColumnSpec("rate", "Inadimplência", width=100)),
        tuple(rows),
        note=("Do valor das faturas com vencimento no mês, quanto continua em aberto e "
              "vencido hoje."),
        filters=(f"Período: {format_competence(months[0])} a {format_competence(months[-1])}",))

