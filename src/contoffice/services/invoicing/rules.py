"""Shared by the billing tools: nosso número, due dates, creating and reissuing invoices."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime

from sqlalchemy import bindparam, select, update
from sqlalchemy.orm.attributes import set_committed_value
from sqlalchemy.orm.exc import StaleDataError

from contoffice.core.calendar import DEFAULT_CALENDAR, BankCalendar
from contoffice.core.due_dates import fee_due
from contoffice.core.format import format_date, parse_competence
from contoffice.core.validation import ValidationError
from contoffice.core.vocab import ChargeStatus, InvoiceStatus, RemittanceStatus
from contoffice.db.models import (
    BillingRun,
    Charge,
    Contract,
    Invoice,
    InvoiceEvent,
    PaymentProfile,
    SuspensionReason,
)
from contoffice.db.uow import UnitOfWork
from contoffice.errors import InvalidInput
from contoffice.services.kernel import messages
from contoffice.services.kernel.permissions import Actor


def add_months(d: date, months: int) -> date:
    """The first day of the month `months` after d's month."""
    index = d.year * 12 + d.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def competence_of(text: str | date) -> date:
    """A competência typed as YYYY-MM or MM/AAAA (or a date) → first day of the month."""
    if isinstance(text, date):
        return text.replace(day=1)
    try:
        return parse_competence(text)
    except ValidationError as error:
        raise InvalidInput(error.message, field="Competência") from None


def fee_due_date(contract: Contract, competence: date,
                 calendar: BankCalendar = DEFAULT_CALENDAR) -> date:
    """The due date of a competência's fee under the contract's regra de vencimento."""
    # One rule for the billing and for the grids' "Próximo vencimento" (core.due_dates).
    return fee_due(competence, rule=contract.due_rule, day=contract.due_day,
                   month_offset=contract.due_month_offset,
                   move_to_business_day=contract.move_to_business_day, calendar=calendar)


def allocate_our_numbers(uow: UnitOfWork, profile_id: int, count: int) -> int:
    """Reserve `count` consecutive nossos números of a profile; returns the first.

    One UPDATE … RETURNING: on PostgreSQL the row stays locked until this
    transaction commits, so two desks can never be handed the same number.
    """
    stmt = (update(PaymentProfile).where(PaymentProfile.id == profile_id)
            .values(next_our_number=PaymentProfile.next_our_number + count)
            .returning(PaymentProfile.next_our_number)
            .execution_options(synchronize_session=False))
    after = uow.session.execute(stmt).scalar_one()
    return int(after) - count


def require_positive(cents: int | None, field: str = "Valor") -> int:
    """Refuse a zero, negative or missing amount."""
    if cents is None or int(cents) <= 0:
        raise InvalidInput(messages.AMOUNT_NOT_POSITIVE, field=field)
    return int(cents)


def require_due(due: date, issue: date) -> date:
    """Refuse a due date before the issue date."""
    if due < issue:
        raise InvalidInput(messages.DUE_BEFORE_ISSUE.format(
            due=format_date(due), issue=format_date(issue)), field="Vencimento")
    return due


def require_text(text: str, field: str = "Justificativa") -> str:
    """Refuse an empty justification."""
    cleaned = (text or "").strip()
    if not cleaned:
        raise InvalidInput(messages.JUSTIFICATION_REQUIRED, field=field)
    return cleaned


def suspension_reason(uow: UnitOfWork, reason: str) -> str:
    """A reason of Configuração Motivos de Suspensão, or InvalidInput."""
    cleaned = (reason or "").strip()
    known = uow.session.scalar(select(SuspensionReason.id).where(
        SuspensionReason.text == cleaned, SuspensionReason.active.is_(True)))
    if known is None:
        raise InvalidInput(messages.SUSPENSION_REASON_UNKNOWN.format(reason=cleaned),
                           field="Motivo de suspensão")
    return cleaned


