"""The fiscal documents' own tools: status (resolving an unanswered DPS), annul, observations,
DANFSe, and the signed DPS for inspection."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select

from contoffice.core.messages import not_found
from contoffice.db.models import FiscalDocument, Invoice
from contoffice.db.uow import UnitOfWork
from contoffice.errors import InvalidInput, NotAllowed, NotFound
from contoffice.fiscal.danfse import render_danfse
from contoffice.fiscal.errors import FiscalError
from contoffice.services.fiscal import certificates, flow, numbering, prepare
from contoffice.services.fiscal import messages as m
from contoffice.services.fiscal import settings as fiscal_settings
from contoffice.services.fiscal.build import emitter
from contoffice.services.fiscal.generate import LOCK_CLASS, database_of, lock_key, session
from contoffice.services.kernel import audit, run_lock
from contoffice.services.kernel.permissions import Actor, require

S = flow.S
OBSERVATION_LIMIT = 500


@dataclass(frozen=True, slots=True)
class DocumentStatus:
    """A document as it stands: its state in pt-BR, numbers, the Sefin's codes, a message."""

    id: int
    invoice_id: int
    status: str
    label: str
    environment: int
    series: int
    number: int
    nfse_number: int | None
    key: str | None
    codes: str
    message: str = ""


@dataclass(frozen=True, slots=True)
class Annulled:
    """One annulled document; `returned` when its number went back to the counter."""

    document_id: int
    number: int
    returned: bool


def _doc(uow: UnitOfWork, document_id: int, *, lock: bool = False) -> FiscalDocument:
    doc = uow.session.get(FiscalDocument, document_id, with_for_update=lock)
    if doc is None:
        raise NotFound(not_found(m.DOCUMENT, document_id))
    return doc


def view(doc: FiscalDocument, message: str = "") -> DocumentStatus:
    """The plain value of a document."""
    return DocumentStatus(doc.id, doc.invoice_id, doc.status.value, doc.status.label,
                          doc.environment, doc.series, doc.number, doc.nfse_number, doc.key,
                          doc.codes, message)


def status(uow: UnitOfWork, actor: Actor, document_id: int, *,
           now: Callable[[], datetime] | None = None) -> DocumentStatus:
    """The document's state; a DPS sent without an answer is first asked of the Sefin."""
    doc = _doc(uow, document_id)
    if doc.status not in flow.IN_FLIGHT:
        return view(doc)
    require(actor, "fiscal.generate")
    key, name = lock_key(doc.environment, doc.series)  # the lock of the document's own série
    certificates.load(uow)
    uow.rollback()
    with run_lock.exclusive(database_of(uow), LOCK_CLASS, key, name):
        run = session(uow, actor, now)
        doc = _doc(uow, document_id)
        if doc.status not in flow.IN_FLIGHT:  # another desk resolved it meanwhile
            return view(doc)
        message = flow.resolve(uow, run, doc)
    return view(doc, message)


def annul(uow: UnitOfWork, actor: Actor, document_ids: Sequence[int]) -> list[Annulled]:
    """Give up draft or rejected DPS; the last number of the série goes back to the counter."""
    require(actor, "fiscal.annul")
    uow.write_from_here()
    done = []
    for document_id in sorted(set(document_ids), reverse=True):  # the last first: it rolls back
        doc = _doc(uow, document_id, lock=True)
        if doc.status == S.AUTHORISED:
            raise NotAllowed(m.ANNUL_AUTHORISED)
        if doc.status in flow.IN_FLIGHT:
            raise NotAllowed(m.ANNUL_SENT.format(number=doc.number))
        if doc.status not in (S.DRAFT, S.REJECTED):
            raise NotAllowed(m.ANNUL_NOT_ALLOWED.format(number=doc.number,
                                                        status=doc.status.label.lower()))
        returned = numbering.give_back(uow, doc)
        before = doc.status.value
        doc.status, doc.updated_by, doc.updated_at = S.ANNULLED, actor.id, datetime.now(UTC)
        flow.sync_invoice(uow, doc.invoice_id)
        audit.record(uow, actor, "fiscal.annulled", "fiscal_document", doc.id,
                     person_id=doc.person_id, before={"status": before},
                     after={"status": "annulled", "dps_number": doc.number})
        done.append(Annulled(doc.id, doc.number, returned))
    uow.commit()
    return done


def edit_observations(uow: UnitOfWork, actor: Actor, document_id: int, obs1: str, obs2: str,
                      obs3: str, obs4: str) -> DocumentStatus:
    """Change Observações 1–4 (they go into the next DPS of the document and its printout)."""
    require(actor, "fiscal.edit")
    values = {f"observation{n}": text.strip() for n, text in enumerate((obs1, obs2, obs3, obs4),
                                                                      start=1)}
    for n, text in enumerate(values.values(), start=1):
        if len(text) > OBSERVATION_LIMIT:
            raise InvalidInput(m.OBSERVATION_TOO_LONG.format(n=n, limit=OBSERVATION_LIMIT),
                               field=f"observation{n}")
    doc = _doc(uow, document_id)
    before, after = audit.changed_fields(doc, values)
    for name, text in values.items():
        setattr(doc, name, text)
    if after:
        doc.updated_by, doc.updated_at = actor.id, datetime.now(UTC)
        audit.record(uow, actor, "fiscal.observations_changed", "fiscal_document", doc.id,
                     person_id=doc.person_id, before=before, after=after)
    uow.commit()
    return view(doc)


def pdf(uow: UnitOfWork, document_id: int) -> bytes:
    """The DANFSe of an authorised note, watermarked CANCELADA/SUBSTITUÍDA by its state."""
    doc = _doc(uow, document_id)
    if doc.nfse_xml is None:
        raise NotAllowed(m.NO_NOTE.format(number=doc.number))
    return render_danfse(doc.nfse_xml, cancelled=doc.status == S.CANCELLED,
                         substituted=doc.status == S.SUBSTITUTED)


def signed_dps(uow: UnitOfWork, actor: Actor, invoice_id: int, *,
               now: Callable[[], datetime] | None = None) -> bytes:
    """The signed DPS of the invoice: the one sent, else the one that would be sent now."""
    require(actor, "fiscal.generate")
    sent = uow.session.scalar(select(FiscalDocument).where(
        FiscalDocument.invoice_id == invoice_id, FiscalDocument.dps_xml.is_not(None),
        FiscalDocument.status.not_in((S.DRAFT, S.ANNULLED, S.REJECTED)))
        .order_by(FiscalDocument.id.desc()))
    if sent is not None and sent.dps_xml:
        return sent.dps_xml
    who = emitter(uow, fiscal_settings.read(uow))
    invoice = uow.session.get(Invoice, invoice_id)
    why = prepare.refusal(uow, who, invoice, invoice_id)
    if why is not None or invoice is None:
        raise NotAllowed(why or m.NO_DPS.format(code=invoice_id))
    moment = (now or (lambda: datetime.now(UTC)))()
    doc = prepare.reusable(uow, invoice_id)
    if doc is None:
        values = who.settings
        number = numbering.next_number(uow, values.environment, who.document,
                                       values.city_code, values.series)
        doc = prepare.new_document(uow, who, invoice, actor.id, moment, number=number)
    cert = certificates.load(uow)
    try:
        signed = prepare.signed_xml(cert, who.settings.signature_profile, prepare.data_for(
            uow, who, doc, invoice, moment - prepare.CLOCK_MARGIN))
    except FiscalError as error:
        raise InvalidInput(error.message) from None
    uow.rollback()  # nothing taken: the number is only shown
    return signed
