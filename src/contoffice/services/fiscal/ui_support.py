"""Small reads the window's fiscal tools need: a document's observations, an invoice's DPS,
and what the e-mail of a note starts with."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from contoffice.core.messages import not_found
from contoffice.core.vocab import FiscalDocumentStatus as S
from contoffice.db.models import FiscalDocument, Person
from contoffice.db.uow import UnitOfWork
from contoffice.errors import NotAllowed, NotFound
from contoffice.services.fiscal import messages as m
from contoffice.services.kernel.permissions import Actor, require


def observations(uow: UnitOfWork, document_id: int) -> tuple[str, str, str, str]:
    """Observações 1–4 of a document as they stand (the edit dialog starts from them)."""
    with uow:
        doc = uow.session.get(FiscalDocument, document_id)
        if doc is None:
            raise NotFound(not_found(m.DOCUMENT, document_id))
        return doc.observation1, doc.observation2, doc.observation3, doc.observation4


def note_numbers(uow: UnitOfWork, document_id: int) -> tuple[int | None, int]:
    """(nNFSe, nDPS) of a document, for the dialogs' titles."""
    with uow:
        doc = uow.session.get(FiscalDocument, document_id)
        if doc is None:
            raise NotFound(not_found(m.DOCUMENT, document_id))
        return doc.nfse_number, doc.number


def document_of_invoice(uow: UnitOfWork, invoice_id: int) -> int | None:
    """The invoice's latest DPS not given up (the one Anular Documento acts on), if any."""
    with uow:
        return uow.session.scalar(select(FiscalDocument.id).where(
            FiscalDocument.invoice_id == invoice_id, FiscalDocument.status != S.ANNULLED)
            .order_by(FiscalDocument.id.desc()).limit(1))


@dataclass(frozen=True, slots=True)
class NoteMail:
    """What the send dialog of a note starts with."""

    person_id: int
    document_id: int
    nfse_number: int
    key: str
    subject: str
    body: str


def mail_start(uow: UnitOfWork, actor: Actor, document_id: int) -> NoteMail:
    """Enviar e-mail ao cliente: the note's client, numbers, subject and body."""
    require(actor, "fiscal.send")
    with uow:
        doc = uow.session.get(FiscalDocument, document_id)
        if doc is None:
            raise NotFound(not_found(m.DOCUMENT, document_id))
        if doc.nfse_number is None or not doc.key:
            raise NotAllowed(m.NO_NOTE.format(number=doc.number))
        uow.get(Person, doc.person_id, what="Cliente")
        number = doc.nfse_number
        return NoteMail(doc.person_id, doc.id, number, doc.key,
                        m.MAIL_SUBJECT.format(nfse=number), m.MAIL_BODY.format(nfse=number))
