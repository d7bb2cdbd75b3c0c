"""Contract life: cancel, suspend, lift, awaiting activation, the cancellation manager."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import select

from contoffice.core.vocab import ChargeKind, ChargeStatus, ContractStatus, InvoiceStatus
from contoffice.db.models import CancellationRequest, Charge, Contract, Invoice, Person
from contoffice.db.uow import UnitOfWork
from contoffice.errors import NotAllowed
from contoffice.services.invoicing import rules as invoicing
from contoffice.services.kernel import audit, guards
from contoffice.services.kernel import messages as m
from contoffice.services.kernel.batch import Refused, finish, run_rows, unique_ids
from contoffice.services.kernel.permissions import Actor, require
from contoffice.services.kernel.results import BatchResult, Changes, RowOutcome

_CHANGES = Changes(contracts=True, charges=True, invoices=True, header=True)


def _set_status(uow: UnitOfWork, actor: Actor, contract: Contract, status: str, action: str,
                reason: str) -> None:
    before = {"status": contract.status}
    contract.status, contract.status_reason = status, reason
    audit.record(uow, actor, action, "contract", contract.id, person_id=contract.person_id,
                 before=before, after={"status": status}, justification=reason)


def _cancel(uow: UnitOfWork, actor: Actor, contract: Contract, reason: str, ends_on: date,
            remove_open_invoices: bool) -> str | None:
    contract.ends_on = ends_on
    # Fee contas after the end and not yet billed are no longer owed.
    for charge in uow.session.scalars(select(Charge).where(
            Charge.contract_id == contract.id, Charge.kind == ChargeKind.FEE,
            Charge.invoice_id.is_(None), Charge.status == ChargeStatus.OPEN,
            Charge.competence > ends_on)):
        charge.status, charge.notes = ChargeStatus.REMOVED, f"Contrato cancelado: {reason}"
    kept = _remove_later_invoices(uow, actor, contract, reason, ends_on) \
        if remove_open_invoices else []
    _set_status(uow, actor, contract, ContractStatus.CANCELLED, "contract.cancelled", reason)
    return "; ".join(kept) or None


def _remove_later_invoices(uow: UnitOfWork, actor: Actor, contract: Contract, reason: str,
                           ends_on: date) -> list[str]:
    """Open invoices of months after the end go to Faturas excluídas, unless a rule forbids."""
    running = invoicing.running_run_ids(uow)
    kept = []
    for invoice in uow.session.scalars(select(Invoice).where(
            Invoice.contract_id == contract.id, Invoice.status == InvoiceStatus.OPEN,
            Invoice.competence > ends_on).order_by(Invoice.id)):
        refusal = guards.remove_refusal(uow, invoice, running)
        if refusal is not None:  # e.g. already at the bank: the clerk decides, we say why
            kept.append(refusal)
            continue
        freed = invoicing.remove_invoice(uow, actor, invoice,
                                         reason=f"Contrato {contract.id} cancelado: {reason}")
        for charge_id in freed:
            charge = uow.session.get(Charge, charge_id)
            if charge is not None:
                charge.status = ChargeStatus.REMOVED
        audit.record(uow, actor, "invoice.removed", "invoice", invoice.id,
                     person_id=invoice.person_id, before={"status": InvoiceStatus.OPEN},
                     after={"status": InvoiceStatus.REMOVED}, justification=reason)
    return kept


def cancel_contracts(uow: UnitOfWork, actor: Actor, *, contract_ids: Sequence[int],
                     reason: str, ends_on: date | None = None,
                     remove_open_invoices: bool = False,
                     dry_run: bool = False) -> BatchResult:
    """Cancelar contrato: ends it; unbilled fee contas (and, asked, open invoices) after it go."""
    ends_on = ends_on or date.today()
    with uow:
        require(actor, "contracts.cancel")
        reason = invoicing.require_text(reason, "Motivo")

        def one(contract_id: int) -> RowOutcome:
            contract = uow.get(Contract, contract_id, what="Contrato")
            if contract.status == ContractStatus.CANCELLED:
                raise Refused(m.CONTRACT_ALREADY_CANCELLED.format(code=contract.id))
            kept = _cancel(uow, actor, contract, reason, ends_on, remove_open_invoices)
            return RowOutcome(contract.id, True, warning=kept)

        outcomes = run_rows(uow, unique_ids(contract_ids), one)
        finish(uow, dry_run=dry_run)
    return BatchResult(outcomes, _CHANGES)


def _transition(uow: UnitOfWork, actor: Actor, ids: Sequence[int], *, key: str, action: str,
                allowed: tuple[str, ...], refusal: str, to: str, reason: str,
                dry_run: bool) -> BatchResult:
    with uow:
        require(actor, key)

        def one(contract_id: int) -> RowOutcome:
            contract = uow.get(Contract, contract_id, what="Contrato")
            if contract.status == ContractStatus.CANCELLED:
                raise Refused(m.CONTRACT_ALREADY_CANCELLED.format(code=contract.id))
            if contract.status not in allowed:
                raise Refused(refusal.format(code=contract.id))
            _set_status(uow, actor, contract, to, action, reason)
            return RowOutcome(contract.id, True)

        outcomes = run_rows(uow, unique_ids(ids), one)
        finish(uow, dry_run=dry_run)
    return BatchResult(outcomes, _CHANGES)


def suspend_contracts(uow: UnitOfWork, actor: Actor, *, contract_ids: Sequence[int],
                      reason: str, dry_run: bool = False) -> BatchResult:
    """Suspender Contrato: the billing run skips it (and says so) until lifted."""
    return _transition(uow, actor, contract_ids, key="contracts.suspend",
                       action="contract.suspended", allowed=(ContractStatus.ACTIVE,),
                       refusal=m.CONTRACT_ALREADY_SUSPENDED, to=ContractStatus.SUSPENDED,
                       reason=reason, dry_run=dry_run)


def unsuspend_contracts(uow: UnitOfWork, actor: Actor, *, contract_ids: Sequence[int],
                        reason: str = "", dry_run: bool = False) -> BatchResult:
    """Cancelar Suspensão de Contrato."""
    return _transition(uow, actor, contract_ids, key="contracts.unsuspend",
                       action="contract.unsuspended", allowed=(ContractStatus.SUSPENDED,),
                       refusal=m.CONTRACT_NOT_SUSPENDED, to=ContractStatus.ACTIVE,
                       reason=reason, dry_run=dry_run)


def remove_awaiting_instruction(uow: UnitOfWork, actor: Actor, *, contract_ids: Sequence[int],
                                dry_run: bool = False) -> BatchResult:
    """Remover instrução de aguardando ativação: active, without generating parcelas."""
    return _transition(uow, actor, contract_ids, key="contracts.remove_awaiting",
                       action="contract.awaiting_removed",
                       allowed=(ContractStatus.AWAITING_ACTIVATION,),
                       refusal=m.CONTRACT_NOT_AWAITING, to=ContractStatus.ACTIVE, reason="",
                       dry_run=dry_run)


def request_cancellation(uow: UnitOfWork, actor: Actor, *, contract_ids: Sequence[int],
                         reason: str, dry_run: bool = False) -> BatchResult:
    """Solicitar cancelamento: to the Gerenciador de cancelamentos (still billed meanwhile)."""
    with uow:
        require(actor, "contracts.request_cancel")
        reason = invoicing.require_text(reason, "Motivo")

        def one(contract_id: int) -> RowOutcome:
            contract = uow.get(Contract, contract_id, what="Contrato")
            if contract.status == ContractStatus.CANCELLED:
                raise Refused(m.CONTRACT_ALREADY_CANCELLED.format(code=contract.id))
            if contract.status == ContractStatus.CANCEL_REQUESTED:
                raise Refused(m.CONTRACT_CANCEL_ALREADY_REQUESTED.format(code=contract.id))
            if contract.status != ContractStatus.ACTIVE:
                raise Refused(m.CONTRACT_NOT_ACTIVE.format(code=contract.id))
            uow.session.add(CancellationRequest(contract_id=contract.id,
                                                person_id=contract.person_id, reason=reason,
                                                requested_by=actor.id))
            _set_status(uow, actor, contract, ContractStatus.CANCEL_REQUESTED,
                        "contract.cancel_requested", reason)
            return RowOutcome(contract.id, True)

        outcomes = run_rows(uow, unique_ids(contract_ids), one)
        finish(uow, dry_run=dry_run)
    return BatchResult(outcomes, _CHANGES)


@dataclass(frozen=True, slots=True)
class CancellationRow:
    id: int
    contract_id: int
    person_id: int
    person_name: str
    plan: str
    reason: str
    requested_at: datetime
    status: str
    retention_notes: str


def cancellation_requests(uow: UnitOfWork, *, status: str | None = "open") -> list[
        CancellationRow]:
    """The Gerenciador de cancelamentos list (open requests by default), oldest first."""
    with uow:
        stmt = (select(CancellationRequest, Person.name, Contract.plan)
                .join(Contract, Contract.id == CancellationRequest.contract_id)
                .join(Person, Person.id == CancellationRequest.person_id)
                .order_by(CancellationRequest.requested_at, CancellationRequest.id))
        if status is not None:
            stmt = stmt.where(CancellationRequest.status == status)
        return [CancellationRow(r.id, r.contract_id, r.person_id, name, plan, r.reason,
                                r.requested_at, r.status, r.retention_notes)
                for r, name, plan in uow.session.execute(stmt)]


def record_retention(uow: UnitOfWork, actor: Actor, *, request_id: int, notes: str) -> None:
    """Record the retention attempt (tratativa) made with the client."""
    with uow:
        require(actor, "contracts.cancellation_manager")
        notes = invoicing.require_text(notes, "Tratativa")
        request = uow.get(CancellationRequest, request_id, what="Solicitação de cancelamento")
        if request.status != "open":
            raise NotAllowed(m.CANCELLATION_REQUEST_CLOSED.format(code=request.id))
        request.retention_notes = notes
        request.retention_at, request.retention_by = datetime.now(UTC), actor.id
        audit.record(uow, actor, "contract.retention_attempt", "cancellation_request",
                     request.id, person_id=request.person_id, after={"notes": notes})
        uow.commit()


def resolve_cancellations(uow: UnitOfWork, actor: Actor, *, request_ids: Sequence[int],
                          keep: bool, notes: str, ends_on: date | None = None,
                          remove_open_invoices: bool = False,
                          dry_run: bool = False) -> BatchResult:
    """Close requests: keep the contract (retained) or cancel it for real."""
    ends_on = ends_on or date.today()
    with uow:
        require(actor, "contracts.cancellation_manager")
        notes = invoicing.require_text(notes, "Observações")

        def one(request_id: int) -> RowOutcome:
            request = uow.get(CancellationRequest, request_id, what="Solicitação")
            if request.status != "open":
                raise Refused(m.CANCELLATION_REQUEST_CLOSED.format(code=request.id))
            contract = uow.get(Contract, request.contract_id, what="Contrato")
            request.status = "kept" if keep else "cancelled"
            request.resolution_notes = notes
            request.resolved_at, request.resolved_by = datetime.now(UTC), actor.id
            if keep:
                _set_status(uow, actor, contract, ContractStatus.ACTIVE,
                            "contract.retained", notes)
            else:
                kept = _cancel(uow, actor, contract, notes, ends_on, remove_open_invoices)
                return RowOutcome(request.id, True, warning=kept)
            return RowOutcome(request.id, True)

        outcomes = run_rows(uow, unique_ids(request_ids), one)
        finish(uow, dry_run=dry_run)
    return BatchResult(outcomes, _CHANGES)
