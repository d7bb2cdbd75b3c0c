"""Enviar Boleto Individual: the boleto is stored with the invoice, audited, permission-checked."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from contoffice.db.models import Attachment, AuditEvent, Invoice, Person
from contoffice.db.uow import Database
from contoffice.demo.office import FEATURED_CNPJ, build_demo
from contoffice.errors import NotAllowed
from contoffice.services.attachments.files import extract_attachment, list_attachments
from contoffice.services.boletos import attachments as boleto_attachments
from contoffice.services.boletos import printing as boletos
from contoffice.services.kernel.permissions import Actor
from tests.support.pdftools import PdfTools, require_pdf_tools


@pytest.fixture
def open_invoice(db: Database) -> int:
    build_demo(db, people=40, seed=5)
    with db.uow() as uow:
        padaria = uow.session.scalar(select(Person.id).where(Person.document == FEATURED_CNPJ))
        return int(
            uow.session.scalar(
                select(Invoice.id)
                .where(Invoice.person_id == padaria, Invoice.status == "open")
                .order_by(Invoice.due_date)
                .limit(1)
            )
        )


def test_boleto_is_attached_to_the_invoice_and_audited(
    db: Database, actor: Actor, open_invoice: int, tmp_path: Path
) -> None:
    sent = boleto_attachments.attach_boleto(db.uow(), actor, open_invoice)
    assert sent.content.startswith(b"%PDF") and sent.size == len(sent.content)
    assert sent.filename == f"boleto-fatura-{open_invoice}.pdf"
    with db.uow() as uow:
        stored = uow.get(Attachment, sent.attachment_id)
        assert (stored.invoice_id, stored.category) == (open_invoice, "Boletos enviados")
        assert stored.mime_type == "application/pdf" and stored.uploaded_by == actor.id
        event = uow.session.scalar(
            select(AuditEvent).where(AuditEvent.action == "invoice.boleto_attached")
        )
        assert event is not None and event.entity_id == open_invoice
    # The clerk finds it in Banco de Imagens of the invoice.
    listed = list_attachments(db.uow(), actor, person_id=sent.person_id, invoice_id=open_invoice)
    assert [a.id for a in listed] == [sent.attachment_id]
    path = extract_attachment(db.uow(), actor, sent.attachment_id, tmp_path)
    assert path.read_bytes() == sent.content


def test_the_attached_boleto_scans(
    db: Database, actor: Actor, open_invoice: int, tmp_path: Path
) -> None:
    require_pdf_tools()
    sent = boleto_attachments.attach_boleto(db.uow(), actor, open_invoice)
    pdf = tmp_path / sent.filename
    pdf.write_bytes(sent.content)
    tools = PdfTools(tmp_path)
    with db.uow() as uow:
        slip = boletos.slips_for_invoices(uow, [open_invoice])[0]
    assert tools.decode(tools.pages(pdf)[0], "i25") == [slip.barcode]


def test_refusals_store_nothing(db: Database, actor: Actor, open_invoice: int) -> None:
    with db.uow() as uow:
        settled = uow.session.scalar(select(Invoice.id).where(Invoice.status == "settled"))
    with pytest.raises(NotAllowed, match=f"A Fatura {settled} já está liquidada"):
        boleto_attachments.attach_boleto(db.uow(), actor, settled)
    clerk = Actor(id=actor.id, login="x", name="X", permissions=frozenset({"invoices.print"}))
    with pytest.raises(NotAllowed, match="Enviar Boleto Individual"):
        boleto_attachments.attach_boleto(db.uow(), clerk, open_invoice)
    with db.uow() as uow:
        assert (
            uow.session.scalar(
                select(Attachment.id).where(Attachment.category == "Boletos enviados")
            )
            is None
        )
