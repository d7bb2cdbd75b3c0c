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
from typing import Any

from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.orm.exc import StaleDataError

from contoffice.core.format import format_date, format_money
from contoffice.core.vocab import ChargeKind, ChargeStatus, ReconciliationStatus, SettlementMethod
from contoffice.db.models import Charge, Invoice, InvoiceEvent, Settlement
from contoffice.db.uow import UnitOfWork
from contoffice.services.invoicing import rules as invoicing
from contoffice.services.kernel import audit
from contoffice.services.kernel.permissions import Actor

_INVOICE = Invoice.__table__
_CHARGE = Charge.__table__


@dataclass(slots=True)
class Row:
    """One invoice's settlement as planned: the values the bulk writer stores."""

    invoice: Invoice
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
    session = uow.session
    settlement_ids = list(
        session.scalars(
            insert(Settlement).returning(Settlement.id, sort_by_parameter_order=True),
            [
                {
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
                for r in rows
            ],
        )
    )
    _update_invoices(uow, rows, target.method)
    _settle_charges(uow, [r.invoice.id for r in rows if r.settled])
    # After the contas above: the new adjustment contas are written settled already.
    adjustments = [
        _adjustment(r, sid, target) for r, sid in zip(rows, settlement_ids, strict=True) if r.diff
    ]
    if adjustments:
        session.execute(insert(_CHARGE), adjustments)
    money = cache(format_money)  # babel formatting is slow; values repeat a lot
    when = cache(format_date)
    session.execute(
        insert(InvoiceEvent.__table__),
        [
            {
                "invoice_id": r.invoice.id,
                "operator_id": actor.id,
                "kind": "settled",
                "text": f"Liquidação de {money(r.value)} em {when(r.settled_on)}: "
                f"{r.justification}",
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
                    "settled_on": r.settled_on,
                    "method": target.method,
                },
                justification=r.justification,
            )
            for r in rows
        ],
    )
    return settlement_ids


def _adjustment(row: Row, settlement_id: int, target: Target) -> dict[str, Any]:
    """The desconto/acréscimo conta of a settlement that paid less or more than the balance."""
    invoice, up = row.invoice, row.diff > 0
    charge = invoicing.open_charge(
        person_id=invoice.person_id,
        direction=invoice.direction,
        kind=ChargeKind.SURCHARGE if up else ChargeKind.DISCOUNT,
        description="Acréscimo na liquidação" if up else "Desconto na liquidação",
        amount_cents=row.diff,
        due_date=invoice.due_date,
        ledger_account_id=target.surcharge_ledger if up else target.discount_ledger,
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


def _update_invoices(uow: UnitOfWork, rows: Sequence[Row], method: str) -> None:
    """One versioned UPDATE per invoice, sent as one executemany; a miss is a conflict."""
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
            "b_settled_on": r.settled_on if r.settled else None,
            "b_reconciliation": _reconciliation(method, r.invoice.reconciliation_status),
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
