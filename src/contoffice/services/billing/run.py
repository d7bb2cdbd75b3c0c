"""Faturamento em massa: bill a competência over every contract, resumable after a crash.

A second desk starting the same competência waits for the first (`run_lock`,
on both backends) and then finds its contracts already billed. Every conta made
ahead is claimed with a conditional UPDATE (`invoicing.claim_charges`), so even
a desk that bills by hand meanwhile can never put it in a second invoice.

Each chunk of contracts is billed and its progress recorded in one
transaction, so a run killed half-way (kill -9, power cut) leaves whole chunks
behind; the next run for that competência takes up the unfinished run from
the last committed contract. The unique index on (contract, competência) of
fee contas is the last guard: nobody is billed twice.
"""

from __future__ import annotations

import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from sqlalchemy import func, insert, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.exc import StaleDataError

from contoffice.core.format import format_competence, format_money
from contoffice.core.progress import Cancelled, NullProgress, Progress, check_cancelled
from contoffice.core.vocab import ChargeKind, ChargeStatus, ContractStatus, InvoiceStatus
from contoffice.db.models import BillingRun, Charge, Contract, Invoice, InvoiceEvent
from contoffice.db.uow import Database, UnitOfWork
from contoffice.errors import Stale
from contoffice.services.billing import fees
from contoffice.services.invoicing import rules as invoicing
from contoffice.services.kernel import audit, money_limits
from contoffice.services.kernel import messages as m
from contoffice.services.kernel.permissions import Actor, require
from contoffice.services.kernel.run_lock import WAITING, one_desk_at_a_time

__all__ = ["WAITING", "BillingRunResult", "RefusedContract", "run_billing"]

BILL, BILLED = "bill", "billed"
MAX_CHUNK_CONFLICTS = 50


@dataclass(frozen=True, slots=True)
class RefusedContract:
    contract_id: int
    person_id: int
    message: str


@dataclass
class BillingRunResult:
    """What a run did (or, in a dry run, would do)."""

    competence: date
    dry_run: bool
    run_id: int | None = None
    contracts: int = 0
    charges_created: int = 0
    invoices_created: int = 0
    already_billed: int = 0
    resumed: bool = False
    waited: bool = False  # another desk was billing this competência: this one waited for it
    cancelled: bool = False
    seconds: float = 0.0
    refused: list[RefusedContract] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:
        """The JSON document of `contoffice billing run --json`."""
        return {
            "competence": self.competence.isoformat()[:7], "dry_run": self.dry_run,
            "run_id": self.run_id, "contracts": self.contracts,
            "charges_created": self.charges_created, "invoices_created": self.invoices_created,
            "already_billed": self.already_billed, "resumed": self.resumed,
            "waited": self.waited, "cancelled": self.cancelled, "seconds": round(self.seconds, 3),
            "refused": [{"contract_id": r.contract_id, "person_id": r.person_id,
                         "reason": r.message} for r in self.refused],
        }


def _scope(competence: date):  # type: ignore[no-untyped-def]
    """Contracts in force in the competência (cancelled ones only up to their end)."""
    return select(Contract).where(
        Contract.starts_on < invoicing.add_months(competence, 1),
        or_(Contract.ends_on.is_(None), Contract.ends_on >= competence),
        or_(Contract.status != ContractStatus.CANCELLED, Contract.ends_on.is_not(None)),
    ).order_by(Contract.id)


def _classify(contract: Contract, fee: Charge | None, competence: date,
              ceiling: int) -> tuple[str, str]:
    """(bill | billed | refused, message) for one contract."""
    code, month = contract.id, format_competence(competence)
    if fee is not None and fee.invoice_id is not None:
        return BILLED, ""
    checks = (
        (contract.status == ContractStatus.SUSPENDED, m.RUN_CONTRACT_SUSPENDED),
        (contract.status == ContractStatus.AWAITING_ACTIVATION, m.RUN_CONTRACT_AWAITING),
        (fee is not None and fee.status == ChargeStatus.SUSPENDED, m.RUN_FEE_SUSPENDED),
        (fee is not None and fee.status == ChargeStatus.REMOVED, m.RUN_FEE_REMOVED),
        (fee is not None and fee.status == ChargeStatus.SETTLED, m.RUN_FEE_REMOVED),
        (contract.payment_profile_id is None, m.RUN_CONTRACT_NO_PROFILE),
        (contract.fee_cents <= 0 and fee is None, m.RUN_CONTRACT_NO_FEE),
        ((fee.amount_cents if fee is not None else contract.fee_cents) > ceiling,
         m.CONTRACT_FEE_ABOVE_CEILING),
    )
    for failed, message in checks:
        if failed:
            return "refused", message.format(code=code, competence=month,
                                             ceiling=format_money(ceiling))
    return BILL, ""


