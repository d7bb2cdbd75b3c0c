"""The bulk writes of settlements: settlements, adjustment contas, invoices, contas, history.

Shared by the clerk's Liquidação avulsa (services.settlements.bulk) and the bank
return import: each row carries its own value and date; the statements are
executemany INSERTs and versioned UPDATEs whose matched-row count is checked.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any, Protocol

from sqlalchemy import Connection, update
from sqlalchemy.orm.exc import StaleDataError

from contoffice.core.format import format_date, format_money
from contoffice.core.vocab import ChargeKind, ChargeStatus, ReconciliationStatus, SettlementMethod
from contoffice.db import bulk
from contoffice.db.models import Charge, Invoice, Settlement
from contoffice.db.uow import UnitOfWork
from contoffice.services.kernel import audit
from contoffice.services.kernel.permissions import Actor

_INVOICE = Invoice.__table__
_CHARGE = Charge.__table__
_SETTLEMENT = Settlement.__table__


class InvoiceFacts(Protocol):
    """What the writer reads of an invoice: an ORM Invoice or a plain row of its columns."""

    id: int
    person_id: int
    direction: str
    status: str
    amount_cents: int
    paid_cents: int
    reconciliation_status: str
    due_date: date
    version_id: int


@dataclass(slots=True)
class Row:
    """One invoice's settlement as planned: the values the bulk writer stores."""

    invoice: InvoiceFacts
    value: int
    diff: int  # adjustment conta: > 0 acréscimo, < 0 desconto, 0 none
    amount: int
    paid: int
    status: str
    settled: bool
    settled_on: date
    justification: str


@dataclass(frozen=True, slots=True)
class Target:
    """Where the money went and which ledgers the adjustment contas take."""

    method: str
    payment_profile_id: int | None
    cash_account_id: int | None
    discount_ledger: int | None
    surcharge_ledger: int | None


def _reconciliation(method: str, current: str) -> str:
    """A bank return reconciles; a settlement to a bank profile awaits its return."""
    if method == SettlementMethod.RETURN_FILE:
        return ReconciliationStatus.RECONCILED
    if method == SettlementMethod.BANK_PROFILE:
        return ReconciliationStatus.AWAITING
    return current


def write_rows(uow: UnitOfWork, actor: Actor, rows: Sequence[Row], target: Target) -> list[int]:
    """Write the planned rows; the new settlements' ids, in the rows' order."""
    conn = uow.session.connection()
    settlement_ids = bulk.reserve_ids(conn, "settlement", len(rows))
    bulk.insert(conn, "settlement", [
        {
            "id": sid,
            "invoice_id": r.invoice.id,
            "person_id": r.invoice.person_id,
            "amount_cents": r.value,
            "settled_on": r.settled_on,
            "method": target.method,
            "payment_profile_id": target.payment_profile_id,
            "cash_account_id": target.cash_account_id,
            "justification": r.justification,
            "operator_id": actor.id,
        }
        for r, sid in zip(rows, settlement_ids, strict=True)
    ])
    _update_invoices(conn, rows, target.method)
    _settle_charges(conn, [r.invoice.id for r in rows if r.settled])
    # After the contas above: the new adjustment contas are written settled already.
    bulk.insert(conn, "charge", [
        _adjustment(r, sid, target) for r, sid in zip(rows, settlement_ids, strict=True) if r.diff
    ])
    money = cache(format_money)  # babel formatting is slow; values repeat a lot
    when = cache(format_date)
    bulk.insert(conn, "invoice_event", [
        {
            "invoice_id": r.invoice.id,
            "operator_id": actor.id,
            "kind": "settled",
            "text": f"Liquidação de {money(r.value)} em {when(r.settled_on)}: {r.justification}",
        }
        for r in rows
    ])
    bulk.insert(conn, "audit_event", [
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
                "settled_on": r.settled_on,
                "method": target.method,
            },
            justification=r.justification,
        )
        for r in rows
    ])
    return settlement_ids


def _adjustment(row: Row, settlement_id: int, target: Target) -> dict[str, Any]:
    """The desconto/acréscimo conta of a settlement that paid less or more than the balance."""
    invoice, up = row.invoice, row.diff > 0
    return {
        "person_id": invoice.person_id,
        "direction": invoice.direction,
        "kind": ChargeKind.SURCHARGE if up else ChargeKind.DISCOUNT,
        "description": "Acréscimo na liquidação" if up else "Desconto na liquidação",
        "amount_cents": row.diff,
        "due_date": invoice.due_date,
        "ledger_account_id": target.surcharge_ledger if up else target.discount_ledger,
        "settlement_id": settlement_id,
        "invoice_id": invoice.id,
        "status": ChargeStatus.SETTLED if row.settled else ChargeStatus.OPEN,
    }


_UPDATE_INVOICE = (
    "UPDATE invoice SET amount_cents = ?, paid_cents = ?, status = ?, settled_on = ?,"
    " reconciliation_status = ?, version_id = version_id + 1 WHERE id = ? AND version_id = ?"
)


def _update_invoices(conn: Connection, rows: Sequence[Row], method: str) -> None:
    """One versioned UPDATE per invoice, sent as one executemany; a miss is a conflict."""
    params = [
        (r.amount, r.paid, r.status, r.settled_on if r.settled else None,
         _reconciliation(method, r.invoice.reconciliation_status), r.invoice.id,
         r.invoice.version_id)
        for r in rows
    ]
    _expect(bulk.execute_many(conn, _UPDATE_INVOICE, params), len(params), "invoice")


def _settle_charges(conn: Connection, invoice_ids: list[int]) -> None:
    """The contas of fully settled invoices become settled.

    By invoice, not by conta version: a billed conta changes only together with its
    invoice, whose version the invoice UPDATE has just checked.
    """
    for start in range(0, len(invoice_ids), 1_000):
        chunk = invoice_ids[start:start + 1_000]
        conn.execute(update(_CHARGE).where(_CHARGE.c.invoice_id.in_(chunk),
                                           _CHARGE.c.status != ChargeStatus.SETTLED)
                     .values(status=ChargeStatus.SETTLED, version_id=_CHARGE.c.version_id + 1))


def _expect(matched: int, wanted: int, table: str) -> None:
    if matched != wanted:  # another desk changed a row since it was read
        raise StaleDataError(f"{table}: {matched} of {wanted} rows matched their version")
