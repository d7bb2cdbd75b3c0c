"""Cancelar (event e101101) and substituir (a new DPS with <subst>) an authorised note.

Both write their attempt row before the Sefin is called, like a DPS: the event or the
substitute is never sent twice unknowingly.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from sqlalchemy import select

from contoffice.core.version import app_version
from contoffice.core.vocab import FiscalAttemptOutcome
from contoffice.db.models import FiscalAttempt, FiscalDocument
from contoffice.db.uow import UnitOfWork
from contoffice.errors import InvalidInput, NotAllowed
from contoffice.fiscal.errors import FiscalError
from contoffice.fiscal.events import CANCEL_REASONS, build_cancel_event
from contoffice.fiscal.schema import validate
from contoffice.fiscal.signing import sign
from contoffice.fiscal.transport_errors import SefinRejected, SefinUncertain, SefinUnreachable
from contoffice.fiscal.values import CancelData, Substitution
from contoffice.services.fiscal import flow, prepare
from contoffice.services.fiscal import messages as m
from contoffice.services.fiscal import settings as fiscal_settings
from contoffice.services.fiscal.documents import DocumentStatus, view
from contoffice.services.fiscal.generate import (
    LOCK_CLASS,
    InvoiceOutcome,
    database_of,
    lock_key,
    outcome_of,
    row_of,
    session,
)
from contoffice.services.kernel import audit, run_lock
from contoffice.services.kernel.permissions import Actor, require

S, OUT = flow.S, flow.OUT
REASONS = (1, 2, 9)
SUBSTITUTION_REASONS = ("01", "02", "03", "04", "05", "99")


def _authorised(uow: UnitOfWork, document_id: int, refusal: str) -> FiscalDocument:
    doc = uow.session.get(FiscalDocument, document_id)
    if doc is None:
        raise NotAllowed(m.NO_NOTE.format(number=document_id))
    if doc.status != S.AUTHORISED or not doc.key:
        raise NotAllowed(refusal.format(status=doc.status.label.lower()))
    return doc


def _failed(uow: UnitOfWork, run: flow.Session, row: FiscalAttempt,
            outcome: FiscalAttemptOutcome, answer: str, codes: str = "") -> None:
    row.outcome, row.answer, row.codes, row.finished_at = outcome, answer, codes, run.now()
    row.http_status = 400 if codes else None
    uow.commit()


def cancel(uow: UnitOfWork, actor: Actor, document_id: int, reason_code: int,
           justification: str, *, now: Callable[[], datetime] | None = None) -> DocumentStatus:
    """Cancel an authorised note at the Sefin (e101101); the invoice is free again."""
    require(actor, "fiscal.cancel")
    justification = " ".join(justification.split())
    if reason_code not in REASONS:
        raise InvalidInput(m.CANCEL_REASON, field="reason")
    if not 15 <= len(justification) <= 255:
        raise InvalidInput(m.CANCEL_JUSTIFICATION, field="justification")
    found = _authorised(uow, document_id, m.CANCEL_NOT_AUTHORISED)
    lock, name = lock_key(found.environment, found.series)
    uow.rollback()
    # Under the série's lock: the local simulator's file is read after any other desk wrote it.
    with run_lock.exclusive(database_of(uow), LOCK_CLASS, lock, name):
        run = session(uow, actor, now)
        doc = _authorised(uow, document_id, m.CANCEL_NOT_AUTHORISED)
        return _cancel(uow, run, doc, reason_code, justification)


def _cancel(uow: UnitOfWork, run: flow.Session, doc: FiscalDocument, reason_code: int,
            justification: str) -> DocumentStatus:
    key, actor = doc.key or "", run.actor
    try:
        event = sign(build_cancel_event(CancelData(
            key, doc.environment, run.now() - prepare.CLOCK_MARGIN, run.emitter.document,
            reason_code, justification, f"contoffice {app_version()}"[:20])), run.cert,
            run.emitter.settings.signature_profile)
        validate(event, "event")
    except FiscalError as error:
        raise InvalidInput(error.message) from None
    row = flow.attempt(uow, run, doc, flow.FiscalAttemptKind.CANCEL, event)
    uow.commit()  # the request is on record before it leaves
    try:
        answer = run.sefin.register_event(key, event)
    except SefinRejected as error:
        _failed(uow, run, row, OUT.REJECTED, error.message, flow.codes_text(error.codes))
        raise NotAllowed(error.message) from None
    except SefinUnreachable as error:  # nothing reached the Sefin: the note stands
        _failed(uow, run, row, OUT.UNREACHABLE, error.message)
        raise NotAllowed(error.message) from None
    except (SefinUncertain, FiscalError) as error:
        _failed(uow, run, row, OUT.UNCERTAIN, error.message)
        raise NotAllowed(m.CANCEL_UNKNOWN.format(nfse=doc.nfse_number or doc.number,
                                                 detail=error.message)) from None
    row.outcome, row.http_status, row.finished_at = OUT.ACCEPTED, 201, run.now()
    row.answer = answer.decode("utf-8")
    doc.status, doc.cancel_event_xml, doc.cancelled_at = S.CANCELLED, answer, run.now()
    doc.cancel_reason, doc.cancel_justification = reason_code, justification
    doc.updated_at, doc.updated_by = run.now(), actor.id
    flow.sync_invoice(uow, doc.invoice_id)
    audit.record(uow, actor, "fiscal.cancelled", "fiscal_document", doc.id,
                 person_id=doc.person_id, after={"key": key, "reason": CANCEL_REASONS[reason_code]},
                 justification=justification)
    uow.commit()
    return view(doc, m.CANCELLED.format(nfse=doc.nfse_number or doc.number))


def substitute(uow: UnitOfWork, actor: Actor, document_id: int, reason_code: str,
               reason_text: str = "", *,
               now: Callable[[], datetime] | None = None) -> InvoiceOutcome:
    """Replace an authorised note by a new DPS of its invoice carrying <subst>."""
    require(actor, "fiscal.generate")
    reason_text = " ".join(reason_text.split())
    if reason_code not in SUBSTITUTION_REASONS or (reason_code == "99" and len(reason_text) < 15):
        raise InvalidInput(m.SUBSTITUTE_REASON, field="reason")
    _authorised(uow, document_id, m.SUBSTITUTE_NOT_AUTHORISED)
    values = fiscal_settings.read(uow)  # the substitute takes a number of the current série
    key, name = lock_key(values.environment, values.series)
    uow.rollback()
    with run_lock.exclusive(database_of(uow), LOCK_CLASS, key, name):
        run = session(uow, actor, now)
        original = _authorised(uow, document_id, m.SUBSTITUTE_NOT_AUTHORISED)
        if original.substituted_by_id is not None or any(
                d.substitutes_id == original.id for d in _in_flight_of(uow, original)):
            raise NotAllowed(m.SUBSTITUTE_PENDING)
        subst = Substitution(original.key or "", reason_code, reason_text)
        try:
            doc, row, signed = prepare.prepare(uow, run, original.invoice_id,
                                               substitution=(original, subst))
        except FiscalError as error:
            uow.rollback()
            raise InvalidInput(error.message) from None
        message = flow.send(uow, run, doc, row, signed)
    return row_of(uow, doc.invoice_id, outcome_of(doc), message, doc)


def _in_flight_of(uow: UnitOfWork, original: FiscalDocument) -> list[FiscalDocument]:
    return list(uow.session.scalars(select(FiscalDocument).where(
        FiscalDocument.substitutes_id == original.id,
        FiscalDocument.status.in_((*flow.IN_FLIGHT, S.DRAFT)))))
