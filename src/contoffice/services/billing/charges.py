"""Contas não faturadas (INV-G): insert, edit, remove, suspend, lift suspension."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select

from contoffice.core.vocab import ChargeKind, ChargeStatus, InvoiceStatus, ReconciliationStatus
from contoffice.db.models import Charge, Invoice, LedgerAccount, PaymentProfile, Person
from contoffice.db.uow import UnitOfWork
from contoffice.errors import InvalidInput
from contoffice.services.invoicing import rules as invoicing
from contoffice.services.invoicing.rules import add_months
from contoffice.services.kernel import audit, confirmations, guards, money_limits
from contoffice.services.kernel import messages as m
from contoffice.services.kernel.batch import Refused, finish, run_rows, unique_ids
from contoffice.services.kernel.permissions import Actor, require
from contoffice.services.kernel.results import BatchResult, Changes, RowOutcome
from contoffice.services.settlements import settle as settlements

IN_INVOICE_KEY = "charge.in_invoice"
_CHANGES = Changes(charges=True, invoices=True, header=True)


@dataclass(frozen=True, slots=True)
class ChargeInput:
    """Inserir Conta, step 1 (the conta) and step 2 (replications, settle now, profile)."""

    person_id: int
    description: str
    amount_cents: int
    due_date: date
    period_start: date | None = None
    period_end: date | None = None
    installment: int | None = None
    ledger_account_id: int | None = None
    composition: str = ""
    replications: int = 0  # how many more contas besides this one
    interval_days: int = 30
    interval_months: int = 0  # a calendar-month interval instead of days (§4.4)
    settle_now: bool = False
    payment_profile_id: int | None = None
    direction: str = "R"


def _pending_run(charge: Charge, running: set[int]) -> bool:
    return charge.billing_run_id in running and charge.invoice_id is None


def insert_charges(uow: UnitOfWork, actor: Actor, *, data: ChargeInput,
                   today: date | None = None,
                   confirmed: frozenset[str] = frozenset()) -> list[int]:
    """Inserir conta (avulsa), with replications; returns the new conta ids."""
    today = today or date.today()
    with uow:
        require(actor, "charges.insert")
        uow.get(Person, data.person_id, what="Cadastro")
        invoicing.require_positive(data.amount_cents)
        description = (data.description or "").strip()
        if not description:  # require_text would ask for the justificativa
            raise InvalidInput(m.DESCRIPTION_REQUIRED, field="Descrição")
        if not 0 <= data.replications <= 360:
            raise InvalidInput(m.REPLICATIONS_OUT_OF_RANGE.format(low=0, high=360),
                               field="Número de replicações")
        if data.interval_months == 0 and data.interval_days < 1:
            raise InvalidInput(m.INTERVAL_TOO_SHORT, field="Intervalo")
        _check_interval(data)
        if data.ledger_account_id is not None:
            uow.get(LedgerAccount, data.ledger_account_id, what="Plano de contas")
        if data.payment_profile_id is not None:
            uow.get(PaymentProfile, data.payment_profile_id, what="Profile de pagamento")
        if data.period_start and data.period_end and data.period_end < data.period_start:
            raise InvalidInput(m.PERIOD_END_BEFORE_START, field="Ref final")
        total = data.replications + 1
        # The typed date first: bounded, the replications below cannot overflow a date.
        money_limits.check_date(uow, data.due_date, "Vencimento", today=today)
        dues = [_replica_due(data, n) for n in range(total)]
        money_limits.check_date(uow, dues[-1], "Vencimento da última conta", today=today)
        # Asked last, once everything typed is known to be acceptable.
        money_limits.check_amount(uow, data.amount_cents, confirmed=confirmed)
        created: list[Charge] = []
        for n, due in enumerate(dues):
            charge = invoicing.open_charge(
                person_id=data.person_id, direction=data.direction, kind=ChargeKind.ONE_OFF,
                description=description, amount_cents=data.amount_cents, due_date=due,
                ledger_account_id=data.ledger_account_id)
            charge.period_start, charge.period_end = data.period_start, data.period_end
            charge.installment = (data.installment or 1) + n if total > 1 else data.installment
            charge.installments = total if total > 1 else None
            charge.payment_profile_id, charge.composition = (data.payment_profile_id,
                                                             data.composition.strip())
            uow.session.add(charge)
            created.append(charge)
        uow.session.flush()
        for charge in created:
            audit.record(uow, actor, "charge.inserted", "charge", charge.id,
                         person_id=charge.person_id,
                         after={"amount_cents": charge.amount_cents, "due_date": charge.due_date,
                                "description": charge.description})
        invoices: list[int] = []
        if data.settle_now:
            for charge in created:  # Liquidar agora: each conta billed and settled at once
                inv = invoicing.new_invoice(
                    uow, charges=[charge], person_id=charge.person_id,
                    profile_id=data.payment_profile_id, due_date=charge.due_date,
                    description=charge.description, issue_date=today,
                    direction=charge.direction)
                invoices.append(inv.id)
        uow.commit()
        ids = [c.id for c in created]
    if invoices:
        settlements.settle_invoices(uow, actor, invoice_ids=invoices, method="other",
                                    settled_on=min(today, data.due_date),
                                    justification="Liquidar agora (inserção da conta)",
                                    today=today)
    return ids


def _check_interval(data: ChargeInput) -> None:
    """An interval of at most 10 years (or 120 months): more is a typo that overflows dates."""
    if data.interval_months:
        if not 0 < data.interval_months <= 120:
            raise InvalidInput(m.REPLICATION_INTERVAL_INVALID.format(limit="120 meses"),
                               field="Intervalo")
    elif data.interval_days > 3660:
        raise InvalidInput(m.REPLICATION_INTERVAL_INVALID.format(limit="3660 dias"),
                           field="Intervalo")


def _replica_due(data: ChargeInput, n: int) -> date:
    """The due date of the n-th conta (0 = the one typed) of an insertion with replications."""
    if data.interval_months:
        return add_months(data.due_date, data.interval_months * n).replace(
            day=min(data.due_date.day, 28))
    return data.due_date + timedelta(days=data.interval_days * n)


def edit_charges(uow: UnitOfWork, actor: Actor, *, charge_ids: Sequence[int],
                 amount_cents: int | None = None, description: str | None = None,
                 due_date: date | None = None, period_start: date | None = None,
                 period_end: date | None = None, installment: int | None = None,
                 ledger_account_id: int | None = None, composition: str | None = None,
                 confirmed: frozenset[str] = frozenset(), today: date | None = None,
                 dry_run: bool = False) -> BatchResult:
    """Editar Conta: the given fields (None = unchanged) on each conta (INV-G-2)."""
    today = today or date.today()
    ids = unique_ids(charge_ids)
    values = {"amount_cents": amount_cents, "description": description, "due_date": due_date,
              "period_start": period_start, "period_end": period_end,
              "installment": installment, "ledger_account_id": ledger_account_id,
              "composition": composition}
    values = {k: v for k, v in values.items() if v is not None}
    with uow:
        require(actor, "charges.edit")
        if not values:
            raise InvalidInput(m.NOTHING_TO_CHANGE)
        if amount_cents is not None:
            invoicing.require_positive(amount_cents)
        money_limits.check_date(uow, due_date, "Vencimento", today=today)
        money_limits.check_amount(uow, amount_cents, confirmed=confirmed, dry_run=dry_run)
        running = invoicing.running_run_ids(uow)

        def refusal(charge: Charge) -> str | None:
            invoice = uow.session.get(Invoice, charge.invoice_id or 0)
            checks = (
                (charge.status == ChargeStatus.SETTLED, m.CHARGE_EDIT_SETTLED),
                (charge.status == ChargeStatus.REMOVED or charge.settlement_id is not None,
                 m.CHARGE_EDIT_FROZEN),
                (invoice is not None and invoice.reconciliation_status
                 == ReconciliationStatus.RECONCILED, m.CHARGE_EDIT_RECONCILED),
                (_pending_run(charge, running),
                 m.CHARGE_EDIT_PENDING_BILLING.format(code=charge.billing_run_id)),
                (bool(composition) and charge.contract_id is not None,
                 m.CHARGE_EDIT_CONTRACT_COMPOSITION),
            )
            return next((msg for failed, msg in checks if failed), None)

        charges = [uow.get(Charge, i, what="Conta") for i in ids]
        billed = [c for c in charges if c.invoice_id is not None and refusal(c) is None]
        if billed:
            confirmations.ask(IN_INVOICE_KEY, m.CHARGE_EDIT_IN_INVOICE_CONFIRM,
                              confirmed=confirmed, dry_run=dry_run)

        def one(charge_id: int) -> RowOutcome:
            charge = uow.get(Charge, charge_id, what="Conta")
            if (reason := refusal(charge)) is not None:
                raise Refused(reason)
            invoice = uow.session.get(Invoice, charge.invoice_id or 0)
            if invoice is not None and (blocked := guards.alter_refusal(invoice)) is not None:
                raise Refused(blocked)
            before, after = audit.changed_fields(charge, values)
            for key, value in values.items():
                setattr(charge, key, value)
            new_id = None
            if invoice is not None and ("amount_cents" in after or "due_date" in after):
                new = invoicing.reissue(uow, actor, invoice, reason="Conta alterada",
                                        today=today, due_date=due_date)
                new_id = after["new_invoice_id"] = new.id
            audit.record(uow, actor, "charge.edited", "charge", charge.id,
                         person_id=charge.person_id, before=before, after=after)
            return RowOutcome(charge.id, True, new_id=new_id)

        outcomes = run_rows(uow, ids, one)
        finish(uow, dry_run=dry_run)
    return BatchResult(outcomes, _CHANGES)


def remove_charges(uow: UnitOfWork, actor: Actor, *, charge_ids: Sequence[int], notes: str,
                   dry_run: bool = False) -> BatchResult:
    """Remover conta (INV-G-3): nothing is destroyed, the conta is marked removed."""
    ids = unique_ids(charge_ids)
    with uow:
        require(actor, "charges.remove")
        notes = invoicing.require_text(notes, "Observações adicionais")
        running = invoicing.running_run_ids(uow)

        def one(charge_id: int) -> RowOutcome:
            charge = uow.get(Charge, charge_id, what="Conta")
            invoice = uow.session.get(Invoice, charge.invoice_id or 0)
            code = charge.id
            checks = (
                (charge.status == ChargeStatus.SETTLED, m.CHARGE_ALREADY_SETTLED.format(code=code)),
                (charge.status == ChargeStatus.REMOVED, m.CHARGE_REMOVED.format(code=code)),
                (invoice is not None and invoice.status == InvoiceStatus.PARTIAL,
                 m.CHARGE_HAS_PARTIAL_PAYMENT),
                (invoice is not None, m.CHARGE_IN_INVOICE.format(code=code)),
                (_pending_run(charge, running), m.CHARGE_AWAITS_BILLING.format(code=code)),
            )
            if (reason := next((msg for bad, msg in checks if bad), None)) is not None:
                raise Refused(reason)
            before = {"status": charge.status}
            charge.status, charge.notes = ChargeStatus.REMOVED, notes
            audit.record(uow, actor, "charge.removed", "charge", charge.id,
                         person_id=charge.person_id, before=before,
                         after={"status": charge.status}, justification=notes)
            return RowOutcome(charge.id, True)

        outcomes = run_rows(uow, ids, one)
        finish(uow, dry_run=dry_run)
    return BatchResult(outcomes, _CHANGES)


def suspend_charges(uow: UnitOfWork, actor: Actor, *, charge_ids: Sequence[int], reason: str,
                    notes: str = "", dry_run: bool = False) -> BatchResult:
    """Suspender Conta (INV-G-4): it will not be billed until the suspension is lifted."""
    ids = unique_ids(charge_ids)
    with uow:
        require(actor, "charges.suspend")
        reason = invoicing.suspension_reason(uow, reason)
        running = invoicing.running_run_ids(uow)

        def one(charge_id: int) -> RowOutcome:
            charge = uow.get(Charge, charge_id, what="Conta")
            code = charge.id
            checks = (
                (charge.status == ChargeStatus.SETTLED, m.CHARGE_ALREADY_SETTLED.format(code=code)),
                (_pending_run(charge, running), m.CHARGE_SUSPEND_AWAITS_BILLING),
                (charge.status == ChargeStatus.SUSPENDED,
                 m.CHARGE_ALREADY_SUSPENDED.format(code=code)),
                (charge.invoice_id is not None, m.CHARGE_SUSPEND_IN_INVOICE),
                (charge.status == ChargeStatus.REMOVED, m.CHARGE_REMOVED.format(code=code)),
            )
            if (refused := next((msg for bad, msg in checks if bad), None)) is not None:
                raise Refused(refused)
            charge.status, charge.suspension_reason = ChargeStatus.SUSPENDED, reason
            charge.notes = notes.strip()
            audit.record(uow, actor, "charge.suspended", "charge", charge.id,
                         person_id=charge.person_id, before={"status": "open"},
                         after={"status": charge.status, "reason": reason}, justification=notes)
            return RowOutcome(charge.id, True)

        outcomes = run_rows(uow, ids, one)
        finish(uow, dry_run=dry_run)
    return BatchResult(outcomes, _CHANGES)


def unsuspend_charges(uow: UnitOfWork, actor: Actor, *, charge_ids: Sequence[int],
                      notes: str = "", dry_run: bool = False) -> BatchResult:
    """Cancelar suspensão de conta (INV-G-5)."""
    ids = unique_ids(charge_ids)
    with uow:
        require(actor, "charges.unsuspend")

        def one(charge_id: int) -> RowOutcome:
            charge = uow.get(Charge, charge_id, what="Conta")
            if charge.status == ChargeStatus.SETTLED:
                raise Refused(m.CHARGE_ALREADY_SETTLED.format(code=charge.id))
            if charge.status != ChargeStatus.SUSPENDED:
                raise Refused(m.CHARGE_NOT_SUSPENDED.format(code=charge.id))
            charge.status, charge.suspension_reason = ChargeStatus.OPEN, ""
            audit.record(uow, actor, "charge.unsuspended", "charge", charge.id,
                         person_id=charge.person_id, before={"status": "suspended"},
                         after={"status": charge.status}, justification=notes)
            return RowOutcome(charge.id, True)

        outcomes = run_rows(uow, ids, one)
        finish(uow, dry_run=dry_run)
    return BatchResult(outcomes, _CHANGES)


def unbilled_charge_ids(uow: UnitOfWork, person_id: int, direction: str = "R") -> list[int]:
    """The ids of a person's contas não faturadas (open or suspended, in no invoice)."""
    with uow:
        return list(uow.session.scalars(select(Charge.id).where(
            Charge.person_id == person_id, Charge.direction == direction,
            Charge.invoice_id.is_(None),
            Charge.status.in_((ChargeStatus.OPEN, ChargeStatus.SUSPENDED))).order_by(Charge.id)))
