"""Attachments of a person (Banco de Imagens): the list, then one file's bytes on demand."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from contoffice.db.models import Attachment


@dataclass(frozen=True, slots=True)
class AttachmentRow:
    id: int
    filename: str
    mime_type: str
    size: int
    description: str
    uploaded_at: datetime


def listing(
    session: Session,
    person_id: int,
    *,
    contract_id: int | None = None,
    invoice_id: int | None = None,
) -> list[AttachmentRow]:
    """The files attached to the person (narrowed to a contract or an invoice)."""
    stmt = select(
        Attachment.id,
        Attachment.filename,
        Attachment.mime_type,
        Attachment.size,
        Attachment.description,
        Attachment.uploaded_at,
    ).where(Attachment.person_id == person_id)
    if contract_id is not None:
        stmt = stmt.where(Attachment.contract_id == contract_id)
    if invoice_id is not None:
        stmt = stmt.where(Attachment.invoice_id == invoice_id)
    rows = session.execute(stmt.order_by(Attachment.uploaded_at.desc())).mappings()
    return [AttachmentRow(**row) for row in rows]


def content(session: Session, attachment_id: int) -> tuple[str, bytes] | None:
    """(file name, bytes) of one attachment."""
    row = session.execute(
        select(Attachment.filename, Attachment.content).where(Attachment.id == attachment_id)
    ).first()
    return (row[0], bytes(row[1] or b"")) if row else None
