"""Anexar arquivos / Banco de Imagens (INV-D-10, INV-D-12, INV-E-15, INV-R-1..4).

A file (bytes, name, type, category) is kept in the database so every desk
sees it, attached to a person, to one of the person's contracts or to one of
the person's invoices. The list never loads the contents; removing keeps the
file with who removed it, when and why. Every change is audited.
"""

from __future__ import annotations

import mimetypes
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path, PurePath

from contoffice.core.files import write_output
from contoffice.db.models import Attachment, Contract, Invoice, Person
from contoffice.db.queries import attachments as queries
from contoffice.db.queries.attachments import AttachmentRow
from contoffice.db.uow import UnitOfWork
from contoffice.errors import InvalidInput, NotAllowed, NotFound
from contoffice.services.invoicing import rules as invoicing
from contoffice.services.kernel import audit, messages
from contoffice.services.kernel.permissions import Actor, require

__all__ = [
    "ARCHIVE_CATEGORIES",
    "MAX_BYTES",
    "AttachmentRow",
    "NewFile",
    "attach_file",
    "extract_attachment",
    "list_attachments",
    "read_attachment",
    "read_source",
    "remove_attachment",
]

MAX_BYTES = 20 * 1024 * 1024  # 20 MB: a scanned contract, not a video
# The catalogue's texts, under the names this module and its tests have always used.
TOO_LARGE = messages.ATTACHMENT_TOO_LARGE
EMPTY_FILE = messages.ATTACHMENT_EMPTY
NOT_FOUND = messages.ATTACHMENT_NOT_FOUND
ALREADY_REMOVED = messages.ATTACHMENT_ALREADY_REMOVED
WRONG_PERSON = messages.ATTACHMENT_WRONG_PERSON
CANNOT_READ = messages.FILE_CANNOT_READ
CANNOT_WRITE = messages.FILE_CANNOT_WRITE
# Arquivo permanente (INV-R-1, INV-R-2): the usual kinds of a client's documents; any text goes.
ARCHIVE_CATEGORIES = (
    "Contrato social",
    "Certificado digital",
    "Alvará",
    "Cartão CNPJ",
    "CND",
    "Documentos dos sócios",
    "Documentos recebidos",
    "Contrato",
    "Comprovante",
    "Outros",
)


@dataclass(frozen=True, slots=True)
class NewFile:
    """What the clerk picked: the bytes, the file's name, its type and a category."""

    content: bytes
    filename: str
    mime_type: str = ""
    category: str = ""
    description: str = ""


def _keys(contract_id: int | None, invoice_id: int | None) -> tuple[str, str]:
    """(permission to attach/remove, permission to see) for the file's target."""
    if invoice_id is not None:
        return "invoices.images", "invoices.images"
    return "contracts.attach", "contracts.images"


def _check_target(
    uow: UnitOfWork, person_id: int, contract_id: int | None, invoice_id: int | None
) -> None:
    uow.get(Person, person_id, what="Cadastro")
    if contract_id is not None:
        contract = uow.get(Contract, contract_id, what="Contrato")
        if contract.person_id != person_id:
            raise InvalidInput(
                WRONG_PERSON.format(what="O contrato", code=contract_id, person=person_id),
                field="Contrato",
            )
    if invoice_id is not None:
        invoice = uow.get(Invoice, invoice_id, what="Fatura")
        if invoice.person_id != person_id:
            raise InvalidInput(
                WRONG_PERSON.format(what="A fatura", code=invoice_id, person=person_id),
                field="Fatura",
            )


