"""Faturas a Receber tools that do not recreate the invoice (INV-E-7/8/11/12/17/19, INV-I)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import select

from contoffice.core.vocab import ChargeKind, InvoiceStatus, RemittanceStatus
from contoffice.db.models import (
    AuditEvent,
    Charge,
    Invoice,
    InvoiceEvent,
    Operator,
    PaymentProfile,
)
from contoffice.db.queries import history
from contoffice.db.uow import UnitOfWork
from contoffice.services.invoicing import rules as invoicing
from contoffice.services.kernel import audit, confirmations, guards, money_limits
from contoffice.services.kernel import messages as m
from contoffice.services.kernel.batch import Refused, finish, run_rows, unique_ids
from contoffice.services.kernel.permissions import Actor, require
from contoffice.services.kernel.results import BatchResult, Changes, RowOutcome

_CHANGES = Changes(invoices=True, charges=True, header=True)


def _audit(uow: UnitOfWork, actor: Actor, action: str, invoice: Invoice, before: dict,
           after: dict, justification: str = "") -> None:
    audit.record(uow, actor, action, "invoice", invoice.id, person_id=invoice.person_id,
                 before=before, after=after, justification=justification)


def remove_invoices(uow: UnitOfWork, actor: Actor, *, invoice_ids: Sequence[int], reason: str,
                    also_remove_charges: bool = False, dry_run: bool = False) -> BatchResult:
    """Remover Fatura: to Faturas excluídas; its contas return to Contas não faturadas.

    The seed warns that the contas stay behind (and may block the client);
    `also_remove_charges` removes them in the same action.
    """
    ids = unique_ids(invoice_ids)
    with uow:
        require(actor, "invoices.remove")
        reason = invoicing.require_text(reason, "Observações adicionais")
        running = invoicing.running_run_ids(uow)

        def one(invoice_id: int) -> RowOutcome:
            invoice = uow.get(Invoice, invoice_id, what="Fatura")
            if (refusal := guards.remove_refusal(uow, invoice, running)) is not None:
                raise Refused(refusal)
            before = {"status": invoice.status}
            freed = invoicing.remove_invoice(uow, actor, invoice, reason=reason)
            if also_remove_charges:
                for charge_id in freed:
                    charge = uow.session.get(Charge, charge_id)
                    if charge is not None:
                        charge.status = "removed"
            _audit(uow, actor, "invoice.removed", invoice, before,
                   {"status": invoice.status, "charges": freed,
                    "charges_removed": also_remove_charges}, reason)
            return RowOutcome(invoice.id, True)

        outcomes = run_rows(uow, ids, one)
        finish(uow, dry_run=dry_run)
    return BatchResult(outcomes, _CHANGES)


def suspend_invoices(uow: UnitOfWork, actor: Actor, *, invoice_ids: Sequence[int],
                     reason: str, notes: str = "", dry_run: bool = False) -> BatchResult:
    """Suspender Fatura: the office will not charge it (reason from the configured list)."""
    ids = unique_ids(invoice_ids)
    with uow:
        require(actor, "invoices.suspend")
        reason = invoicing.suspension_reason(uow, reason)

        def one(invoice_id: int) -> RowOutcome:
            invoice = uow.get(Invoice, invoice_id, what="Fatura")
            if (refusal := guards.suspend_refusal(invoice)) is not None:
                raise Refused(refusal)
            before = {"status": invoice.status}
            invoice.status = InvoiceStatus.SUSPENDED
            invoice.suspension_reason, invoice.suspension_notes = reason, notes.strip()
            invoicing.event(uow, actor, invoice.id, "suspended", f"{reason}. {notes}".strip())
            _audit(uow, actor, "invoice.suspended", invoice, before,
                   {"status": invoice.status, "reason": reason, "notes": notes}, notes)
            return RowOutcome(invoice.id, True, warning=guards.suspend_warning(invoice))

        outcomes = run_rows(uow, ids, one)
        finish(uow, dry_run=dry_run)
    return BatchResult(outcomes, _CHANGES)


def unsuspend_invoices(uow: UnitOfWork, actor: Actor, *, invoice_ids: Sequence[int],
                       notes: str = "", dry_run: bool = False) -> BatchResult:
    """Lift an invoice's suspension: it is open (or partial) again."""
    ids = unique_ids(invoice_ids)
    with uow:
        require(actor, "invoices.suspend")

        def one(invoice_id: int) -> RowOutcome:
            invoice = uow.get(Invoice, invoice_id, what="Fatura")
            if invoice.status != InvoiceStatus.SUSPENDED:
                raise Refused(m.INVOICE_NOT_SUSPENDED.format(code=invoice.id))
            invoice.status = InvoiceStatus.PARTIAL if invoice.paid_cents else InvoiceStatus.OPEN
            invoice.suspension_reason = invoice.suspension_notes = ""
            invoicing.event(uow, actor, invoice.id, "unsuspended", notes)
            _audit(uow, actor, "invoice.unsuspended", invoice, {"status": "suspended"},
                   {"status": invoice.status}, notes)
            return RowOutcome(invoice.id, True)

        outcomes = run_rows(uow, ids, one)
        finish(uow, dry_run=dry_run)
    return BatchResult(outcomes, _CHANGES)