def _chunks(uow: UnitOfWork, competence: date, after: int,
            size: int) -> Iterator[tuple[list[Contract], dict[int, Charge]]]:
    """Contracts after id `after` in chunks, with their fee conta of the competência."""
    while True:
        contracts = list(uow.session.scalars(
            _scope(competence).where(Contract.id > after).limit(size)))
        if not contracts:
            return
        ids = [c.id for c in contracts]
        fee_rows = uow.session.scalars(select(Charge).where(
            Charge.contract_id.in_(ids), Charge.kind == ChargeKind.FEE,
            Charge.competence == competence))
        yield contracts, {c.contract_id or 0: c for c in fee_rows}
        after = ids[-1]


def _bill_chunk(uow: UnitOfWork, actor: Actor, run: BillingRun, contracts: Sequence[Contract],
                fees_by_contract: dict[int, Charge], today: date) -> tuple[int, int]:
    """Create the fee contas and invoices of one chunk; returns (charges, invoices).

    Core executemany statements, not the ORM unit of work: a run writes tens of
    thousands of rows and must stay within seconds on both backends.
    """
    competence = run.competence
    to_bill: list[tuple[Contract, Charge | None]] = []
    ceiling = money_limits.limits(uow).ceiling_cents
    for contract in contracts:
        fee = fees_by_contract.get(contract.id)
        if _classify(contract, fee, competence, ceiling)[0] == BILL:
            to_bill.append((contract, fee))
    if not to_bill:
        return 0, 0
    per_profile: dict[int, int] = {}
    for contract, _fee in to_bill:
        pid = contract.payment_profile_id or 0
        per_profile[pid] = per_profile.get(pid, 0) + 1
    next_number = {pid: invoicing.allocate_our_numbers(uow, pid, n)
                   for pid, n in sorted(per_profile.items())}
    new_fees: list[tuple[Contract, Charge]] = []
    invoice_rows: list[dict[str, object]] = []
    for contract, existing in to_bill:
        fee = existing or fees.new_fee(contract, competence, run.id)
        if existing is None:
            new_fees.append((contract, fee))
        pid = contract.payment_profile_id or 0
        our_number, next_number[pid] = next_number[pid], next_number[pid] + 1
        invoice_rows.append(dict(
            person_id=contract.person_id, direction="R", contract_id=contract.id,
            payment_profile_id=pid, our_number=our_number, description=fee.description,
            issue_date=min(today, fee.due_date), due_date=fee.due_date, competence=competence,
            amount_cents=fee.amount_cents, paid_cents=0, status=InvoiceStatus.OPEN))
    session = uow.session
    invoice_ids = list(session.scalars(
        insert(Invoice).returning(Invoice.id, sort_by_parameter_order=True), invoice_rows))
    by_contract = {row["contract_id"]: iid for row, iid in zip(invoice_rows, invoice_ids,
                                                                strict=True)}
    if new_fees:
        charge_table = Charge.__table__
        session.execute(insert(charge_table), [
            {c.key: getattr(fee, c.key) for c in charge_table.columns
             if c.key not in ("id", "created_at", "version_id", "notes", "suspension_reason",
                              "composition")}
            | {"invoice_id": by_contract[contract.id], "billing_run_id": run.id}
            for contract, fee in new_fees])
    # Contas made ahead (Gerar honorários) are claimed, not overwritten: a conta another
    # desk billed since it was read fails its claim and the whole chunk is redone.
    invoicing.claim_charges(uow, [(fee.id, fee.version_id, by_contract[contract.id], None)
                                  for contract, fee in to_bill if fee], run_id=run.id)
    text = f"Faturamento em massa {format_competence(competence)} (lote {run.id})"
    session.execute(insert(InvoiceEvent.__table__), [
        {"invoice_id": iid, "operator_id": actor.id, "kind": "created", "text": text}
        for iid in invoice_ids])
    return len(new_fees), len(invoice_ids)


def _open_run(db: Database, actor: Actor, competence: date) -> tuple[int, bool]:
    """The unfinished run of the competência (resumed) or a new one; reserves its contas."""
    for _attempt in range(2):
        with db.uow() as uow:
            run = uow.session.scalar(select(BillingRun).where(
                BillingRun.competence == competence, BillingRun.status == "running"))
            resumed = run is not None
            if run is None:
                run = BillingRun(competence=competence, operator_id=actor.id)
                uow.session.add(run)
            else:
                run.resumed += 1
            try:
                uow.session.flush()
            except IntegrityError:  # another desk opened it a moment ago: take that one
                uow.rollback()
                continue
            # Unbilled fee contas of the competência now await this run (seed "aguarda
            # efetivação de faturamento") until their chunk commits.
            # The version moves too: a desk billing one of them by hand meanwhile
            # (Faturar contas) loses its claim instead of billing it a second time.
            uow.session.execute(update(Charge).where(
                Charge.kind == ChargeKind.FEE, Charge.competence == competence,
                Charge.invoice_id.is_(None), Charge.status == ChargeStatus.OPEN)
                .values(billing_run_id=run.id, version_id=Charge.version_id + 1)
                .execution_options(synchronize_session=False))
            uow.commit()
            return run.id, resumed
    raise RuntimeError("billing run could not be opened")