def attach_file(
    uow: UnitOfWork,
    actor: Actor,
    *,
    person_id: int,
    file: NewFile,
    contract_id: int | None = None,
    invoice_id: int | None = None,
) -> int:
    """Keep the file with the person (or one of its contracts or invoices); returns its id."""
    require(actor, _keys(contract_id, invoice_id)[0])
    name = PurePath((file.filename or "").replace("\\", "/")).name.strip()
    if not name:
        raise InvalidInput(messages.ATTACHMENT_NAME_REQUIRED, field="Arquivo")
    if not file.content:
        raise InvalidInput(EMPTY_FILE.format(name=name), field="Arquivo")
    if len(file.content) > MAX_BYTES:
        raise InvalidInput(
            TOO_LARGE.format(name=name, size=len(file.content) / 2**20, limit=MAX_BYTES // 2**20),
            field="Arquivo",
        )
    mime = file.mime_type or mimetypes.guess_type(name)[0] or "application/octet-stream"
    with uow:
        _check_target(uow, person_id, contract_id, invoice_id)
        row = Attachment(
            person_id=person_id,
            contract_id=contract_id,
            invoice_id=invoice_id,
            category=file.category.strip()[:60],
            filename=name[:255],
            mime_type=mime[:100],
            size=len(file.content),
            content=file.content,
            description=file.description.strip(),
            uploaded_by=actor.id,
        )
        uow.session.add(row)
        uow.flush()
        audit.record(
            uow,
            actor,
            "attachment.added",
            "attachment",
            row.id,
            person_id=person_id,
            after={
                "filename": row.filename,
                "size": row.size,
                "mime_type": mime,
                "category": row.category,
                "contract_id": contract_id,
                "invoice_id": invoice_id,
            },
        )
        uow.commit()
        return row.id


def list_attachments(
    uow: UnitOfWork,
    actor: Actor,
    *,
    person_id: int,
    contract_id: int | None = None,
    invoice_id: int | None = None,
    person_only: bool = False,
) -> list[AttachmentRow]:
    """Banco de Imagens: the files' metadata (never their contents), newest first.

    `person_only` keeps the client's own documents (Arquivo permanente), not those
    of its contracts and invoices.
    """
    require(actor, _keys(contract_id, invoice_id)[1])
    with uow:
        return queries.listing(
            uow.session,
            person_id,
            contract_id=contract_id,
            invoice_id=invoice_id,
            person_only=person_only,
        )


def _live(uow: UnitOfWork, attachment_id: int) -> Attachment:
    row = uow.session.get(Attachment, attachment_id)
    if row is None or row.removed_at is not None:
        raise NotFound(NOT_FOUND.format(code=attachment_id))
    return row


def read_attachment(uow: UnitOfWork, actor: Actor, attachment_id: int) -> tuple[str, bytes]:
    """(file name, bytes) of one file, to open or save it."""
    with uow:
        row = _live(uow, attachment_id)
        require(actor, _keys(row.contract_id, row.invoice_id)[1])
        return row.filename, bytes(row.content or b"")


def extract_attachment(
    uow: UnitOfWork,
    actor: Actor,
    attachment_id: int,
    folder: Path | None = None,
    *,
    target: Path | None = None,
) -> Path:
    """Write one file to `target`, or into a private temporary folder; returns its path."""
    name, content = read_attachment(uow, actor, attachment_id)
    # A folder of its own per file: two files with one name never overwrite each other.
    path = target or Path(folder or tempfile.mkdtemp(prefix="contoffice-")) / PurePath(name).name
    try:
        write_output(path, content)
    except OSError as error:
        raise InvalidInput(CANNOT_WRITE.format(path=path, error=error.strerror)) from None
    return path


def read_source(path: Path) -> bytes:
    """The bytes of a file the clerk picked (a pt-BR message when it cannot be read)."""
    try:
        return path.read_bytes()
    except OSError as error:
        raise InvalidInput(CANNOT_READ.format(path=path, error=error.strerror)) from None


def remove_attachment(uow: UnitOfWork, actor: Actor, *, attachment_id: int, reason: str) -> None:
    """Remove a file from the Banco de Imagens; it is kept with who, when and why."""
    reason = invoicing.require_text(reason, "Motivo")
    with uow:
        row = uow.session.get(Attachment, attachment_id)
        if row is None:
            raise NotFound(NOT_FOUND.format(code=attachment_id))
        require(actor, _keys(row.contract_id, row.invoice_id)[0])
        if row.removed_at is not None:
            raise NotAllowed(ALREADY_REMOVED.format(code=attachment_id))
        row.removed_at, row.removed_by, row.removal_reason = datetime.now(UTC), actor.id, reason
        audit.record(
            uow,
            actor,
            "attachment.removed",
            "attachment",
            row.id,
            person_id=row.person_id,
            before={"filename": row.filename},
            after={"removed": True},
            justification=reason,
        )
        uow.commit()