def comment_invoices(uow: UnitOfWork, actor: Actor, *, invoice_ids: Sequence[int], text: str,
                     confirmed: frozenset[str] = frozenset(),
                     dry_run: bool = False) -> BatchResult:
    """Inserir comentários na fatura (to receive, to pay or removed): one history entry each."""
    ids = unique_ids(invoice_ids)
    with uow:
        text = invoicing.require_text(text, "Comentário")
        invoices = [uow.get(Invoice, i, what="Fatura") for i in ids]
        for invoice in invoices:
            if invoice.status == InvoiceStatus.REMOVED:
                require(actor, "removed_invoices.comment")
            else:
                require(actor, "payables.comment" if invoice.direction == "P"
                        else "invoices.comment")
        confirmations.ask("invoice.comment", m.COMMENT_CONFIRM,
                          confirmed=confirmed, dry_run=dry_run)
        for invoice in invoices:
            invoicing.event(uow, actor, invoice.id, "comment", text)
            _audit(uow, actor, "invoice.commented", invoice, {}, {"comment": text})
        finish(uow, dry_run=dry_run)
    return BatchResult([RowOutcome(i, True) for i in ids], Changes(invoices=True))


@dataclass(frozen=True, slots=True)
class HistoryItem:
    id: int
    at: datetime
    operator: str
    kind: str  # the invoice event's kind ("comment", "removed", …); "altered" for a change
    text: str  # the pt-BR sentence (db.queries.history), never a raw value
    label: str  # the kind in pt-BR, as the history window shows it


def invoice_history(uow: UnitOfWork, invoice_id: int) -> list[HistoryItem]:
    """The invoice's history (double-click in the grid): changes and comments, oldest first.

    The invoice's journal gives every entry but its alterations, which its audit
    events tell with the values before and after (an event's id is positive, an
    audit event's negative).
    """
    with uow:
        events = uow.session.execute(
            select(InvoiceEvent, Operator.name).outerjoin(
                Operator, Operator.id == InvoiceEvent.operator_id)
            .where(InvoiceEvent.invoice_id == invoice_id, InvoiceEvent.kind != "altered")).all()
        changes = uow.session.execute(
            select(AuditEvent, Operator.name).outerjoin(
                Operator, Operator.id == AuditEvent.operator_id)
            .where(AuditEvent.entity == "invoice", AuditEvent.entity_id == invoice_id,
                   AuditEvent.action.in_(sorted(history.ALTERATIONS)))).all()
        items = [HistoryItem(e.id, e.at, name or "", e.kind,
                             history.event_sentence(e.kind, e.text, name),
                             history.label(e.kind)) for e, name in events]
        items += [HistoryItem(-a.id, a.at, name or "", "altered",
                              history.sentence(a.action, a.before, a.after, name,
                                               a.justification),
                              history.label(a.action)) for a, name in changes]
        return sorted(items, key=lambda i: (i.at, abs(i.id)))


def set_spc(uow: UnitOfWork, actor: Actor, *, invoice_ids: Sequence[int], in_spc: bool,
            dry_run: bool = False) -> BatchResult:
    """Adicionar Fatura Selecionada ao SPC (internal marker, who and when) or remove it."""
    ids = unique_ids(invoice_ids)
    with uow:
        require(actor, "invoices.spc")

        def one(invoice_id: int) -> RowOutcome:
            invoice = uow.get(Invoice, invoice_id, what="Fatura")
            if invoice.status == InvoiceStatus.REMOVED:
                raise Refused(m.INVOICE_REMOVED_STATUS.format(code=invoice.id))
            if invoice.in_spc == in_spc:
                raise Refused((m.INVOICE_ALREADY_IN_SPC if in_spc else m.INVOICE_NOT_IN_SPC)
                              .format(code=invoice.id))
            invoice.in_spc = in_spc
            invoice.spc_added_at = datetime.now(UTC) if in_spc else None
            invoice.spc_added_by = actor.id if in_spc else None
            invoicing.event(uow, actor, invoice.id, "spc",
                            "Adicionada ao SPC" if in_spc else "Removida do SPC")
            _audit(uow, actor, "invoice.spc_added" if in_spc else "invoice.spc_removed",
                   invoice, {"in_spc": not in_spc}, {"in_spc": in_spc})
            return RowOutcome(invoice.id, True)

        outcomes = run_rows(uow, ids, one)
        finish(uow, dry_run=dry_run)
    return BatchResult(outcomes, Changes(invoices=True))


