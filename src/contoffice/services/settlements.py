"""Liquidação avulsa de faturas (INV-E-16, INV-F-2): full, with discount/surcharge, partial."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy import select

from contoffice.core.format import format_date, format_money
from contoffice.core.vocab import (
    ChargeKind,
    ChargeStatus,
    InvoiceStatus,
    ReconciliationStatus,
    SettlementMethod,
)
from contoffice.db.models import CashAccount, Charge, Invoice, PaymentProfile, Settlement
from contoffice.db.uow import UnitOfWork
from contoffice.errors import InvalidInput
from contoffice.services import audit, guards, invoicing, settle_bulk
from contoffice.services import messages as m
from contoffice.services.batch import Refused, finish, run_bulk, unique_ids
from contoffice.services.permissions import Actor, require
from contoffice.services.results import BatchResult, Changes, RowOutcome

METHODS = (SettlementMethod.BANK_PROFILE, SettlementMethod.OTHER)


def require_directions(uow: UnitOfWork, actor: Actor, ids: Sequence[int], receivable: str,
                       payable: str) -> None:
    """Check the receivable or payable permission for the invoices' panels."""
    directions: set[str] = set()
    for chunk_start in range(0, len(ids), 1000):
        chunk = ids[chunk_start:chunk_start + 1000]
        directions |= set(uow.session.scalars(
            select(Invoice.direction).where(Invoice.id.in_(chunk)).distinct()))
    if "R" in directions or not directions:
        require(actor, receivable)
    if "P" in directions:
        require(actor, payable)


def settle_invoices(uow: UnitOfWork, actor: Actor, *, invoice_ids: Sequence[int],
                    method: str, settled_on: date, justification: str,
                    value_cents: int | None = None, payment_profile_id: int | None = None,
                    partial: bool = False, today: date | None = None,
                    dry_run: bool = False) -> BatchResult:
    """Settle invoices by hand; less → conta de desconto, more → conta de acréscimo.

    With `partial=True` the value is a real partial payment: no discount conta,
    the balance stays open and the invoice is "com liquidação parcial" until
    further partial payments reach its total.
    """
    today = today or date.today()
    ids = unique_ids(invoice_ids)
    with uow:
        require_directions(uow, actor, ids, "invoices.settle", "payables.settle")
        if method not in METHODS:
            raise InvalidInput(f"Método de pagamento inválido: {method!r}.",
                               field="Método de pagamento")
        if settled_on > today:
            raise InvalidInput(m.SETTLEMENT_IN_FUTURE.format(date=format_date(settled_on)),
                               field="Data de liquidação")
        if value_cents is not None or partial:
            invoicing.require_positive(value_cents, "Valor de liquidação")
        justification = invoicing.require_text(justification)
        cash_account_id = None
        if method == SettlementMethod.BANK_PROFILE:
            if payment_profile_id is None:
                raise InvalidInput(m.PROFILE_REQUIRED, field="Profile de Pagamento")
            uow.get(PaymentProfile, payment_profile_id, what="Profile de pagamento")
            cash_account_id = uow.session.scalar(select(CashAccount.id).where(
                CashAccount.payment_profile_id == payment_profile_id,
                CashAccount.active.is_(True)).limit(1))
        discount_ledger = guards.ledger_id(uow, "ledger.discount")
        surcharge_ledger = guards.ledger_id(uow, "ledger.surcharge")
        charges: dict[int, list[Charge]] = {}
        loaded: dict[int, Invoice] = {}

        def preload(chunk: Sequence[int]) -> None:
            # One query per chunk for the invoices and one for their contas; held here
            # because the session's identity map keeps only weak references.
            loaded.clear()
            loaded.update((i.id, i) for i in uow.session.scalars(
                select(Invoice).where(Invoice.id.in_(chunk))))
            charges.clear()
            for charge in uow.session.scalars(select(Charge).where(
                    Charge.invoice_id.in_(chunk)).order_by(Charge.id)):
                charges.setdefault(charge.invoice_id or 0, []).append(charge)

        def one(invoice_id: int) -> RowOutcome:
            invoice = loaded.get(invoice_id) or uow.get(Invoice, invoice_id, what="Fatura")
            if (refusal := guards.settle_refusal(invoice, partial=partial)) is not None:
                raise Refused(refusal)
            balance = invoice.amount_cents - invoice.paid_cents
            value = balance if value_cents is None else value_cents
            if partial and value > balance:
                raise Refused(m.PARTIAL_EXCEEDS_BALANCE.format(
                    value=format_money(value), code=invoice.id, balance=format_money(balance)))
            before = {"status": invoice.status, "amount_cents": invoice.amount_cents,
                      "paid_cents": invoice.paid_cents}
            settlement = Settlement(
                invoice_id=invoice.id, person_id=invoice.person_id, amount_cents=value,
                settled_on=settled_on, method=method, payment_profile_id=payment_profile_id,
                cash_account_id=cash_account_id, justification=justification,
                operator_id=actor.id)
            uow.session.add(settlement)
            own = charges.get(invoice.id, [])
            if not partial and value != balance:
                uow.session.flush()  # the adjustment conta points at its settlement
                diff = value - balance
                adjustment = invoicing.open_charge(
                    person_id=invoice.person_id, direction=invoice.direction,
                    kind=ChargeKind.SURCHARGE if diff > 0 else ChargeKind.DISCOUNT,
                    description="Acréscimo na liquidação" if diff > 0 else
                    "Desconto na liquidação", amount_cents=diff, due_date=invoice.due_date,
                    ledger_account_id=surcharge_ledger if diff > 0 else discount_ledger,
                    settlement_id=settlement.id)
                adjustment.invoice_id = invoice.id
                uow.session.add(adjustment)
                own = [*own, adjustment]
                invoice.amount_cents += diff
            invoice.paid_cents += value
            settled = invoice.paid_cents >= invoice.amount_cents
            invoice.status = InvoiceStatus.SETTLED if settled else InvoiceStatus.PARTIAL
            invoice.settled_on = settled_on if settled else None
            if settled:
                for charge in own:
                    charge.status = ChargeStatus.SETTLED
            if method == SettlementMethod.BANK_PROFILE:
                invoice.reconciliation_status = ReconciliationStatus.AWAITING
            after = {"status": invoice.status, "amount_cents": invoice.amount_cents,
                     "paid_cents": invoice.paid_cents, "value_cents": value,
                     "settled_on": settled_on, "method": method}
            invoicing.event(uow, actor, invoice.id, "settled",
                            f"Liquidação de {format_money(value)} em {format_date(settled_on)}:"
                            f" {justification}")
            audit.record(uow, actor, "invoice.settled", "invoice", invoice.id,
                         person_id=invoice.person_id, before=before, after=after,
                         justification=justification)
            return RowOutcome(invoice.id, True)

        terms = settle_bulk.Terms(
            method=method, settled_on=settled_on, justification=justification,
            value_cents=value_cents, payment_profile_id=payment_profile_id,
            cash_account_id=cash_account_id, partial=partial, discount_ledger=discount_ledger,
            surcharge_ledger=surcharge_ledger)
        # Whole chunks checked in Python and written in bulk; a chunk another desk touched
        # meanwhile is redone with `one`, row by row, each row in its own SAVEPOINT.
        outcomes = run_bulk(uow, ids, lambda chunk: settle_bulk.settle_chunk(
            uow, actor, chunk, terms), one, size=1000, before_fallback=preload)
        finish(uow, dry_run=dry_run)
    return BatchResult(outcomes, Changes(invoices=True, charges=True, settlements=True,
                                         header=True))
