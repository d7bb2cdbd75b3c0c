"""Liquidação avulsa of a chunk of invoices at once: checked in Python, written in bulk.

The one settlement rule: `settlements.settle_invoices` runs it over whole
chunks and, when another desk touched a chunk, over one invoice at a time, in
a handful of statements per chunk instead of several round trips per invoice:
one SELECT each for the invoices and their contas, then executemany INSERTs (settlements, adjustment
contas, history, audit) and versioned UPDATEs whose matched-row count is
checked, so a change by another desk sends the chunk back to the per-row path.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from contoffice.core.format import format_money
from contoffice.core.messages import not_found
from contoffice.core.vocab import InvoiceStatus
from contoffice.db.models import Invoice
from contoffice.db.uow import UnitOfWork
from contoffice.services.kernel import guards
from contoffice.services.kernel import messages as m
from contoffice.services.kernel.permissions import Actor
from contoffice.services.kernel.results import RowOutcome
from contoffice.services.settlements import bulk_write
from contoffice.services.settlements.bulk_write import Row


@dataclass(frozen=True, slots=True)
class Terms:
    """What the clerk typed in the Liquidação avulsa dialog, checked once for all rows."""

    method: str
    settled_on: date
    justification: str
    value_cents: int | None
    payment_profile_id: int | None
    cash_account_id: int | None
    partial: bool
    discount_ledger: int | None
    surcharge_ledger: int | None


def _plan(invoice: Invoice, terms: Terms) -> Row | str:
    """The new values of one invoice, or the message refusing it."""
    if (refusal := guards.settle_refusal(invoice, partial=terms.partial)) is not None:
        return refusal
    balance = invoice.amount_cents - invoice.paid_cents
    value = balance if terms.value_cents is None else terms.value_cents
    if terms.partial and value > balance:
        return m.PARTIAL_EXCEEDS_BALANCE.format(
            value=format_money(value), code=invoice.id, balance=format_money(balance)
        )
    diff = value - balance if not terms.partial else 0
    amount, paid = invoice.amount_cents + diff, invoice.paid_cents + value
    settled = paid >= amount
    status = InvoiceStatus.SETTLED if settled else InvoiceStatus.PARTIAL
    return Row(invoice, value, diff, amount, paid, status, settled, terms.settled_on,
               terms.justification)


def settle_chunk(
    uow: UnitOfWork, actor: Actor, chunk: Sequence[int], terms: Terms
) -> list[RowOutcome]:
    """Settle the chunk's invoices; refused rows are answered, the rest written in bulk."""
    session = uow.session
    loaded = {
        i.id: i
        for i in session.scalars(
            select(Invoice).where(Invoice.id.in_(chunk)).execution_options(populate_existing=True)
        )
    }
    outcomes: list[RowOutcome] = []
    rows: list[Row] = []
    for invoice_id in chunk:
        invoice = loaded.get(invoice_id)
        if invoice is None:
            outcomes.append(RowOutcome(invoice_id, False, not_found("Fatura", invoice_id)))
            continue
        planned = _plan(invoice, terms)
        if isinstance(planned, str):
            outcomes.append(RowOutcome(invoice_id, False, planned))
            continue
        rows.append(planned)
        outcomes.append(RowOutcome(invoice_id, True))
    if rows:
        bulk_write.write_rows(uow, actor, rows, bulk_write.Target(
            terms.method, terms.payment_profile_id, terms.cash_account_id,
            terms.discount_ledger, terms.surcharge_ledger))
    session.expire_all()  # the ORM copies read above are stale after the Core writes
    return outcomes
