"""One DPS's conversation with the Sefin, each step committed before the next call.

"sent" and its attempt row are committed before the DPS leaves; the answer is committed as
soon as it arrives. A desk that dies in between leaves the document "sent": whoever touches
that invoice next asks the Sefin for the DPS Id (`resolve`) and never sends it blindly again.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.orm.util import identity_key

from contoffice.core.vocab import FiscalAttemptKind, FiscalAttemptOutcome, FiscalDocumentStatus
from contoffice.core.vocab import FiscalStatus as Inv
from contoffice.db.models import FiscalAttempt, FiscalDocument, Invoice
from contoffice.db.uow import UnitOfWork
from contoffice.fiscal.certificate import Certificate
from contoffice.fiscal.errors import FiscalError
from contoffice.fiscal.nfse_doc import read_nfse
from contoffice.fiscal.transport_errors import SefinRejected, SefinUncertain, SefinUnreachable
from contoffice.services.fiscal import messages as m
from contoffice.services.fiscal.build import Emitter
from contoffice.services.fiscal.transport import Sefin
from contoffice.services.kernel import audit
from contoffice.services.kernel.permissions import Actor

S = FiscalDocumentStatus
OUT = FiscalAttemptOutcome
IN_FLIGHT = (S.SENT, S.UNKNOWN)


@dataclass(frozen=True, slots=True)
class Session:
    """What a run shares: who acts, the office as emitter, its certificate, the Sefin, a clock."""

    actor: Actor
    emitter: Emitter
    cert: Certificate
    sefin: Sefin
    now: Callable[[], datetime]


def codes_text(codes: tuple[tuple[str, str], ...]) -> str:
    """The Sefin's codes as the clerk reads them, one "E0014 – texto" per line."""
    return "\n".join(f"{code} – {text}" if code else text for code, text in codes)


def sync_invoice(uow: UnitOfWork, invoice_id: int) -> None:
    """Invoice.fiscal_status from its documents: PENDING while one is in flight, ISSUED while
    an authorised note stands, NONE otherwise."""
    statuses = set(uow.session.scalars(select(FiscalDocument.status)
                                       .where(FiscalDocument.invoice_id == invoice_id)))
    wanted = (Inv.PENDING if statuses & set(IN_FLIGHT)
              else Inv.ISSUED if S.AUTHORISED in statuses else Inv.NONE)
    # A plain UPDATE that bumps the version: the Sefin's answer is recorded even when another
    # desk edited the invoice meanwhile (that desk's stale edit is the one refused).
    changed = uow.session.execute(
        update(Invoice).where(Invoice.id == invoice_id, Invoice.fiscal_status != wanted)
        .values(fiscal_status=wanted, version_id=Invoice.version_id + 1)
        .execution_options(synchronize_session=False)).rowcount
    cached = uow.session.identity_map.get(identity_key(Invoice, invoice_id))
    if changed and cached is not None:
        uow.session.expire(cached)


def attempt(uow: UnitOfWork, run: Session, doc: FiscalDocument, kind: FiscalAttemptKind,
            sent_xml: bytes | None = None) -> FiscalAttempt:
    """A new attempt row of `doc` (PENDING until finished)."""
    row = FiscalAttempt(document_id=doc.id, at=run.now(), operator_id=run.actor.id, kind=kind,
                        sent_xml=sent_xml, outcome=OUT.PENDING)
    uow.session.add(row)
    return row


def _finish(row: FiscalAttempt, run: Session, outcome: FiscalAttemptOutcome, *,
            status: int | None = None, answer: str = "", codes: str = "") -> None:
    row.outcome, row.http_status, row.answer, row.codes = outcome, status, answer, codes
    row.finished_at = run.now()


def _touch(doc: FiscalDocument, run: Session, status: FiscalDocumentStatus) -> None:
    doc.status, doc.updated_at, doc.updated_by = status, run.now(), run.actor.id


