"""Contas a pagar linked to a person (INV-H) and their invoices (INV-F)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from contoffice.core.vocab import ChargeStatus, ReconciliationStatus
from contoffice.db.models import Charge, Invoice, LedgerAccount
from contoffice.db.uow import UnitOfWork
from contoffice.errors import InvalidInput
from contoffice.services.billing import charges
from contoffice.services.invoicing import rules as invoicing
from contoffice.services.kernel import audit, money_limits
from contoffice.services.kernel import messages as m
from contoffice.services.kernel.batch import Refused, finish, run_rows, unique_ids
from contoffice.services.kernel.permissions import Actor, require
from contoffice.services.kernel.results import BatchResult, Changes, RowOutcome

_CHANGES = Changes(charges=True, invoices=True, header=True)


def insert_payable(uow: UnitOfWork, actor: Actor, *, data: charges.ChargeInput,
                   today: date | None = None,
                   confirmed: frozenset[str] = frozenset()) -> list[int]:
    """Lançar conta a pagar for a supplier (same fields as Inserir conta)."""
    return charges.insert_charges(uow, actor, data=replace(data, direction="P"), today=today,
                                  confirmed=confirmed)


def payable_charge_warning(uow: UnitOfWork, charge_id: int) -> str | None:
    """The warning the edit dialog shows on opening when the conta is already billed."""
    with uow:
        charge = uow.get(Charge, charge_id, what="Conta")
        return m.PAYABLE_BILLED_WARNING if charge.invoice_id is not None else None


def edit_payable_charges(uow: UnitOfWork, actor: Actor, *, charge_ids: Sequence[int],
                         description: str | None = None, due_date: date | None = None,
                         period_start: date | None = None, period_end: date | None = None,
                         installment: int | None = None, ledger_account_id: int | None = None,
                         amount_cents: int | None = None,
                         confirmed: frozenset[str] = frozenset(),
                         dry_run: bool = False) -> BatchResult:
    """Alterar conta a pagar (INV-H-1): value and due date only while not in an invoice."""
    values = {"description": description, "due_date": due_date, "period_start": period_start,
              "period_end": period_end, "installment": installment,
              "ledger_account_id": ledger_account_id, "amount_cents": amount_cents}
    values = {k: v for k, v in values.items() if v is not None}
    with uow:
        require(actor, "payable_charges.edit")
        if not values:
            raise InvalidInput(m.NOTHING_TO_CHANGE)
        if amount_cents is not None:
            invoicing.require_positive(amount_cents)
        if ledger_account_id is not None:
            uow.get(LedgerAccount, ledger_account_id, what="Plano de contas")
        money_limits.check_date(uow, due_date, "Vencimento")
        money_limits.check_amount(uow, amount_cents, confirmed=confirmed, dry_run=dry_run)

        def one(charge_id: int) -> RowOutcome:
            charge = uow.get(Charge, charge_id, what="Conta")
            invoice = uow.session.get(Invoice, charge.invoice_id or 0)
            if charge.direction != "P":
                raise Refused(m.INVOICE_WRONG_DIRECTION.format(code=charge.id))
            if charge.status == ChargeStatus.SETTLED:
                raise Refused(m.CHARGE_EDIT_SETTLED)
            if invoice is not None and (invoice.reconciliation_status
                                        == ReconciliationStatus.RECONCILED):
                raise Refused(m.CHARGE_EDIT_RECONCILED)
            if invoice is not None and ("due_date" in values or "amount_cents" in values):
                raise Refused(m.PAYABLE_EDIT_IN_INVOICE)
            before, after = audit.changed_fields(charge, values)
            for key, value in values.items():
                setattr(charge, key, value)
            audit.record(uow, actor, "payable.edited", "charge", charge.id,
                         person_id=charge.person_id, before=before, after=after)
            return RowOutcome(charge.id, True)

        outcomes = run_rows(uow, unique_ids(charge_ids), one)
        finish(uow, dry_run=dry_run)
    return BatchResult(outcomes, _CHANGES)


def remove_payable_charges(uow: UnitOfWork, actor: Actor, *, charge_ids: Sequence[int],
                           notes: str = "", dry_run: bool = False) -> BatchResult:
    """Excluir conta a pagar: not when settled or part of an invoice (INV-H-2)."""
    with uow:
        require(actor, "payable_charges.remove")

        def one(charge_id: int) -> RowOutcome:
            charge = uow.get(Charge, charge_id, what="Conta")
            if charge.direction != "P":
                raise Refused(m.INVOICE_WRONG_DIRECTION.format(code=charge.id))
            if charge.status == ChargeStatus.SETTLED:
                raise Refused(m.CHARGE_ALREADY_SETTLED.format(code=charge.id))
            if charge.invoice_id is not None:
                raise Refused(m.CHARGE_IN_INVOICE.format(code=charge.id))
            if charge.status == ChargeStatus.REMOVED:
                raise Refused(m.CHARGE_REMOVED.format(code=charge.id))
            charge.status, charge.notes = ChargeStatus.REMOVED, notes.strip()
            audit.record(uow, actor, "payable.removed", "charge", charge.id,
                         person_id=charge.person_id, before={"status": "open"},
                         after={"status": "removed"}, justification=notes)
            return RowOutcome(charge.id, True)

        outcomes = run_rows(uow, unique_ids(charge_ids), one)
        finish(uow, dry_run=dry_run)
    return BatchResult(outcomes, _CHANGES)
