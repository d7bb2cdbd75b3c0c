"""Estorno de faturas (INV-E-13): undo a settlement, posted on the day it is made."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy import select

from contoffice.core.format import format_money
from contoffice.core.vocab import ChargeStatus, InvoiceStatus, ReconciliationStatus
from contoffice.db.models import CashAccount, Charge, Invoice, Settlement
from contoffice.db.uow import UnitOfWork
from contoffice.errors import InvalidInput
from contoffice.services.invoicing import rules as invoicing
from contoffice.services.kernel import audit, guards
from contoffice.services.kernel import messages as m
from contoffice.services.kernel.batch import Refused, finish, run_rows, unique_ids
from contoffice.services.kernel.permissions import Actor, require
from contoffice.services.kernel.results import BatchResult, Changes, RowOutcome


def reverse_settlements(uow: UnitOfWork, actor: Actor, *, invoice_ids: Sequence[int],
                        cash_account_id: int, justification: str, today: date | None = None,
                        dry_run: bool = False) -> BatchResult:
    """Reverse every settlement of the invoices into a cash/bank account, dated today.

    The adjustment contas (desconto/acréscimo) a settlement created go with it,
    so the invoice returns to its value and state before the settlement.
    """
    today = today or date.today()
    ids = unique_ids(invoice_ids)
    with uow:
        require(actor, "invoices.reverse")
        justification = invoicing.require_text(justification, "Justifique brevemente o estorno")
        account = uow.get(CashAccount, cash_account_id, what="Conta cofre/caixa/banco")
        if not account.active:
            raise InvalidInput(m.CASH_ACCOUNT_INACTIVE.format(name=account.name),
                               field="Conta cofre/caixa/banco")

        def one(invoice_id: int) -> RowOutcome:
            invoice = uow.get(Invoice, invoice_id, what="Fatura")
            if (refusal := guards.reverse_refusal(invoice)) is not None:
                raise Refused(refusal)
            originals = list(uow.session.scalars(select(Settlement).where(
                Settlement.invoice_id == invoice.id, Settlement.amount_cents > 0,
                Settlement.reversed.is_(False)).order_by(Settlement.id)))
            if not originals:
                raise Refused(m.REVERSAL_NOT_SETTLED.format(code=invoice.id))
            before = {"status": invoice.status, "amount_cents": invoice.amount_cents,
                      "paid_cents": invoice.paid_cents}
            others = {o.cash_account_id for o in originals} - {None, account.id}
            total = 0
            for original in originals:
                original.reversed = True
                total += original.amount_cents
                uow.session.add(Settlement(
                    invoice_id=invoice.id, person_id=invoice.person_id,
                    amount_cents=-original.amount_cents, settled_on=today,
                    method=original.method, payment_profile_id=original.payment_profile_id,
                    cash_account_id=account.id, justification=justification,
                    reverses_id=original.id, operator_id=actor.id))
            adjustments = uow.session.scalars(select(Charge).where(
                Charge.settlement_id.in_([o.id for o in originals])))
            for adjustment in adjustments:
                adjustment.status = ChargeStatus.REMOVED
                adjustment.invoice_id = None
            for charge in invoicing.charges_of(uow, invoice.id):
                if charge.status == ChargeStatus.SETTLED:
                    charge.status = ChargeStatus.OPEN
            invoicing.recompute_amount(uow, invoice)
            invoice.paid_cents -= total
            invoice.status = InvoiceStatus.OPEN
            invoice.settled_on = None
            invoice.reconciliation_status = ReconciliationStatus.NONE
            invoicing.event(uow, actor, invoice.id, "reversed",
                            f"Estorno de {format_money(total)}: {justification}")
            audit.record(uow, actor, "invoice.reversed", "invoice", invoice.id,
                         person_id=invoice.person_id, before=before,
                         after={"status": invoice.status, "amount_cents": invoice.amount_cents,
                                "paid_cents": invoice.paid_cents, "cash_account_id": account.id,
                                "reversed_on": today},
                         justification=justification)
            warning = None
            if others:
                names = ", ".join(uow.get(CashAccount, i).name for i in sorted(others))
                warning = m.REVERSAL_OTHER_ACCOUNT_WARNING.format(account=names)
            return RowOutcome(invoice.id, True, warning=warning)

        outcomes = run_rows(uow, ids, one)
        finish(uow, dry_run=dry_run)
    return BatchResult(outcomes, Changes(invoices=True, charges=True, settlements=True,
                                         header=True))
