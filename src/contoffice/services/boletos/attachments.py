"""Enviar Boleto Individual: the invoice's boleto PDF, kept as an attachment of the invoice.

The e-mail itself arrives with the messaging capability; until then the
boleto is stored with the invoice (every desk sees it in Banco de Imagens)
and the clerk may save a copy to send by hand.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date

from contoffice.db.models import Attachment, Invoice, Person
from contoffice.db.uow import UnitOfWork
from contoffice.reports import render_boletos
from contoffice.services.boletos.printing import slips_for_invoices
from contoffice.services.kernel import audit
from contoffice.services.kernel.permissions import Actor, require

CATEGORY = "Boletos enviados"


@dataclass(frozen=True, slots=True)
class BoletoAttachment:
    """The stored boleto: what the dialog shows and the bytes to preview or save."""

    attachment_id: int
    invoice_id: int
    person_id: int
    filename: str
    payer_name: str
    payer_email: str
    content: bytes

    @property
    def size(self) -> int:
        """Size of the PDF in bytes."""
        return len(self.content)


def boleto_filename(invoice_id: int) -> str:
    """The name the boleto of an invoice is stored and saved under."""
    return f"boleto-fatura-{invoice_id}.pdf"


def attach_boleto(
    uow: UnitOfWork, actor: Actor, invoice_id: int, *, today: date | None = None
) -> BoletoAttachment:
    """Render the boleto of one invoice and keep it as an attachment of that invoice."""
    require(actor, "invoices.send_boleto")
    with uow:
        # Same refusals as printing (settled, removed, no profile, bad profile data).
        slips = slips_for_invoices(uow, [invoice_id], today=today)
        buffer = io.BytesIO()
        render_boletos(slips, buffer)
        content = buffer.getvalue()
        invoice = uow.get(Invoice, invoice_id, what="Fatura")
        payer = uow.get(Person, invoice.person_id, what="Cadastro")
        attachment = Attachment(
            person_id=invoice.person_id,
            invoice_id=invoice.id,
            category=CATEGORY,
            filename=boleto_filename(invoice.id),
            mime_type="application/pdf",
            size=len(content),
            content=content,
            description=f"Boleto da fatura {invoice.id} (nosso número {slips[0].our_number})",
            uploaded_by=actor.id,
        )
        uow.session.add(attachment)
        uow.flush()
        audit.record(
            uow,
            actor,
            "invoice.boleto_attached",
            "invoice",
            invoice.id,
            person_id=invoice.person_id,
            after={"attachment_id": attachment.id, "filename": attachment.filename},
        )
        result = BoletoAttachment(
            attachment_id=attachment.id,
            invoice_id=invoice.id,
            person_id=invoice.person_id,
            filename=attachment.filename,
            payer_name=payer.name,
            payer_email=payer.email,
            content=content,
        )
        uow.commit()
    return result
