"""Alterar Fatura (INV-E-10): in place, or recreated with a new nosso número (INV-E-10R)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date

from contoffice.core.format import format_money
from contoffice.core.vocab import ChargeKind, RemittanceStatus
from contoffice.db.models import Charge, Invoice, LedgerAccount
from contoffice.db.uow import RECORD_CHANGED, UnitOfWork
from contoffice.errors import InvalidInput, Stale
from contoffice.services.invoicing import rules as invoicing
from contoffice.services.kernel import audit, confirmations, guards, money_limits
from contoffice.services.kernel import messages as m
from contoffice.services.kernel.batch import Refused, finish, run_rows, unique_ids
from contoffice.services.kernel.permissions import Actor, require
from contoffice.services.kernel.results import BatchResult, Changes, RowOutcome

REISSUE_KEY = "invoice.reissue"
_CHANGES = Changes(invoices=True, charges=True, header=True)
Change = Callable[[Invoice], tuple[dict, dict, int | None]]


def _alter(uow: UnitOfWork, actor: Actor, ids: Sequence[int], action: str, justification: str,
           change: Change, *, dry_run: bool, remittance_free: bool = False,
           versions: Mapping[int, int] | None = None) -> BatchResult:
    """The common frame: guard each invoice, apply `change`, one audit event per row.

    `versions` are the version_id each invoice had when the clerk opened the
    dialog: if another desk changed it since, the whole call is refused (Stale).
    """
    def one(invoice_id: int) -> RowOutcome:
        invoice = uow.get(Invoice, invoice_id, what="Fatura")
        if versions and versions.get(invoice.id, invoice.version_id) != invoice.version_id:
            raise Stale(RECORD_CHANGED)
        if (refusal := guards.alter_refusal(invoice, remittance_free=remittance_free)):
            raise Refused(refusal)
        before, after, new_id = change(invoice)
        audit.record(uow, actor, action, "invoice", invoice.id, person_id=invoice.person_id,
                     before=before, after=after, justification=justification)
        if new_id is None:
            # The audit record holds before/after; the event keeps the clerk's reason.
            invoicing.event(uow, actor, invoice.id, "altered", justification)
        return RowOutcome(invoice.id, True, new_id=new_id)

    outcomes = run_rows(uow, unique_ids(ids), one)
    finish(uow, dry_run=dry_run)
    return BatchResult(outcomes, _CHANGES)


def _confirm_reissue(ids: Sequence[int], confirmed: frozenset[str], dry_run: bool) -> None:
    confirmations.ask(REISSUE_KEY, m.REISSUE_WARNING.format(
        codes=", ".join(map(str, unique_ids(ids)))), confirmed=confirmed, dry_run=dry_run)


def alter_description(uow: UnitOfWork, actor: Actor, *, invoice_ids: Sequence[int],
                      description: str, justification: str, dry_run: bool = False,
        versions: Mapping[int, int] | None = None) -> BatchResult:
    """Descrição da fatura: change only the description (same nosso número)."""
    with uow:
        require(actor, "invoices.edit")
        justification = invoicing.require_text(justification)
        description = invoicing.require_text(description, "Descrição")

        def change(invoice: Invoice) -> tuple[dict, dict, int | None]:
            before = {"description": invoice.description}
            invoice.description = description[:200]
            return before, {"description": invoice.description}, None

        return _alter(uow, actor, invoice_ids, "invoice.description_changed", justification,
                      change, dry_run=dry_run, versions=versions)


def alter_due_date(uow: UnitOfWork, actor: Actor, *, invoice_ids: Sequence[int], due_date: date,
                   justification: str, surcharge_cents: int = 0,
                   confirmed: frozenset[str] = frozenset(), today: date | None = None,
                   dry_run: bool = False,
        versions: Mapping[int, int] | None = None) -> BatchResult:
    """Data de vencimento: recreate with the new due date (and an optional acréscimo)."""
    today = today or date.today()
    with uow:
        require(actor, "invoices.edit")
        justification = invoicing.require_text(justification)
        invoicing.require_due(due_date, today)
        money_limits.check_date(uow, due_date, "Vencimento", today=today)
        if surcharge_cents:
            invoicing.require_positive(surcharge_cents, "Acréscimo")
        money_limits.check_amount(uow, surcharge_cents, "Acréscimo", confirmed=confirmed,
                                  dry_run=dry_run)
        _confirm_reissue(invoice_ids, confirmed, dry_run)
        ledger = guards.ledger_id(uow, "ledger.surcharge")

        def change(invoice: Invoice) -> tuple[dict, dict, int | None]:
            extra = [] if not surcharge_cents else [invoicing.open_charge(
                person_id=invoice.person_id, direction=invoice.direction,
                kind=ChargeKind.SURCHARGE, description="Acréscimo por novo vencimento",
                amount_cents=surcharge_cents, due_date=due_date, ledger_account_id=ledger,
                contract_id=invoice.contract_id)]
            new = invoicing.reissue(uow, actor, invoice, reason=justification, today=today,
                                    due_date=due_date, extra=extra)
            return ({"due_date": invoice.due_date, "our_number": invoice.our_number},
                    {"due_date": due_date, "new_invoice_id": new.id,
                     "our_number": new.our_number, "surcharge_cents": surcharge_cents}, new.id)

        return _alter(uow, actor, invoice_ids, "invoice.due_date_changed", justification,
                      change, dry_run=dry_run, versions=versions)


def alter_value(uow: UnitOfWork, actor: Actor, *, invoice_ids: Sequence[int], value_cents: int,
                justification: str, confirmed: frozenset[str] = frozenset(),
                today: date | None = None, dry_run: bool = False,
        versions: Mapping[int, int] | None = None) -> BatchResult:
    """Alteração de valor: recreate with the new value (an acréscimo/desconto conta)."""
    today = today or date.today()
    with uow:
        require(actor, "invoices.edit")
        justification = invoicing.require_text(justification)
        invoicing.require_positive(value_cents, "Valor da fatura")
        money_limits.check_amount(uow, value_cents, "Valor da fatura", confirmed=confirmed,
                                  dry_run=dry_run)
        _confirm_reissue(invoice_ids, confirmed, dry_run)
        ledgers = {1: guards.ledger_id(uow, "ledger.surcharge"),
                   -1: guards.ledger_id(uow, "ledger.discount")}

        def change(invoice: Invoice) -> tuple[dict, dict, int | None]:
            diff = value_cents - invoice.amount_cents
            if diff == 0:
                raise Refused(m.NOTHING_TO_CHANGE)
            sign = 1 if diff > 0 else -1
            extra = [invoicing.open_charge(
                person_id=invoice.person_id, direction=invoice.direction,
                kind=ChargeKind.SURCHARGE if sign > 0 else ChargeKind.DISCOUNT,
                description=f"Ajuste de valor da fatura {invoice.id} ({format_money(diff)})",
                amount_cents=diff, due_date=invoice.due_date, ledger_account_id=ledgers[sign],
                contract_id=invoice.contract_id)]
            new = invoicing.reissue(uow, actor, invoice, reason=justification, today=today,
                                    extra=extra)
            return ({"amount_cents": invoice.amount_cents, "our_number": invoice.our_number},
                    {"amount_cents": new.amount_cents, "new_invoice_id": new.id,
                     "our_number": new.our_number}, new.id)

        return _alter(uow, actor, invoice_ids, "invoice.value_changed", justification, change,
                      dry_run=dry_run, versions=versions)


def alter_discount(uow: UnitOfWork, actor: Actor, *, invoice_ids: Sequence[int],
                   discount_cents: int, discount_until: date | None, instruction: str,
                   justification: str, confirmed: frozenset[str] = frozenset(),
                   dry_run: bool = False,
        versions: Mapping[int, int] | None = None) -> BatchResult:
    """Alteração de desconto/instrução: on-time discount, its last day, boleto instruction."""
    with uow:
        require(actor, "invoices.edit")
        justification = invoicing.require_text(justification)
        if discount_cents < 0:
            raise InvalidInput(m.AMOUNT_NOT_POSITIVE, field="Desconto")
        money_limits.check_date(uow, discount_until, "Data limite do desconto")
        money_limits.check_amount(uow, discount_cents, "Desconto", confirmed=confirmed,
                                  dry_run=dry_run)

        def change(invoice: Invoice) -> tuple[dict, dict, int | None]:
            if discount_cents >= invoice.amount_cents:
                raise Refused(m.INVOICE_TOTAL_NOT_POSITIVE.format(code=invoice.id))
            if discount_until is not None and discount_until > invoice.due_date:
                raise Refused(m.DISCOUNT_UNTIL_AFTER_DUE)
            before = {"discount_cents": invoice.discount_cents,
                      "discount_until": invoice.discount_until,
                      "instruction": invoice.instruction}
            invoice.discount_cents, invoice.discount_until = discount_cents, discount_until
            invoice.instruction = instruction.strip()
            return before, {"discount_cents": discount_cents, "discount_until": discount_until,
                            "instruction": invoice.instruction}, None

        return _alter(uow, actor, invoice_ids, "invoice.discount_changed", justification,
                      change, dry_run=dry_run, versions=versions)


def set_remittance_mark(uow: UnitOfWork, actor: Actor, *, invoice_ids: Sequence[int],
                        transmitted: bool, justification: str,
                        dry_run: bool = False) -> BatchResult:
    """Incluir / Remover marcação de remessa transmitida (INV-E-10 d/e, INV-E-18)."""
    with uow:
        require(actor, "invoices.remittance_mark" if not transmitted else "invoices.edit")
        justification = invoicing.require_text(justification)

        def change(invoice: Invoice) -> tuple[dict, dict, int | None]:
            state = invoice.remittance_status
            if transmitted and state == RemittanceStatus.TRANSMITTED:
                raise Refused(m.INVOICE_ALREADY_MARKED_TRANSMITTED.format(code=invoice.id))
            if not transmitted and state not in (RemittanceStatus.GENERATED,
                                                 RemittanceStatus.TRANSMITTED):
                raise Refused(m.INVOICE_NO_REMITTANCE.format(code=invoice.id))
            invoice.remittance_status = (RemittanceStatus.TRANSMITTED if transmitted
                                         else RemittanceStatus.NONE)
            return {"remittance_status": state}, {"remittance_status":
                                                  invoice.remittance_status}, None

        return _alter(uow, actor, invoice_ids, "invoice.remittance_mark", justification, change,
                      dry_run=dry_run, remittance_free=True)


def alter_invoice_charge(uow: UnitOfWork, actor: Actor, *, invoice_id: int, charge_id: int,
                         justification: str, amount_cents: int | None = None,
                         description: str | None = None, period_start: date | None = None,
                         period_end: date | None = None, ledger_account_id: int | None = None,
                         confirmed: frozenset[str] = frozenset(), today: date | None = None,
                         dry_run: bool = False) -> BatchResult:
    """Editar contas associadas a faturas: a new value recreates the invoice."""
    today = today or date.today()
    with uow:
        require(actor, "invoices.edit")
        justification = invoicing.require_text(justification)
        if amount_cents is not None:
            invoicing.require_positive(amount_cents)
            money_limits.check_amount(uow, amount_cents, confirmed=confirmed, dry_run=dry_run)
            _confirm_reissue([invoice_id], confirmed, dry_run)
        if ledger_account_id is not None:
            uow.get(LedgerAccount, ledger_account_id, what="Plano de contas")

        def change(invoice: Invoice) -> tuple[dict, dict, int | None]:
            charge = uow.get(Charge, charge_id, what="Conta")
            if charge.invoice_id != invoice.id:
                raise Refused(m.CHARGE_NOT_IN_INVOICE.format(code=charge.id, invoice=invoice.id))
            values = {"description": description, "period_start": period_start,
                      "period_end": period_end, "ledger_account_id": ledger_account_id}
            values = {k: v for k, v in values.items() if v is not None}
            reissue = amount_cents is not None and amount_cents != charge.amount_cents
            if not values and not reissue:
                raise Refused(m.NOTHING_TO_CHANGE)
            before, after = audit.changed_fields(charge, values)
            for key, value in values.items():
                setattr(charge, key, value)
            if not reissue:
                return before, after, None
            before["amount_cents"], after["amount_cents"] = charge.amount_cents, amount_cents
            charge.amount_cents = amount_cents  # type: ignore[assignment]
            new = invoicing.reissue(uow, actor, invoice, reason=justification, today=today)
            after["new_invoice_id"] = new.id
            return before, after, new.id

        return _alter(uow, actor, [invoice_id], "invoice.charge_changed", justification,
                      change, dry_run=dry_run)
