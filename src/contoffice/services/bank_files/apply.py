"""The writes of a return import, in bulk: settlements, states, history, records, fees."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select, update

from contoffice.core.progress import Progress, check_cancelled
from contoffice.core.vocab import (
    ReconciliationStatus,
    RemittanceStatus,
    ReturnOutcome,
    SettlementMethod,
)
from contoffice.db import bulk
from contoffice.db.models import BankReturn, CashAccount, Invoice, PaymentProfile
from contoffice.db.uow import UnitOfWork
from contoffice.services.bank_files import fees
from contoffice.services.bank_files.plan import Plan
from contoffice.services.kernel import audit, guards
from contoffice.services.kernel.batch import chunks
from contoffice.services.kernel.permissions import Actor
from contoffice.services.settlements import bulk_write

_INVOICE = Invoice.__table__
CHUNK = 5_000  # settlements per bulk write (and per progress step)


def write(uow: UnitOfWork, actor: Actor, plan: Plan, header: BankReturn,
          profile: PaymentProfile, today: date, progress: Progress) -> int | None:
    """Apply the plan; the code of the fees' conta a pagar (None: no fees)."""
    session = uow.session
    target = bulk_write.Target(
        SettlementMethod.RETURN_FILE, profile.id,
        session.scalar(select(CashAccount.id).where(CashAccount.payment_profile_id == profile.id,
                                                    CashAccount.active.is_(True)).limit(1)),
        guards.ledger_id(uow, "ledger.discount"), guards.ledger_id(uow, "ledger.surcharge"))
    total = len(plan.lines) * 2
    for done, start in enumerate(range(0, len(plan.settlements), CHUNK), start=1):
        check_cancelled(progress)
        bulk_write.write_rows(uow, actor, plan.settlements[start:start + CHUNK], target)
        progress.step(len(plan.lines) + min(done * CHUNK, len(plan.settlements)), total,
                      "Liquidando faturas")
    session.expire_all()  # the ORM copies are stale after the Core writes
    _states(uow, plan)
    conn = session.connection()
    bulk.insert(conn, "invoice_event", [
        {"invoice_id": i, "operator_id": actor.id, "kind": kind, "text": text}
        for i, kind, text in plan.events])
    check_cancelled(progress)
    bulk.insert(conn, "bank_return_record", [
        {"return_id": header.id, "line_number": x.line_number, "identity": x.identity,
         "our_number": x.our_number[:20], "invoice_id": x.invoice_id,
         "occurrence_code": x.occurrence_code[:4], "occurrence": x.occurrence,
         "outcome": x.outcome, "face_cents": x.face_cents, "paid_cents": x.paid_cents,
         "interest_cents": x.interest_cents, "discount_cents": x.discount_cents,
         "fee_cents": x.fee_cents, "occurrence_date": x.occurrence_date,
         "credit_date": x.credit_date, "message": x.message} for x in plan.lines])
    fresh = [x for x in plan.lines if x.outcome is not ReturnOutcome.REPEATED]
    fee_total = sum(x.fee_cents for x in fresh)
    fee_count = sum(1 for x in fresh if x.fee_cents)
    charge_id = None
    if fee_total:
        charge_id = fees.record_fees(uow, profile, return_id=header.id, total_cents=fee_total,
                                     count=fee_count, due=header.generated_on or today,
                                     today=today)
    settled = [x for x in plan.lines if x.outcome is ReturnOutcome.SETTLED]
    header.settled_count = len(settled)
    header.settled_cents = sum(x.paid_cents for x in settled)
    header.fee_cents = fee_total
    header.fee_charge_id = charge_id
    header.problem_count = sum(1 for x in plan.lines if x.outcome in (
        ReturnOutcome.NOT_FOUND, ReturnOutcome.REJECTED))
    audit.record(uow, actor, "bank.return_imported", "bank_return", header.id,
                 after={"profile": profile.id, "records": len(plan.lines),
                        "settled": len(settled), "settled_cents": header.settled_cents,
                        "bank_fee_cents": fee_total})
    uow.session.flush()
    progress.step(total, total, "Retorno importado")
    return charge_id


def _states(uow: UnitOfWork, plan: Plan) -> None:
    """Conciliada, entrada confirmada and rejeitada, each one UPDATE per chunk of invoices."""
    changes = (
        (plan.reconciled, None, {"reconciliation_status": ReconciliationStatus.RECONCILED}),
        # The bank has the boleto: it is transmitted whatever the clerk marked.
        (plan.confirmed, (RemittanceStatus.GENERATED, RemittanceStatus.NONE),
         {"remittance_status": RemittanceStatus.TRANSMITTED}),
        # Refused at the bank: it awaits a corrected remittance again.
        (plan.rejected, (RemittanceStatus.GENERATED, RemittanceStatus.TRANSMITTED),
         {"remittance_status": RemittanceStatus.NONE}),
    )
    for ids, only, values in changes:
        for chunk in chunks(sorted(set(ids))):
            stmt = update(_INVOICE).where(_INVOICE.c.id.in_(chunk))
            if only is not None:
                stmt = stmt.where(_INVOICE.c.remittance_status.in_(only))
            uow.session.execute(stmt.values(**values, version_id=_INVOICE.c.version_id + 1))
