"""Liquidação avulsa de faturas (INV-E-16, INV-F-2): full, with discount/surcharge, partial."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy import select

from contoffice.core.format import format_date
from contoffice.core.vocab import (
    SettlementMethod,
)
from contoffice.db.models import CashAccount, Invoice, PaymentProfile
from contoffice.db.uow import UnitOfWork
from contoffice.errors import InvalidInput
from contoffice.services.invoicing import rules as invoicing
from contoffice.services.kernel import guards, money_limits
from contoffice.services.kernel import messages as m
from contoffice.services.kernel.batch import finish, run_bulk, unique_ids
from contoffice.services.kernel.permissions import Actor, require
from contoffice.services.kernel.results import BatchResult, Changes
from contoffice.services.settlements import bulk as settle_bulk

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
                    method: str, justification: str, settled_on: date | None = None,
                    value_cents: int | None = None, payment_profile_id: int | None = None,
                    partial: bool = False, today: date | None = None,
                    confirmed: frozenset[str] = frozenset(),
                    dry_run: bool = False) -> BatchResult:
    """Settle invoices by hand; less → conta de desconto, more → conta de acréscimo.

    With `partial=True` the value is a real partial payment: no discount conta,
    the balance stays open and the invoice is "com liquidação parcial" until
    further partial payments reach its total. A typed value is bounded by the
    office's ceiling and asks to be confirmed above its threshold; the date may
    not come before the office existed (money_limits).
    """
    today = today or date.today()
    settled_on = settled_on or today
    ids = unique_ids(invoice_ids)
    with uow:
        require_directions(uow, actor, ids, "invoices.settle", "payables.settle")
        if method not in METHODS:
            raise InvalidInput(m.PAYMENT_METHOD_INVALID.format(method=method),
                               field="Método de pagamento")
        if settled_on > today:
            raise InvalidInput(m.SETTLEMENT_IN_FUTURE.format(date=format_date(settled_on)),
                               field="Data de liquidação")
        money_limits.check_date(uow, settled_on, "Data de liquidação", today=today)
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
        # Asked last, once everything typed is known to be acceptable.
        money_limits.check_amount(uow, value_cents, "Valor de liquidação",
                                  confirmed=confirmed, dry_run=dry_run)
        discount_ledger = guards.ledger_id(uow, "ledger.discount")
        surcharge_ledger = guards.ledger_id(uow, "ledger.surcharge")
        terms = settle_bulk.Terms(
            method=method, settled_on=settled_on, justification=justification,
            value_cents=value_cents, payment_profile_id=payment_profile_id,
            cash_account_id=cash_account_id, partial=partial, discount_ledger=discount_ledger,
            surcharge_ledger=surcharge_ledger)
        # Whole chunks checked in Python and written in bulk; a chunk another desk touched
        # meanwhile is redone row by row, each row in its own SAVEPOINT, by the same rule.
        outcomes = run_bulk(
            uow, ids, lambda chunk: settle_bulk.settle_chunk(uow, actor, chunk, terms),
            lambda invoice_id: settle_bulk.settle_chunk(uow, actor, [invoice_id], terms)[0],
            size=1000)
        finish(uow, dry_run=dry_run)
    return BatchResult(outcomes, Changes(invoices=True, charges=True, settlements=True,
                                         header=True))
