"""Previsão de honorários: the monthly fees the active contracts will bill, month by month."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import case, func, select

from contoffice.core.due_dates import add_months
from contoffice.core.format import format_competence
from contoffice.core.grids import ColumnKind, ColumnSpec
from contoffice.db.models import Contract
from contoffice.db.uow import UnitOfWork
from contoffice.errors import InvalidInput
from contoffice.services.kernel.permissions import Actor, require
from contoffice.services.reporting import messages
from contoffice.services.reporting.model import VIEW, Chart, Report, Series, month_start

# Still billed: active contracts and those whose cancellation awaits a decision. Suspended,
# cancelled and awaiting-activation contracts bill nothing.
BILLING = ("active", "cancel_requested")
MAX_AHEAD = 24


@dataclass(frozen=True, slots=True)
class ForecastMonth:
    month: date
    contracts: int
    fees_cents: int


def fee_forecast(uow: UnitOfWork, actor: Actor, first: date, months: int = 6) -> Report:
    """Fees of the contracts in force in each of `months` competências from `first`."""
    if not 1 <= months <= MAX_AHEAD:
        raise InvalidInput(messages.MONTHS_AHEAD.format(most=MAX_AHEAD), "Meses")
    starts = [add_months(month_start(first), n) for n in range(months)]
    columns = []
    for start in starts:
        # In force in the month: started before it ends and not ended before it starts.
        inside = (Contract.starts_on < add_months(start, 1)) & (
            Contract.ends_on.is_(None) | (Contract.ends_on >= start))
        columns += [func.coalesce(func.sum(case((inside, 1), else_=0)), 0),
                    func.coalesce(func.sum(case((inside, Contract.fee_cents), else_=0)), 0)]
    with uow:
        require(actor, VIEW)
        values = [int(v) for v in uow.session.execute(
            select(*columns).where(Contract.status.in_(BILLING))).one()]
    rows = tuple(ForecastMonth(start, values[2 * n], values[2 * n + 1])
                 for n, start in enumerate(starts))
    return Report(
        "Previsão de honorários", Chart.BARS, tuple(format_competence(m) for m in starts),
        (Series("Honorários previstos", tuple(r.fees_cents for r in rows)),),
        (ColumnSpec("month", "Competência", ColumnKind.COMPETENCE, width=90),
         ColumnSpec("contracts", "Contratos", ColumnKind.INT, width=80),
         ColumnSpec("fees_cents", "Honorários", ColumnKind.MONEY)),
        rows,
        note=("Soma das mensalidades dos contratos ativos (inclusive com cancelamento "
              "solicitado) em vigor em cada competência; contratos suspensos, cancelados ou "
              "aguardando ativação ficam de fora."),
        filters=(f"A partir de {format_competence(starts[0])}, {months} mes(es)",))