def authorise(uow: UnitOfWork, run: Session, doc: FiscalDocument, key: str,
              xml: bytes) -> None:
    """Store the authorised note as received (chave, nNFSe, XML); the caller commits."""
    _touch(doc, run, S.AUTHORISED)
    doc.key, doc.nfse_xml, doc.authorised_at, doc.codes = key, xml, run.now(), ""
    try:
        found = read_nfse(xml)
        doc.nfse_number, doc.verification = found.number, found.verification[:20]
    except FiscalError:  # kept as received; the number shows once the XML is readable
        pass
    if doc.substitutes_id is not None:
        original = uow.get(FiscalDocument, doc.substitutes_id, what=m.DOCUMENT)
        _touch(original, run, S.SUBSTITUTED)
        original.substituted_by_id = doc.id
    audit.record(uow, run.actor, "fiscal.authorised", "fiscal_document", doc.id,
                 person_id=doc.person_id, after={"key": key, "nfse_number": doc.nfse_number,
                                                 "dps_number": doc.number})
    sync_invoice(uow, doc.invoice_id)


def send(uow: UnitOfWork, run: Session, doc: FiscalDocument, row: FiscalAttempt,
         signed: bytes) -> str:
    """Send a DPS already committed as "sent"; record and commit the answer; the message."""
    try:
        done = run.sefin.emit(signed)
    except SefinRejected as error:
        _touch(doc, run, S.REJECTED)
        doc.codes = codes_text(error.codes)
        _finish(row, run, OUT.REJECTED, status=400, answer=error.message, codes=doc.codes)
        message = m.REJECTED.format(number=doc.number, codes=doc.codes)
    except SefinUnreachable as error:  # nothing was processed: the number stays with the invoice
        _touch(doc, run, S.DRAFT)
        _finish(row, run, OUT.UNREACHABLE, answer=error.message)
        message = m.NOT_SENT.format(number=doc.number, detail=error.message)
    except (SefinUncertain, FiscalError) as error:
        _touch(doc, run, S.UNKNOWN)
        _finish(row, run, OUT.UNCERTAIN, answer=error.message)
        message = m.UNKNOWN.format(number=doc.number, detail=error.message)
    else:
        _finish(row, run, OUT.AUTHORISED, status=201, answer=done.nfse_xml.decode("utf-8"),
                codes=codes_text(done.alerts))
        authorise(uow, run, doc, done.key, done.nfse_xml)
        message = m.ISSUED.format(nfse=doc.nfse_number or "", number=doc.number)
    if doc.status != S.AUTHORISED:
        action = ("fiscal.rejected" if doc.status == S.REJECTED
                  else "fiscal.unknown" if doc.status == S.UNKNOWN else "fiscal.not_sent")
        audit.record(uow, run.actor, action, "fiscal_document", doc.id,
                     person_id=doc.person_id, after={"dps_number": doc.number, "codes": doc.codes})
    sync_invoice(uow, doc.invoice_id)
    uow.commit()
    return message


def resolve(uow: UnitOfWork, run: Session, doc: FiscalDocument) -> str:
    """Ask the Sefin what became of a sent or unknown DPS (GET /dps/{Id}); commit; the message.

    Found: the note is stored as authorised. Not found: the DPS never became a note, it goes
    back to draft with its number. No answer: it stays unknown.
    """
    row = attempt(uow, run, doc, FiscalAttemptKind.QUERY)
    try:
        key = run.sefin.find_dps(doc.dps_id)
        xml = run.sefin.fetch_nfse(key) if key else None
    except FiscalError as error:
        _touch(doc, run, S.UNKNOWN)
        _finish(row, run, OUT.UNREACHABLE, answer=error.message)
        message = m.STILL_UNKNOWN.format(number=doc.number, detail=error.message)
    else:
        if key and xml is not None:
            _finish(row, run, OUT.FOUND, status=200, answer=xml.decode("utf-8"))
            authorise(uow, run, doc, key, xml)
            message = m.FOUND_ISSUED.format(nfse=doc.nfse_number or "")
        else:
            _touch(doc, run, S.DRAFT)
            _finish(row, run, OUT.NOT_FOUND, status=404)
            message = m.NOT_RECEIVED.format(number=doc.number)
    sync_invoice(uow, doc.invoice_id)
    uow.commit()
    return message
