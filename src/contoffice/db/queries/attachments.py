"""Attachments of a person (Banco de Imagens): the list, without the files' contents."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from contoffice.db.models import Attachment, Operator


@dataclass(frozen=True, slots=True)
class AttachmentRow:
    id: int
    filename: str
    mime_type: str
    size: int
    description: str
    uploaded_at: datetime
    category: str = ""
    contract_id: int | None = None
    invoice_id: int | None = None
    uploaded_by: int | None = None
    uploaded_by_name: str = ""


def listing(
    session: Session,
    person_id: int,
    *,
    contract_id: int | None = None,
    invoice_id: int | None = None,
    person_only: bool = False,
) -> list[AttachmentRow]:
    """The files attached to the person (narrowed to a contract or an invoice), not removed."""
    stmt = (
        select(
            Attachment.id,
            Attachment.filename,
            Attachment.mime_type,
            Attachment.size,
            Attachment.description,
            Attachment.uploaded_at,
            Attachment.category,
            Attachment.contract_id,
            Attachment.invoice_id,
            Attachment.uploaded_by,
            func.coalesce(Operator.name, "").label("uploaded_by_name"),
        )
        .outerjoin(Operator, Operator.id == Attachment.uploaded_by)
        .where(Attachment.person_id == person_id, Attachment.removed_at.is_(None))
    )
    if contract_id is not None:
        stmt = stmt.where(Attachment.contract_id == contract_id)
    if invoice_id is not None:
        stmt = stmt.where(Attachment.invoice_id == invoice_id)
    if person_only:
        stmt = stmt.where(Attachment.contract_id.is_(None), Attachment.invoice_id.is_(None))
    order = (Attachment.uploaded_at.desc(), Attachment.id.desc())
    rows = session.execute(stmt.order_by(*order)).mappings()
    return [AttachmentRow(**row) for row in rows]
