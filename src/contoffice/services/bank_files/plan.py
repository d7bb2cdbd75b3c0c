"""What each record of a return does to the office's invoices, decided before any write."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from contoffice.banking.cnab.layout import Occurrence
from contoffice.banking.cnab.returns import ReturnRecord
from contoffice.core.format import format_date
from contoffice.core.vocab import InvoiceStatus, ReturnOutcome
from contoffice.services.bank_files import messages as m
from contoffice.services.bank_files.report import ReportLine
from contoffice.services.settlements.bulk_write import InvoiceFacts, Row

_CLOSED = (InvoiceStatus.REMOVED, InvoiceStatus.SUSPENDED)
_STATES = {InvoiceStatus.REMOVED: "excluída", InvoiceStatus.SUSPENDED: "suspensa"}


@dataclass
class Plan:
    """Everything an import writes, gathered record by record."""

    return_code: int
    lines: list[ReportLine] = field(default_factory=list)
    settlements: list[Row] = field(default_factory=list)
    reconciled: list[int] = field(default_factory=list)  # already settled, now conciliada
    confirmed: list[int] = field(default_factory=list)
    rejected: list[int] = field(default_factory=list)
    events: list[tuple[int, str, str]] = field(default_factory=list)  # invoice, kind, text
    spc: list[int] = field(default_factory=list)
    settled_ids: set[int] = field(default_factory=set)


def settlement(invoice: InvoiceFacts, record: ReturnRecord, on: date, text: str) -> Row:
    """The settlement of a paid record: more than the balance is acréscimo, the bank's
    discount and abatimento a desconto, and anything short of that a partial payment."""
    balance = invoice.amount_cents - invoice.paid_cents
    granted = record.discount + record.rebate
    diff = record.paid - balance
    if diff < 0 and -diff > granted:
        diff = -granted  # paid short: only what the bank says it granted is forgiven
    amount, paid = invoice.amount_cents + diff, invoice.paid_cents + record.paid
    settled = paid >= amount
    status = InvoiceStatus.SETTLED if settled else InvoiceStatus.PARTIAL
    return Row(invoice, record.paid, diff, amount, paid, status, settled, on, text)


def decide(plan: Plan, record: ReturnRecord, invoice: Any, today: date) -> tuple[
        ReturnOutcome, str]:
    """The outcome of one record (and what it adds to the plan)."""
    kind, code = record.occurrence, plan.return_code
    if kind is Occurrence.TARIFA:
        return ReturnOutcome.FEE, ""
    if invoice is None:
        return ReturnOutcome.NOT_FOUND, ""
    occurrence = record.occurrence_code
    if kind is Occurrence.LIQUIDACAO:
        if invoice.status == InvoiceStatus.SETTLED or invoice.id in plan.settled_ids:
            if invoice.id not in plan.settled_ids:
                plan.reconciled.append(invoice.id)
                plan.events.append((invoice.id, "reconciled",
                                    m.RECONCILED_BY_RETURN.format(code=code)))
            return ReturnOutcome.ALREADY_SETTLED, ""
        if invoice.status in _CLOSED:
            return ReturnOutcome.OTHER, m.INVOICE_CLOSED.format(
                code=invoice.id, state=_STATES[InvoiceStatus(invoice.status)])
        on = record.credit_date or record.occurrence_date or today
        text = m.SETTLED_BY_RETURN.format(code=code, occurrence=occurrence,
                                          credit=format_date(on))
        plan.settlements.append(settlement(invoice, record, on, text))
        plan.settled_ids.add(invoice.id)
        if invoice.in_spc:
            plan.spc.append(invoice.id)
            return ReturnOutcome.SETTLED, m.SPC_FLAG
        return ReturnOutcome.SETTLED, ""
    if kind is Occurrence.ENTRADA_CONFIRMADA:
        plan.confirmed.append(invoice.id)
        plan.events.append((invoice.id, "bank", m.EVENT_CONFIRMED.format(
            code=code, occurrence=occurrence)))
        return ReturnOutcome.CONFIRMED, ""
    if kind is Occurrence.REJEITADA:
        reasons = ", ".join(record.reasons) or "não informados"
        plan.rejected.append(invoice.id)
        plan.events.append((invoice.id, "bank", m.EVENT_REJECTED.format(
            code=code, occurrence=occurrence, reasons=reasons)))
        return ReturnOutcome.REJECTED, f"Motivos: {reasons}"
    if kind is Occurrence.BAIXA:
        plan.events.append((invoice.id, "bank", m.EVENT_WRITTEN_OFF.format(
            code=code, occurrence=occurrence)))
        return ReturnOutcome.WRITTEN_OFF, ""
    plan.events.append((invoice.id, "bank", m.EVENT_OTHER.format(code=code,
                                                                occurrence=occurrence)))
    return ReturnOutcome.OTHER, ""
