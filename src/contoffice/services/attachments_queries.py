"""Read-only tool "Banco de Imagens": list a client's files and copy one out to open it."""

from __future__ import annotations

import tempfile
from pathlib import Path

from contoffice.db.queries import attachments
from contoffice.db.queries.attachments import AttachmentRow
from contoffice.db.uow import UnitOfWork
from contoffice.errors import NotFound

__all__ = ["AttachmentRow", "attachments_of", "extract_attachment"]


def attachments_of(uow: UnitOfWork, person_id: int, *, contract_id: int | None = None,
                   invoice_id: int | None = None) -> list[AttachmentRow]:
    """The client's attachments, newest first."""
    with uow:
        return attachments.listing(uow.session, person_id, contract_id=contract_id,
                                   invoice_id=invoice_id)


def extract_attachment(uow: UnitOfWork, attachment_id: int, folder: Path | None = None) -> Path:
    """Write the file to a private temporary folder and return its path (to open it)."""
    with uow:
        found = attachments.content(uow.session, attachment_id)
    if found is None:
        raise NotFound(f"Anexo {attachment_id} não encontrado (pode ter sido removido).")
    name, data = found
    target = Path(folder or tempfile.mkdtemp(prefix="contoffice-")) / Path(name).name
    target.write_bytes(data)
    return target