def request_baixa(uow: UnitOfWork, actor: Actor, *, invoice_ids: Sequence[int],
                  dry_run: bool = False) -> BatchResult:
    """Baixar Fatura selecionada: queue a write-off for the next remittance file."""
    ids = unique_ids(invoice_ids)
    with uow:
        require(actor, "invoices.baixa")

        def one(invoice_id: int) -> RowOutcome:
            invoice = uow.get(Invoice, invoice_id, what="Fatura")
            if invoice.status == InvoiceStatus.REMOVED:
                raise Refused(m.INVOICE_REMOVED_STATUS.format(code=invoice.id))
            if invoice.status == InvoiceStatus.SETTLED:
                raise Refused(m.INVOICE_ALREADY_SETTLED.format(code=invoice.id))
            profile = uow.session.get(PaymentProfile, invoice.payment_profile_id or 0)
            if profile is None:
                raise Refused(m.INVOICE_WITHOUT_PROFILE.format(code=invoice.id))
            if not profile.baixa_enabled:
                raise Refused(m.BAIXA_DISABLED.format(profile=profile.name))
            invoice.baixa_requested = True
            before_state = invoice.remittance_status
            if before_state in (RemittanceStatus.GENERATED, RemittanceStatus.TRANSMITTED):
                # The bank has the boleto: it now awaits the remittance that writes it off.
                invoice.remittance_status = RemittanceStatus.PENDING
            invoicing.event(uow, actor, invoice.id, "baixa", "Comando de baixa para a remessa")
            _audit(uow, actor, "invoice.baixa_requested", invoice,
                   {"baixa_requested": False, "remittance_status": before_state},
                   {"baixa_requested": True, "remittance_status": invoice.remittance_status})
            return RowOutcome(invoice.id, True)

        outcomes = run_rows(uow, ids, one)
        finish(uow, dry_run=dry_run)
    return BatchResult(outcomes, Changes(invoices=True))


def add_additional_charge(uow: UnitOfWork, actor: Actor, *, invoice_ids: Sequence[int],
                          description: str, amount_cents: int, justification: str,
                          ledger_account_id: int | None = None,
                          confirmed: frozenset[str] = frozenset(), today: date | None = None,
                          dry_run: bool = False) -> BatchResult:
    """Incluir cobrança adicional: a new conta on each invoice, reissued with a new nosso número."""
    today = today or date.today()
    ids = unique_ids(invoice_ids)
    with uow:
        require(actor, "invoices.additional_charge")
        invoicing.require_positive(amount_cents)
        description = invoicing.require_text(description, "Descrição")
        justification = invoicing.require_text(justification)
        money_limits.check_amount(uow, amount_cents, confirmed=confirmed, dry_run=dry_run)
        confirmations.ask("invoice.reissue", m.REISSUE_WARNING.format(
            codes=", ".join(map(str, ids))), confirmed=confirmed, dry_run=dry_run)

        def one(invoice_id: int) -> RowOutcome:
            invoice = uow.get(Invoice, invoice_id, what="Fatura")
            if (refusal := guards.alter_refusal(invoice)) is not None:
                raise Refused(refusal)
            extra = invoicing.open_charge(
                person_id=invoice.person_id, direction=invoice.direction,
                kind=ChargeKind.ADDITIONAL, description=description, amount_cents=amount_cents,
                due_date=invoice.due_date, ledger_account_id=ledger_account_id,
                contract_id=invoice.contract_id)
            new = invoicing.reissue(uow, actor, invoice, reason=justification, today=today,
                                    extra=[extra])
            _audit(uow, actor, "invoice.additional_charge", invoice,
                   {"amount_cents": invoice.amount_cents},
                   {"new_invoice_id": new.id, "amount_cents": new.amount_cents,
                    "our_number": new.our_number}, justification)
            return RowOutcome(invoice.id, True, new_id=new.id)

        outcomes = run_rows(uow, ids, one)
        finish(uow, dry_run=dry_run)
    return BatchResult(outcomes, _CHANGES)
