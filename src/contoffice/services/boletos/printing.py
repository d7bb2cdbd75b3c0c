"""Printing invoices as boletos and carnês: invoice + profile + payer → slips → one PDF."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import BinaryIO, Protocol

from sqlalchemy import func, select

from contoffice.banking.banks import get_bank
from contoffice.banking.boleto import BoletoInput, compute_codes
from contoffice.banking.pix import build_static_pix, validate_brcode
from contoffice.core.documents import format_document
from contoffice.core.format import format_date, format_money, format_percent
from contoffice.core.messages import not_found
from contoffice.core.postal import format_cep
from contoffice.core.progress import Progress
from contoffice.core.validation import ValidationError
from contoffice.db.models import Charge, Invoice, PaymentProfile, Person
from contoffice.db.uow import Database, UnitOfWork
from contoffice.errors import InvalidInput, NotAllowed
from contoffice.reports import BoletoSlip, render_boletos, render_boletos_parallel
from contoffice.services.admin import office
from contoffice.services.kernel import audit, messages
from contoffice.services.kernel.permissions import Actor, require

PARALLEL_FROM = 400


class ProfileFields(Protocol):
    """The bank fields a payment profile has (ORM row or settings form alike)."""

    bank_code: str
    agency: str
    agency_dv: str
    account: str
    account_dv: str
    wallet: str
    agreement: str
    modality: str
    variation: str
    post: str
    byte_idt: str  # below this, starting worker processes costs more than it saves


def slips_for_invoices(
    uow: UnitOfWork, invoice_ids: Sequence[int], *, today: date | None = None
) -> list[BoletoSlip]:
    """One slip per invoice, in the order given; refuses what cannot be printed."""
    today = today or date.today()
    identity = office.identity(uow)
    invoices = {
        i.id: i
        for i in uow.session.scalars(select(Invoice).where(Invoice.id.in_(list(invoice_ids))))
    }
    people = {
        p.id: p
        for p in uow.session.scalars(
            select(Person).where(Person.id.in_({i.person_id for i in invoices.values()}))
        )
    }
    profiles = {p.id: p for p in uow.session.scalars(select(PaymentProfile))}
    slips = []
    for invoice_id in invoice_ids:
        invoice = invoices.get(invoice_id)
        if invoice is None:
            raise NotAllowed(not_found("Fatura", invoice_id))
        _check_printable(invoice)
        profile = profiles.get(invoice.payment_profile_id or 0)
        if profile is None:
            raise NotAllowed(messages.INVOICE_WITHOUT_PROFILE_BOLETO.format(code=invoice.id))
        slips.append(_slip(invoice, profile, people[invoice.person_id], identity, today))
    return slips


def _check_printable(invoice: Invoice) -> None:
    if invoice.status == "removed":
        raise NotAllowed(messages.INVOICE_REMOVED_STATUS.format(code=invoice.id))
    if invoice.status == "settled":
        raise NotAllowed(messages.INVOICE_ALREADY_SETTLED.format(code=invoice.id))
    if invoice.direction != "R":
        raise NotAllowed(messages.INVOICE_PAYABLE_NO_BOLETO.format(code=invoice.id))


def profile_boleto_input(
    profile: ProfileFields,
    *,
    our_number: str,
    amount_cents: int,
    due_date: date | None,
    document_number: str,
    processing_date: date,
) -> BoletoInput:
    """The bank input of a boleto issued under a profile (a row or the settings form)."""
    return BoletoInput(
        bank=profile.bank_code,
        agency=profile.agency,
        agency_dv=profile.agency_dv,
        account=profile.account,
        account_dv=profile.account_dv,
        wallet=profile.wallet,
        agreement=profile.agreement,
        our_number=our_number,
        amount_cents=amount_cents,
        due_date=due_date,
        document_number=document_number,
        modality=profile.modality,
        variation=profile.variation,
        post=profile.post,
        byte_idt=profile.byte_idt,
        processing_date=processing_date,
    )


def _codes_input(invoice: Invoice, profile: PaymentProfile, today: date) -> BoletoInput:
    return profile_boleto_input(
        profile,
        our_number=str(invoice.our_number or ""),
        amount_cents=invoice.amount_cents - invoice.paid_cents,
        due_date=invoice.due_date,
        document_number=str(invoice.id),
        processing_date=invoice.issue_date or today,
    )


def _slip(
    invoice: Invoice,
    profile: PaymentProfile,
    payer: Person,
    identity: office.OfficeIdentity,
    today: date,
) -> BoletoSlip:
    try:
        codes = compute_codes(_codes_input(invoice, profile, today))
    except ValidationError as error:
        raise InvalidInput(
            messages.PROFILE_INVALID.format(name=profile.name, detail=error.message),
            field=error.field,
        ) from None
    amount = invoice.amount_cents - invoice.paid_cents
    pix = invoice.pix_emv or None  # a hybrid boleto prints the bank's payload as given
    if pix is None and profile.pix_key:
        pix = build_static_pix(
            profile.pix_key,
            identity.name or "Escritorio",
            identity.city or "Sao Paulo",
            amount,
            txid=f"FAT{invoice.id}",
        )
    address = [
        f"{payer.street}, {payer.number} {payer.complement}".strip(" ,"),
        f"{payer.district} — {payer.city}/{payer.state} — CEP {format_cep(payer.postal_code)}"
        if payer.postal_code
        else payer.city,
    ]
    daily_interest = amount * profile.interest_month_bp // 30 // 10_000
    return BoletoSlip(
        bank_code_with_dv=codes.bank_code_with_dv,
        bank_name=get_bank(profile.bank_code).name,
        digitable_line_formatted=codes.digitable_line_formatted,
        barcode=codes.barcode,
        beneficiary_name=identity.name,
        beneficiary_document=format_document(identity.document),
        beneficiary_address=identity.address,
        agency_account=codes.agency_account_formatted,
        document_number=str(invoice.id),
        our_number=codes.our_number_formatted,
        wallet=profile.wallet,
        amount_cents=amount,
        payer_name=payer.name,
        payer_document=format_document(payer.document),
        payer_address_lines=tuple(line for line in address if line.strip()),
        due_date=invoice.due_date,
        document_date=invoice.issue_date,
        processing_date=today,
        discount_line=(
            f"Desconto de {format_money(invoice.discount_cents)} até "
            f"{format_date(invoice.discount_until)}"
            if invoice.discount_cents and invoice.discount_until
            else ""
        ),
        fine_line=(
            f"Após o vencimento, multa de {format_percent(profile.fine_bp)}"
            if profile.fine_bp
            else ""
        ),
        interest_line=(
            f"Juros de mora de {format_money(daily_interest)} ao dia" if daily_interest else ""
        ),
        instructions=tuple(
            line
            for line in (invoice.instruction or profile.instructions).splitlines()
            if line.strip()
        ),
        competence=invoice.competence,
        pix_payload=pix,
    )


def print_invoices(
    db: Database,
    actor: Actor,
    invoice_ids: Sequence[int],
    out: str | Path | BinaryIO,
    *,
    carne: bool | None = None,
    progress: Progress | None = None,
) -> int:
    """ "Imprimir Fatura": one invoice → boleto, several → carnê (one PDF). Returns pages."""
    require(actor, "invoices.print")
    if not invoice_ids:
        raise InvalidInput(messages.INVOICES_NONE_SELECTED, field="Faturas")
    with db.uow() as uow:
        slips = slips_for_invoices(uow, invoice_ids)
        carne = len(slips) > 1 if carne is None else carne
        if carne:
            slips = _numbered(uow, invoice_ids, slips)
    if len(slips) >= PARALLEL_FROM:
        return render_boletos_parallel(slips, out, carne=carne, progress=progress)
    return render_boletos(slips, out, carne=carne, progress=progress)


def _numbered(uow: UnitOfWork, invoice_ids: Sequence[int],
              slips: list[BoletoSlip]) -> list[BoletoSlip]:
    """Chronological slips per payer; "Parcela 03/12" only for a real installment plan.

    Independent monthly fees are no parcelas: their stub says the competência.
    """
    from dataclasses import replace

    plans = dict(uow.session.execute(
        select(Charge.invoice_id, func.min(Charge.installment))
        .where(Charge.invoice_id.in_(list(invoice_ids)),
               Charge.installments.is_not(None))
        .group_by(Charge.invoice_id)).all())
    totals = dict(uow.session.execute(
        select(Charge.invoice_id, func.max(Charge.installments))
        .where(Charge.invoice_id.in_(list(plans))).group_by(Charge.invoice_id)).all())
    labelled = []
    for invoice_id, slip in zip(invoice_ids, slips, strict=True):
        number, total = plans.get(invoice_id), totals.get(invoice_id)
        label = f"Parcela {number:02d}/{total:02d}" if number and total else None
        labelled.append(replace(slip, installment_label=label))
    return sorted(labelled, key=lambda s: (s.payer_name, s.due_date or date.min))


def record_bank_pix(uow: UnitOfWork, actor: Actor, invoice_id: int, payload: str) -> None:
    """Keep the "Pix copia e cola" the bank registered for an invoice (boleto híbrido)."""
    require(actor, "invoices.edit")
    invoice = uow.get(Invoice, invoice_id, what="Fatura")
    _check_printable(invoice)
    cleaned = payload.strip()
    if cleaned:
        try:
            validate_brcode(cleaned)
        except ValidationError as error:
            raise InvalidInput(error.message, field="Pix copia e cola") from None
    before = invoice.pix_emv
    invoice.pix_emv = cleaned
    audit.record(uow, actor, "invoice.bank_pix", "invoice", invoice.id,
                 person_id=invoice.person_id, before={"pix_emv": before},
                 after={"pix_emv": cleaned})
    uow.commit()
