"""Imprimir recibo de liquidação (INV-E-14): what was paid on an invoice, as a receipt PDF.

A receipt lists the invoice's payments net of reversals. Its number is the
invoice id and the id of the last payment it covers, so printing the same
payments again gives the same number; each print is an InvoiceEvent of kind
"receipt", and a number printed before comes out marked "2ª via".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import BinaryIO

from sqlalchemy import select

from contoffice.core.documents import format_document, normalize_document
from contoffice.core.extenso import valor_por_extenso
from contoffice.core.format import date_extenso, format_competence, format_date, format_money
from contoffice.core.messages import not_found
from contoffice.core.vocab import InvoiceStatus
from contoffice.db.models import Invoice, InvoiceEvent, Person, Settlement
from contoffice.db.queries.client_settlements import METHOD_LABELS
from contoffice.db.uow import Database, UnitOfWork
from contoffice.errors import InvalidInput, NotAllowed
from contoffice.reports.receipt_pdf import ReceiptData, ReceiptPayment, render_receipts
from contoffice.services.admin import office
from contoffice.services.invoicing import rules as invoicing
from contoffice.services.kernel import messages
from contoffice.services.kernel.batch import unique_ids
from contoffice.services.kernel.permissions import Actor, require

EVENT_KIND = "receipt"
REPRINT_LABEL = "2ª via"


@dataclass(frozen=True, slots=True)
class Payment:
    """A payment still standing after its reversals."""

    settlement_id: int
    settled_on: date
    method: str
    amount_cents: int


def net_payments(settlements: Sequence[Settlement]) -> list[Payment]:
    """Positive settlements minus the reversals that point at them, oldest first."""
    reversed_by: dict[int, int] = {}
    for s in settlements:
        if s.amount_cents < 0 and s.reverses_id is not None:
            reversed_by[s.reverses_id] = reversed_by.get(s.reverses_id, 0) + s.amount_cents
    payments = []
    for s in sorted(settlements, key=lambda s: (s.settled_on, s.id)):
        if s.amount_cents <= 0:
            continue
        # A reversal row normally cancels its payment; `reversed` covers rows without one.
        net = 0 if s.reversed and s.id not in reversed_by else s.amount_cents
        net += reversed_by.get(s.id, 0)
        if net > 0:
            payments.append(Payment(s.id, s.settled_on, s.method, net))
    return payments


def receipt_number(invoice_id: int, payments: Sequence[Payment]) -> str:
    """`<invoice>-<last payment>`: stable while no payment is added or reversed."""
    return f"{invoice_id}-{max(p.settlement_id for p in payments)}"


def _event_text(number: str, reprint: bool) -> str:
    return f"Recibo nº {number} impresso" + (f" ({REPRINT_LABEL})" if reprint else "")


def _printed_numbers(uow: UnitOfWork, invoice_ids: Sequence[int]) -> set[str]:
    """Receipt numbers already printed for these invoices, read back from their history."""
    texts = uow.session.scalars(
        select(InvoiceEvent.text).where(
            InvoiceEvent.invoice_id.in_(list(invoice_ids)), InvoiceEvent.kind == EVENT_KIND
        )
    )
    return {text.split()[2] for text in texts if text.startswith("Recibo nº ")}


def _payer_document(document: str) -> str:
    digits = normalize_document(document)
    if not digits:
        return ""
    kind = "CPF" if len(digits) == 11 else "CNPJ"
    return f"{kind} {format_document(digits)}"


def _reference(invoice: Invoice) -> str:
    parts = [invoice.description or f"fatura nº {invoice.id}"]
    competence = format_competence(invoice.competence)
    if competence and competence not in parts[0]:
        parts.append(f"competência {competence}")
    parts.append(f"fatura nº {invoice.id}, vencimento {format_date(invoice.due_date)}")
    return ", ".join(parts)


def _receipt(
    invoice: Invoice,
    payer: Person,
    payments: list[Payment],
    identity: office.OfficeIdentity,
    *,
    number: str,
    reprint: bool,
) -> ReceiptData:
    paid = sum(p.amount_cents for p in payments)
    last_day = max(p.settled_on for p in payments)
    # Dated by the last payment, not the print day: a 2ª via reads like the original.
    place = f"{identity.city}, " if identity.city else ""
    note = ""
    if invoice.status == InvoiceStatus.PARTIAL:
        balance = max(invoice.amount_cents - invoice.paid_cents, 0)
        total = format_money(invoice.amount_cents)
        note = (
            f"Pagamento parcial da fatura nº {invoice.id} (valor {total}); "
            f"saldo em aberto: {format_money(balance)}."
        )
    return ReceiptData(
        number=number,
        amount=format_money(paid),
        amount_words=valor_por_extenso(paid),
        payer_name=payer.name,
        payer_document=_payer_document(payer.document),
        reference=_reference(invoice),
        payments=tuple(
            ReceiptPayment(
                format_date(p.settled_on),
                METHOD_LABELS.get(p.method, p.method),
                format_money(p.amount_cents),
            )
            for p in payments
        ),
        place_date=f"{place}{date_extenso(last_day)}.",
        issuer_name=identity.name,
        issuer_document=_payer_document(identity.document),
        issuer_address=identity.address,
        note=note,
        copy_label=REPRINT_LABEL if reprint else "",
    )


def receipts_for_invoices(
    uow: UnitOfWork, actor: Actor, invoice_ids: Sequence[int], *, reprint: bool | None = None
) -> list[ReceiptData]:
    """One receipt per invoice, in the order given; records each print in the history."""
    identity = office.identity(uow)
    if not identity.name.strip() or not identity.document.strip():
        raise NotAllowed(messages.RECEIPT_OFFICE_NOT_CONFIGURED)
    invoices = {
        i.id: i for i in uow.session.scalars(select(Invoice).where(Invoice.id.in_(invoice_ids)))
    }
    people = {
        p.id: p
        for p in uow.session.scalars(
            select(Person).where(Person.id.in_({i.person_id for i in invoices.values()}))
        )
    }
    settlements: dict[int, list[Settlement]] = {}
    for s in uow.session.scalars(
        select(Settlement).where(Settlement.invoice_id.in_(invoice_ids)).order_by(Settlement.id)
    ):
        settlements.setdefault(s.invoice_id, []).append(s)
    printed = _printed_numbers(uow, invoice_ids)
    receipts = []
    for invoice_id in invoice_ids:
        invoice = invoices.get(invoice_id)
        if invoice is None:
            raise NotAllowed(not_found("Fatura", invoice_id))
        if invoice.direction != "R":
            raise NotAllowed(messages.INVOICE_WRONG_DIRECTION.format(code=invoice.id))
        payments = net_payments(settlements.get(invoice_id, []))
        if not payments:
            raise NotAllowed(messages.RECEIPT_NO_SETTLEMENT.format(code=invoice.id))
        number = receipt_number(invoice.id, payments)
        again = number in printed if reprint is None else reprint
        receipts.append(
            _receipt(
                invoice, people[invoice.person_id], payments, identity, number=number, reprint=again
            )
        )
        invoicing.event(uow, actor, invoice.id, EVENT_KIND, _event_text(number, again))
    return receipts


def print_receipts(
    db: Database,
    actor: Actor,
    invoice_ids: Sequence[int],
    out: str | Path | BinaryIO,
    *,
    reprint: bool | None = None,
) -> int:
    """Imprimir recibo de liquidação into one PDF; reprint None detects a 2ª via. Pages."""
    require(actor, "invoices.receipt")
    ids = unique_ids(invoice_ids)
    if not ids:
        raise InvalidInput(messages.INVOICES_NONE_SELECTED, field="Faturas")
    with db.uow() as uow:
        receipts = receipts_for_invoices(uow, actor, ids, reprint=reprint)
        # Written before the commit: a print that fails leaves no "receipt" entry behind.
        pages = render_receipts(receipts, out)
        uow.commit()
    return pages