class ClaimLost(StaleDataError):
    """A conta was billed or changed by another desk between reading and linking it."""


def claim_charges(uow: UnitOfWork, links: Sequence[tuple[int, int, int, int | None]], *,
                  run_id: int | None = None) -> None:
    """Move each (conta, version read, new invoice, invoice read) atomically, or ClaimLost.

    One conditional UPDATE per conta: it matches only while the conta is still
    in the invoice it was read in (or none) at the version read, so two desks
    can never both link it; the matched-row count says who won. A loser's
    transaction (or SAVEPOINT) must be rolled back, its new invoice with it.
    """
    table = Charge.__table__
    values: dict[str, object] = {"invoice_id": bindparam("iid"),
                                 "version_id": table.c.version_id + 1}
    if run_id is not None:
        values["billing_run_id"] = run_id
    groups: dict[int | None, list[dict[str, int]]] = {}
    for cid, ver, iid, was in links:
        groups.setdefault(was, []).append({"cid": cid, "ver": ver, "iid": iid})
    for was, rows in groups.items():
        stmt = (update(table)
                .where(table.c.id == bindparam("cid"), table.c.version_id == bindparam("ver"),
                       table.c.invoice_id.is_(None) if was is None
                       else table.c.invoice_id == was)
                .values(values))
        matched = uow.session.connection().execute(stmt, rows).rowcount
        if matched != len(rows):
            raise ClaimLost(f"{len(rows) - matched} conta(s) taken by another desk")


def link_to_invoice(uow: UnitOfWork, charges: Sequence[Charge], invoice_id: int) -> None:
    """Put contas (stored or new) in an invoice through claims, keeping the objects in step."""
    uow.session.flush()
    claim_charges(uow, [(c.id, c.version_id, invoice_id, c.invoice_id) for c in charges])
    for charge in charges:  # the rows moved on; the loaded objects follow them
        set_committed_value(charge, "invoice_id", invoice_id)
        set_committed_value(charge, "version_id", charge.version_id + 1)


def run_is_running(uow: UnitOfWork, run_id: int | None) -> bool:
    """Whether a billing run is unfinished now (read at the moment of asking)."""
    if run_id is None:
        return False
    return uow.session.scalar(select(BillingRun.status).where(BillingRun.id == run_id)) \
        == "running"


def running_run_ids(uow: UnitOfWork) -> set[int]:
    """Billing runs not yet finished (their reserved contas await faturamento)."""
    return set(uow.session.scalars(select(BillingRun.id).where(BillingRun.status == "running")))


def charges_of(uow: UnitOfWork, invoice_id: int) -> list[Charge]:
    """The contas of an invoice, in id order."""
    return list(uow.session.scalars(
        select(Charge).where(Charge.invoice_id == invoice_id).order_by(Charge.id)))


def event(uow: UnitOfWork, actor: Actor, invoice_id: int, kind: str, text: str) -> None:
    """Add one entry to an invoice's history."""
    uow.session.add(InvoiceEvent(invoice_id=invoice_id, operator_id=actor.id, kind=kind,
                                 text=text))


def new_invoice(uow: UnitOfWork, *, charges: Sequence[Charge], person_id: int,
                profile_id: int | None, due_date: date, description: str, issue_date: date,
                our_number: int | None = None, contract_id: int | None = None,
                competence: date | None = None, direction: str = "R") -> Invoice:
    """Create an invoice over `charges` (amount = their sum) with its nosso número."""
    if our_number is None and profile_id is not None:
        our_number = allocate_our_numbers(uow, profile_id, 1)
    invoice = Invoice(
        person_id=person_id, direction=direction, contract_id=contract_id,
        payment_profile_id=profile_id, our_number=our_number, description=description[:200],
        issue_date=min(issue_date, due_date), due_date=due_date, competence=competence,
        amount_cents=sum(c.amount_cents for c in charges), paid_cents=0,
        status=InvoiceStatus.OPEN, remittance_status=RemittanceStatus.NONE,
    )
    uow.session.add(invoice)
    uow.session.flush()
    link_to_invoice(uow, charges, invoice.id)
    return invoice