def run_billing(db: Database, actor: Actor, *, competence: date | str, dry_run: bool = False,
                chunk_size: int = 1000, today: date | None = None,
                progress: Progress | None = None) -> BillingRunResult:
    """Bill the competência over all contracts in force (or preview it with dry_run)."""
    started = time.perf_counter()
    competence = invoicing.competence_of(competence)
    today, progress = today or date.today(), progress or NullProgress()
    require(actor, "billing.run")
    result = BillingRunResult(competence, dry_run)
    with db.uow() as uow:
        total = uow.session.scalar(select(func.count()).select_from(_scope(competence)
                                                                     .subquery())) or 0
    if dry_run:
        _summarise(db, actor, result, chunk_size)
    else:
        with one_desk_at_a_time(db, competence, total, progress) as waited:
            result.waited = waited
            result.run_id, result.resumed = _open_run(db, actor, competence)
            try:
                _run_chunks(db, actor, result.run_id, chunk_size, today, total, progress)
            except Cancelled:
                result.cancelled = True
            _summarise(db, actor, result, chunk_size)
    result.seconds = time.perf_counter() - started
    return result


def _run_chunks(
    db: Database, actor: Actor, run_id: int, size: int, today: date, total: int, progress: Progress
) -> None:
    conflicts = 0
    while True:
        check_cancelled(progress)
        try:
            done = _run_one_chunk(db, actor, run_id, size, today)
        except (StaleDataError, IntegrityError):
            # Another desk billed (or made) one of these contas meanwhile: nothing of the
            # chunk was kept; read it again, that conta now counts as already billed.
            conflicts += 1
            if conflicts > MAX_CHUNK_CONFLICTS:
                raise Stale(m.RUN_KEEPS_CONFLICTING) from None
            continue
        if done is None:
            return
        conflicts = 0
        progress.step(min(done, total), total, "Faturamento em massa")


def _run_one_chunk(db: Database, actor: Actor, run_id: int, size: int,
                   today: date) -> int | None:
    """Bill the next chunk in one transaction; the contracts seen so far, None at the end."""
    with db.uow() as uow:
        # Locks the run row: a second desk on the same run waits, then sees our progress.
        run = uow.session.scalar(
            select(BillingRun).where(BillingRun.id == run_id).with_for_update()
        )
        assert run is not None
        chunk = next(_chunks(uow, run.competence, run.last_contract_id, size), None)
        if chunk is None:
            return None
        contracts, fee_map = chunk
        charges, invoices = _bill_chunk(uow, actor, run, contracts, fee_map, today)
        run.last_contract_id = contracts[-1].id
        run.contracts_seen += len(contracts)
        run.charges_created += charges
        run.invoices_created += invoices
        uow.commit()
        return run.contracts_seen


def _summarise(db: Database, actor: Actor, result: BillingRunResult, size: int) -> None:
    """Count and list (again, after a resume) what the competência's state is now."""
    with db.uow() as uow:
        would_create = would_bill = 0
        ceiling = money_limits.limits(uow).ceiling_cents
        for contracts, fee_map in _chunks(uow, result.competence, 0, size):
            for contract in contracts:
                result.contracts += 1
                fee = fee_map.get(contract.id)
                state, message = _classify(contract, fee, result.competence, ceiling)
                if state == BILLED:
                    result.already_billed += 1
                elif state == BILL:
                    would_bill += 1
                    would_create += fee is None
                else:
                    result.refused.append(RefusedContract(contract.id, contract.person_id, message))
        if result.dry_run:
            result.charges_created, result.invoices_created = would_create, would_bill
            return
        run = uow.get(BillingRun, result.run_id)
        result.charges_created, result.invoices_created = run.charges_created, run.invoices_created
        result.already_billed -= run.invoices_created
        if result.cancelled:
            return
        run.status, run.finished_at = "done", datetime.now(UTC)
        run.already_billed, run.refused = result.already_billed, len(result.refused)
        audit.record(
            uow,
            actor,
            "billing.run",
            "billing_run",
            run.id,
            after={
                "competence": result.competence,
                "charges_created": run.charges_created,
                "invoices_created": run.invoices_created,
                "already_billed": result.already_billed,
                "refused": len(result.refused),
                "resumed": run.resumed,
            },
        )
        uow.commit()
