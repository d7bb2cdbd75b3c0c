"""What a message carries: descriptors kept in the outbox, built into files at sending time.

The outbox stores what to attach (a boleto of invoice 12, a receipt, a file of the archive),
not the bytes: a queued batch of a thousand boletos stays small, and a boleto built at
sending time shows the invoice as it is then.
"""

from __future__ import annotations

import io
import json
from collections.abc import Sequence
from datetime import date
from typing import Any

from contoffice.db.models import Attachment as ArchivedFile
from contoffice.db.models import ClearanceDeclaration
from contoffice.db.uow import UnitOfWork
from contoffice.errors import ContofficeError
from contoffice.messaging.smtp import Attachment
from contoffice.reports import render_boletos
from contoffice.reports.receipt_pdf import render_receipts
from contoffice.services.boletos.printing import slips_for_invoices
from contoffice.services.kernel.permissions import Actor
from contoffice.services.messaging import fiscal_attachments, messages
from contoffice.services.settlements.receipts import receipts_for_invoices

Descriptor = dict[str, Any]
PDF = "application/pdf"


class AttachmentError(ContofficeError):
    """An attachment that cannot be built; the message names it and says why."""


def boleto(invoice_id: int) -> Descriptor:
    """The boleto PDF of one invoice."""
    return {"kind": "boleto", "invoice_id": invoice_id}


def carne(invoice_ids: Sequence[int]) -> Descriptor:
    """One carnê PDF with the boletos of several invoices."""
    return {"kind": "carne", "invoice_ids": list(invoice_ids)}


def receipt(invoice_id: int) -> Descriptor:
    """The settlement receipt of one invoice."""
    return {"kind": "receipt", "invoice_id": invoice_id}


def clearance(declaration_id: int, year: int, person_id: int) -> Descriptor:
    """A declaração anual de quitação de débitos, as issued (its stored PDF)."""
    # Key order matters: db/queries/clearances.ATTACHMENT_MARK finds the declaration's e-mails.
    return {"kind": "clearance", "declaration_id": declaration_id,
            "filename": f"negativa-{year}-{person_id}.pdf"}


def archived(attachment_id: int, filename: str) -> Descriptor:
    """A file of the client's document archive."""
    return {"kind": "archive", "attachment_id": attachment_id, "filename": filename}


def filename(item: Descriptor) -> str:
    """The file name the client sees."""
    kind = item["kind"]
    if kind == "boleto":
        return f"boleto-fatura-{item['invoice_id']}.pdf"
    if kind == "carne":
        return f"carne-{len(item['invoice_ids'])}-parcelas.pdf"
    if kind == "receipt":
        return f"recibo-fatura-{item['invoice_id']}.pdf"
    return str(item["filename"])


def dumps(items: Sequence[Descriptor]) -> str:
    """The descriptors as stored in the outbox."""
    return json.dumps(list(items), ensure_ascii=False) if items else ""


def loads(text: str) -> list[Descriptor]:
    """The descriptors stored in the outbox."""
    return list(json.loads(text)) if text else []


def names(text: str) -> str:
    """The stored descriptors as the grid shows them: file names, comma-separated."""
    return ", ".join(filename(item) for item in loads(text))


def build(uow: UnitOfWork, actor: Actor, items: Sequence[Descriptor],
          *, today: date | None = None) -> tuple[Attachment, ...]:
    """Every attachment as a file, or AttachmentError for the first that cannot be built."""
    return tuple(_build(uow, actor, item, today) for item in items)


def _build(uow: UnitOfWork, actor: Actor, item: Descriptor, today: date | None) -> Attachment:
    name = filename(item)
    try:
        buffer = io.BytesIO()
        if item["kind"] in ("boleto", "carne"):
            ids = [item["invoice_id"]] if item["kind"] == "boleto" else item["invoice_ids"]
            render_boletos(slips_for_invoices(uow, ids, today=today), buffer,
                           carne=item["kind"] == "carne")
        elif item["kind"] == "receipt":
            render_receipts(receipts_for_invoices(uow, actor, [item["invoice_id"]]), buffer)
        elif item["kind"] == fiscal_attachments.KIND:  # a note's DANFSe or XML
            return fiscal_attachments.build_fiscal(uow, item)
        elif item["kind"] == "clearance":
            declaration = uow.get(ClearanceDeclaration, item["declaration_id"],
                                  what="Negativa de débitos")
            buffer.write(declaration.pdf or b"")
        else:
            stored = uow.get(ArchivedFile, item["attachment_id"], what="Anexo")
            return Attachment(filename=stored.filename, content=stored.content,
                              mime_type=stored.mime_type or "application/octet-stream")
    except ContofficeError as error:
        raise AttachmentError(messages.ATTACHMENT_FAILED.format(name=name,
                                                                reason=error.message)) from None
    return Attachment(filename=name, content=buffer.getvalue(), mime_type=PDF)
