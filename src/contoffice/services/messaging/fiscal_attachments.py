"""A note attached to an e-mail: its DANFSe (PDF) or its XML, built at sending time."""

from __future__ import annotations

from contoffice.db.models import FiscalDocument
from contoffice.db.uow import UnitOfWork
from contoffice.errors import NotAllowed
from contoffice.messaging.smtp import Attachment
from contoffice.services.fiscal import documents
from contoffice.services.fiscal import messages as fm

KIND = "fiscal"
PDF, XML = "pdf", "xml"
_MIME = {PDF: "application/pdf", XML: "application/xml"}


def fiscal(document_id: int, part: str, nfse_number: int) -> dict[str, object]:
    """The DANFSe ("pdf") or the XML ("xml") of a note, as the outbox keeps it."""
    suffix = "pdf" if part == PDF else "xml"
    return {"kind": KIND, "document_id": document_id, "part": part,
            "filename": f"nfse-{nfse_number}.{suffix}"}


def build_fiscal(uow: UnitOfWork, item: dict[str, object]) -> Attachment:
    """The file of a fiscal descriptor (a note that lost its XML cannot be attached)."""
    document_id = int(str(item["document_id"]))
    part = str(item["part"])
    if part == PDF:
        content = documents.pdf(uow, document_id)
    else:
        doc = uow.get(FiscalDocument, document_id, what=fm.DOCUMENT)
        if doc.nfse_xml is None:
            raise NotAllowed(fm.NO_NOTE.format(number=doc.number))
        content = doc.nfse_xml
    return Attachment(filename=str(item["filename"]), content=content, mime_type=_MIME[part])