def recompute_amount(uow: UnitOfWork, invoice: Invoice) -> int:
    """Set the invoice amount to the sum of its contas (the invariant of every tool)."""
    uow.session.flush()
    invoice.amount_cents = sum(c.amount_cents for c in charges_of(uow, invoice.id))
    return invoice.amount_cents


def remove_invoice(uow: UnitOfWork, actor: Actor, invoice: Invoice, *, reason: str,
                   replaced_by: Invoice | None = None,
                   moved: Sequence[int] | None = None) -> list[int]:
    """Send an invoice to Faturas excluídas; its contas go back to Contas não faturadas.

    `moved`: the contas a reissue already claimed for `replaced_by`.
    """
    freed = list(moved) if moved is not None else [c.id for c in charges_of(uow, invoice.id)]
    for charge in charges_of(uow, invoice.id):
        charge.invoice_id = None if replaced_by is None else replaced_by.id
    invoice.status = InvoiceStatus.REMOVED
    invoice.removed_at = datetime.now(UTC)
    invoice.removed_by = actor.id
    invoice.removal_reason = reason
    if replaced_by is not None:
        invoice.replaced_by_id = replaced_by.id
        replaced_by.replaces_id = invoice.id
    # A boleto already sent to the bank must be written off there too (features §1.Z.6).
    if invoice.remittance_status in (RemittanceStatus.GENERATED, RemittanceStatus.TRANSMITTED):
        profile = uow.session.get(PaymentProfile, invoice.payment_profile_id or 0)
        invoice.baixa_requested = bool(profile and profile.baixa_enabled)
    text = reason if replaced_by is None else f"Substituída pela fatura {replaced_by.id}: {reason}"
    codes = ", ".join(map(str, freed))
    event(uow, actor, invoice.id, "removed", f"{text} (contas {codes})" if freed else text)
    return freed


def reissue(uow: UnitOfWork, actor: Actor, old: Invoice, *, reason: str, today: date,
            due_date: date | None = None, profile_id: int | None = None,
            extra: Iterable[Charge] = ()) -> Invoice:
    """Recreate `old` with a new nosso número (new due date, profile or contas)."""
    charges = charges_of(uow, old.id)
    extras = list(extra)
    for charge in extras:
        uow.session.add(charge)
    new = new_invoice(
        uow, charges=[*charges, *extras], person_id=old.person_id,
        profile_id=old.payment_profile_id if profile_id is None else profile_id,
        due_date=due_date or old.due_date, description=old.description, issue_date=today,
        contract_id=old.contract_id, competence=old.competence, direction=old.direction)
    new.discount_cents, new.discount_until = old.discount_cents, old.discount_until
    new.instruction, new.in_spc = old.instruction, old.in_spc
    new.spc_added_at, new.spc_added_by = old.spc_added_at, old.spc_added_by
    remove_invoice(uow, actor, old, reason=reason, replaced_by=new,
                   moved=[c.id for c in charges])
    event(uow, actor, new.id, "created", f"Recriada a partir da fatura {old.id}: {reason}")
    return new


def open_charge(*, person_id: int, kind: str, description: str, amount_cents: int,
                due_date: date, ledger_account_id: int | None, direction: str = "R",
                contract_id: int | None = None, competence: date | None = None,
                settlement_id: int | None = None) -> Charge:
    """A new conta in the open state (not yet added to the session)."""
    return Charge(person_id=person_id, direction=direction, contract_id=contract_id,
                  kind=kind, description=description[:200], amount_cents=amount_cents,
                  due_date=due_date, competence=competence, ledger_account_id=ledger_account_id,
                  status=ChargeStatus.OPEN, settlement_id=settlement_id)
