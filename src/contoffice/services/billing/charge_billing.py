"""Faturar contas (INV-G-6): one invoice per conta, or all contas in one invoice."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy.orm.exc import StaleDataError

from contoffice.core.vocab import ChargeStatus
from contoffice.db.models import Charge, PaymentProfile
from contoffice.db.uow import RECORD_CHANGED, UnitOfWork
from contoffice.errors import InvalidInput, Stale
from contoffice.services.invoicing import rules as invoicing
from contoffice.services.kernel import audit
from contoffice.services.kernel import messages as m
from contoffice.services.kernel.batch import Refused, finish, run_rows, unique_ids
from contoffice.services.kernel.permissions import Actor, require
from contoffice.services.kernel.results import BatchResult, Changes, RowOutcome

PER_CHARGE = "per_charge"  # Uma fatura por conta
ALL_IN_ONE = "all_in_one"  # Todas as contas em uma fatura


def _refusal(uow: UnitOfWork, charge: Charge) -> str | None:
    code = charge.id
    checks = (
        (charge.status == ChargeStatus.SETTLED, m.CHARGE_ALREADY_SETTLED.format(code=code)),
        (charge.invoice_id is not None, m.CHARGE_IN_INVOICE.format(code=code)),
        (charge.status == ChargeStatus.SUSPENDED, m.CHARGE_ALREADY_SUSPENDED.format(code=code)),
        (charge.status == ChargeStatus.REMOVED, m.CHARGE_REMOVED.format(code=code)),
        # Asked per conta, now: a run opened since this tool started reserves it too.
        (invoicing.run_is_running(uow, charge.billing_run_id),
         m.CHARGE_AWAITS_BILLING.format(code=code)),
    )
    return next((msg for bad, msg in checks if bad), None)


def bill_charges(uow: UnitOfWork, actor: Actor, *, charge_ids: Sequence[int], method: str,
                 payment_profile_id: int | None = None, due_date: date | None = None,
                 description: str | None = None, today: date | None = None,
                 dry_run: bool = False) -> BatchResult:
    """Bill contas by hand; with one conta (or per conta) due date and description are its own.

    All-in-one answers for every conta with the one new invoice (`new_id`);
    a refused conta refuses the whole invoice, which is then not created.
    """
    today = today or date.today()
    ids = unique_ids(charge_ids)
    with uow:
        require(actor, "charges.bill")
        if method not in (PER_CHARGE, ALL_IN_ONE):
            raise InvalidInput(m.BILLING_METHOD_INVALID.format(method=method), field="Método")
        if payment_profile_id is not None:
            uow.get(PaymentProfile, payment_profile_id, what="Profile de pagamento")
        free_fields = method == ALL_IN_ONE and len(ids) > 1
        if free_fields and due_date is not None:
            invoicing.require_due(due_date, today)

        def profile_of(charge: Charge) -> int | None:
            return payment_profile_id or charge.payment_profile_id

        def one(charge_id: int) -> RowOutcome:
            charge = uow.get(Charge, charge_id, what="Conta")
            if (refusal := _refusal(uow, charge)) is not None:
                raise Refused(refusal)
            if charge.amount_cents <= 0:
                raise Refused(m.INVOICE_TOTAL_NOT_POSITIVE.format(code=charge.id))
            invoice = invoicing.new_invoice(
                uow, charges=[charge], person_id=charge.person_id, profile_id=profile_of(charge),
                due_date=charge.due_date, description=charge.description, issue_date=today,
                contract_id=charge.contract_id, competence=charge.competence,
                direction=charge.direction)
            invoicing.event(uow, actor, invoice.id, "created", f"Faturada a conta {charge.id}")
            audit.record(uow, actor, "charge.billed", "charge", charge.id,
                         person_id=charge.person_id, after={"invoice_id": invoice.id,
                                                            "our_number": invoice.our_number})
            return RowOutcome(charge.id, True, new_id=invoice.id)

        if not free_fields:
            outcomes = run_rows(uow, ids, one)
            finish(uow, dry_run=dry_run)
            return BatchResult(outcomes, Changes(charges=True, invoices=True, header=True))

        charges = [uow.get(Charge, i, what="Conta") for i in ids]
        refusals = {c.id: r for c in charges if (r := _refusal(uow, c)) is not None}
        if refusals:
            other = "Fatura não gerada: outra conta selecionada foi recusada."
            return BatchResult([RowOutcome(c.id, False, refusals.get(c.id, other))
                                for c in charges])
        if len({(c.person_id, c.direction) for c in charges}) > 1:
            raise InvalidInput(m.CHARGES_OF_MANY_PEOPLE)
        if sum(c.amount_cents for c in charges) <= 0:
            raise InvalidInput(m.INVOICE_TOTAL_NOT_POSITIVE.format(code="nova"))
        first = charges[0]
        try:
            invoice = invoicing.new_invoice(
                uow, charges=charges, person_id=first.person_id, profile_id=profile_of(first),
                due_date=due_date or max(c.due_date for c in charges),
                description=(description or "").strip() or first.description, issue_date=today,
                contract_id=first.contract_id if len({c.contract_id for c in charges}) == 1
                else None, direction=first.direction)
        except StaleDataError:  # a conta was billed by another desk meanwhile: nothing kept
            uow.rollback()
            raise Stale(RECORD_CHANGED) from None
        invoicing.event(uow, actor, invoice.id, "created", f"Faturadas as contas {ids}")
        audit.record(uow, actor, "charges.billed", "invoice", invoice.id,
                     person_id=invoice.person_id, after={"charges": ids,
                                                         "amount_cents": invoice.amount_cents,
                                                         "our_number": invoice.our_number})
        finish(uow, dry_run=dry_run)
        return BatchResult([RowOutcome(c, True, new_id=invoice.id) for c in ids],
                           Changes(charges=True, invoices=True, header=True))
