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
from functools import cache
from typing import Any

from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.orm.exc import StaleDataError

from contoffice.core.format import format_date, format_money
from contoffice.core.messages import not_found
from contoffice.core.vocab import (
    ChargeKind,
    ChargeStatus,
    InvoiceStatus,
    ReconciliationStatus,
    SettlementMethod,
)
from contoffice.db.models import Charge, Invoice, InvoiceEvent, Settlement
from contoffice.db.uow import UnitOfWork
from contoffice.services.invoicing import rules as invoicing
from contoffice.services.kernel import audit, guards
from contoffice.services.kernel import messages as m
from contoffice.services.kernel.permissions import Actor
from contoffice.services.kernel.results import RowOutcome

_INVOICE = Invoice.__table__
_CHARGE = Charge.__table__


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


@dataclass(slots=True)
class _Row:
    invoice: Invoice
    value: int
    diff: int  # adjustment conta: > 0 acréscimo, < 0 desconto, 0 none
    amount: int
    paid: int
    status: str
    settled: bool


def _plan(invoice: Invoice, terms: Terms) -> _Row | str:
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
    return _Row(invoice, value, diff, amount, paid, status, settled)


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
    rows: list[_Row] = []
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
        _write(uow, actor, rows, terms)
    session.expire_all()  # the ORM copies read above are stale after the Core writes
    return outcomes


def _write(uow: UnitOfWork, actor: Actor, rows: list[_Row], terms: Terms) -> None:
    session = uow.session
    settlement_ids = list(
        session.scalars(
            insert(Settlement).returning(Settlement.id, sort_by_parameter_order=True),
            [
                {
                    "invoice_id": r.invoice.id,
                    "person_id": r.invoice.person_id,
                    "amount_cents": r.value,
                    "settled_on": terms.settled_on,
                    "method": terms.method,
                    "payment_profile_id": terms.payment_profile_id,
                    "cash_account_id": terms.cash_account_id,
                    "justification": terms.justification,
                    "operator_id": actor.id,
                }
                for r in rows
            ],
        )
    )
    _update_invoices(uow, rows, terms)
    _settle_charges(uow, [r.invoice.id for r in rows if r.settled])
    # After the contas above: the new adjustment contas are written settled already.
    adjustments = [
        _adjustment(r, sid, terms) for r, sid in zip(rows, settlement_ids, strict=True) if r.diff
    ]
    if adjustments:
        session.execute(insert(_CHARGE), adjustments)
    money = cache(format_money)  # babel formatting is slow; values repeat a lot
    when = format_date(terms.settled_on)
    session.execute(
        insert(InvoiceEvent.__table__),
        [
            {
                "invoice_id": r.invoice.id,
                "operator_id": actor.id,
                "kind": "settled",
                "text": f"Liquidação de {money(r.value)} em {when}: {terms.justification}",
            }
            for r in rows
        ],
    )
    audit.record_many(
        uow,
        [
            audit.values(
                actor,
                "invoice.settled",
                "invoice",
                r.invoice.id,
                person_id=r.invoice.person_id,
                before={
                    "status": r.invoice.status,
                    "amount_cents": r.invoice.amount_cents,
                    "paid_cents": r.invoice.paid_cents,
                },
                after={
                    "status": r.status,
                    "amount_cents": r.amount,
                    "paid_cents": r.paid,
                    "value_cents": r.value,
                    "settled_on": terms.settled_on,
                    "method": terms.method,
                },
                justification=terms.justification,
            )
            for r in rows
        ],
    )


def _adjustment(row: _Row, settlement_id: int, terms: Terms) -> dict[str, Any]:
    """The desconto/acréscimo conta of a settlement that paid less or more than the balance."""
    invoice, up = row.invoice, row.diff > 0
    charge = invoicing.open_charge(
        person_id=invoice.person_id,
        direction=invoice.direction,
        kind=ChargeKind.SURCHARGE if up else ChargeKind.DISCOUNT,
        description="Acréscimo na liquidação" if up else "Desconto na liquidação",
        amount_cents=row.diff,
        due_date=invoice.due_date,
        ledger_account_id=terms.surcharge_ledger if up else terms.discount_ledger,
        settlement_id=settlement_id,
    )
    values = {
        c.key: getattr(charge, c.key)
        for c in _CHARGE.columns
        if c.key not in ("id", "created_at", "version_id") and getattr(charge, c.key) is not None
    }
    return values | {
        "invoice_id": invoice.id,
        "status": ChargeStatus.SETTLED if row.settled else ChargeStatus.OPEN,
    }


def _update_invoices(uow: UnitOfWork, rows: list[_Row], terms: Terms) -> None:
    """One versioned UPDATE per invoice, sent as one executemany; a miss is a conflict."""
    to_bank = terms.method == SettlementMethod.BANK_PROFILE
    stmt = (
        update(_INVOICE)
        .where(_INVOICE.c.id == bindparam("b_id"), _INVOICE.c.version_id == bindparam("b_version"))
        .values(
            amount_cents=bindparam("b_amount"),
            paid_cents=bindparam("b_paid"),
            status=bindparam("b_status"),
            settled_on=bindparam("b_settled_on"),
            reconciliation_status=bindparam("b_reconciliation"),
            version_id=_INVOICE.c.version_id + 1,
        )
    )
    params = [
        {
            "b_id": r.invoice.id,
            "b_version": r.invoice.version_id,
            "b_amount": r.amount,
            "b_paid": r.paid,
            "b_status": r.status,
            "b_settled_on": terms.settled_on if r.settled else None,
            "b_reconciliation": ReconciliationStatus.AWAITING
            if to_bank
            else r.invoice.reconciliation_status,
        }
        for r in rows
    ]
    _expect(uow.session.connection().execute(stmt, params).rowcount, len(params), "invoice")


def _settle_charges(uow: UnitOfWork, invoice_ids: list[int]) -> None:
    """The contas of fully settled invoices become settled (version-checked, like the ORM)."""
    if not invoice_ids:
        return
    own = uow.session.execute(
        select(_CHARGE.c.id, _CHARGE.c.version_id).where(_CHARGE.c.invoice_id.in_(invoice_ids))
    ).all()
    if not own:
        return
    stmt = (
        update(_CHARGE)
        .where(_CHARGE.c.id == bindparam("b_id"), _CHARGE.c.version_id == bindparam("b_version"))
        .values(status=ChargeStatus.SETTLED, version_id=_CHARGE.c.version_id + 1)
    )
    params = [{"b_id": cid, "b_version": version} for cid, version in own]
    _expect(uow.session.connection().execute(stmt, params).rowcount, len(params), "charge")


def _expect(matched: int, wanted: int, table: str) -> None:
    if matched != wanted:  # another desk changed a row since it was read
        raise StaleDataError(f"{table}: {matched} of {wanted} rows matched their version")
