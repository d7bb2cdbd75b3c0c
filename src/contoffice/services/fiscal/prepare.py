"""The DPS of an invoice made ready to leave: number, signed XML, "sent", in one transaction."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select

from contoffice.core.format import format_competence
from contoffice.core.messages import not_found
from contoffice.core.vocab import Direction, FiscalAttemptKind, FiscalDocumentStatus, InvoiceStatus
from contoffice.core.vocab import FiscalStatus as Inv
from contoffice.db.models import FiscalAttempt, FiscalDocument, Invoice, Person
from contoffice.db.uow import UnitOfWork
from contoffice.errors import NotAllowed
from contoffice.fiscal.certificate import Certificate
from contoffice.fiscal.dps import build_dps
from contoffice.fiscal.ids import dps_id
from contoffice.fiscal.schema import validate
from contoffice.fiscal.signing import sign
from contoffice.fiscal.values import DpsData, Substitution
from contoffice.services.fiscal import build, numbering
from contoffice.services.fiscal import messages as m
from contoffice.services.fiscal.build import Emitter
from contoffice.services.fiscal.flow import Session, attempt, sync_invoice
from contoffice.services.kernel import audit
from contoffice.services.kernel import messages as km

S = FiscalDocumentStatus
# dhEmi may not be later than the Sefin's clock (E0008): a desk's clock a little ahead is
# common, so the DPS says it was issued a minute earlier than this desk thinks.
CLOCK_MARGIN = timedelta(minutes=1)


def refusal(uow: UnitOfWork, who: Emitter, invoice: Invoice | None, invoice_id: int) -> str | None:
    """Why no note may be generated for the invoice now (None: it may)."""
    if invoice is None:
        return not_found("Fatura", invoice_id)
    values, code = who.settings, invoice.id
    competence = build.competence_of(invoice)
    checks = (
        (invoice.fiscal_status == Inv.ISSUED, km.INVOICE_HAS_FISCAL_DOCUMENTS.format(code=code)),
        (invoice.fiscal_status == Inv.PENDING, km.INVOICE_AWAITS_FISCAL_DOCUMENTS),
        (invoice.status == InvoiceStatus.REMOVED, m.INVOICE_REMOVED.format(code=code)),
        (invoice.direction != Direction.RECEIVABLE, m.INVOICE_PAYABLE.format(code=code)),
        (values.on_settled and invoice.paid_cents <= 0, m.INVOICE_NOT_SETTLED.format(code=code)),
        (values.first_competence is not None and competence < values.first_competence,
         m.BEFORE_FIRST_COMPETENCE.format(
             code=code, competence=format_competence(competence),
             first=format_competence(values.first_competence))),
    )
    return next((message for failed, message in checks if failed), None)


def reusable(uow: UnitOfWork, invoice_id: int) -> FiscalDocument | None:
    """The invoice's draft or rejected DPS, whose number is still its own."""
    return uow.session.scalar(select(FiscalDocument).where(
        FiscalDocument.invoice_id == invoice_id, FiscalDocument.substitutes_id.is_(None),
        FiscalDocument.status.in_((S.DRAFT, S.REJECTED))).order_by(FiscalDocument.id.desc()))


def data_for(uow: UnitOfWork, who: Emitter, doc: FiscalDocument, invoice: Invoice,
             issued_at: datetime, substitution: Substitution | None = None) -> DpsData:
    """The DPS values of a document (the client read fresh)."""
    person = uow.get(Person, invoice.person_id, what="Cadastro")
    return build.dps_data(uow, who, doc, invoice, person, issued_at, substitution)


def new_document(uow: UnitOfWork, who: Emitter, invoice: Invoice, actor_id: int,
                 now: datetime, *, number: int | None = None) -> FiscalDocument:
    """A document for the invoice with the série's next number (or `number`, for a preview)."""
    values = who.settings
    if number is None:
        number = numbering.allocate(uow, values.environment, who.document, values.city_code,
                                    values.series)
    person = uow.get(Person, invoice.person_id, what="Cadastro")
    notes = build.observations(uow, invoice, person)
    return FiscalDocument(
        invoice_id=invoice.id, person_id=invoice.person_id, environment=values.environment,
        series=values.series, number=number,
        dps_id=dps_id(values.city_code, who.document, values.series, number),
        status=S.DRAFT, observation1=notes[0], observation2=notes[1], observation3=notes[2],
        observation4=notes[3], competence=build.competence_of(invoice),
        amount_cents=build.amount_of(invoice, values), created_at=now, created_by=actor_id,
        updated_at=now, updated_by=actor_id)


def signed_xml(cert: Certificate, profile: str, data: DpsData) -> bytes:
    """The DPS built, signed with the office's certificate and checked against the XSD."""
    signed = sign(build_dps(data), cert, profile)
    validate(signed, "dps")
    return signed


def prepare(uow: UnitOfWork, run: Session, invoice_id: int, *,
            substitution: tuple[FiscalDocument, Substitution] | None = None
            ) -> tuple[FiscalDocument, FiscalAttempt, bytes]:
    """Number, build and sign the invoice's DPS; commit it "sent" with its attempt row.

    Anything refused (the client's data, the layout) rolls back: no number is taken.
    """
    uow.write_from_here()
    invoice = uow.session.get(Invoice, invoice_id, with_for_update=True, populate_existing=True)
    who, now = run.emitter, run.now()
    if substitution is None:
        why = refusal(uow, who, invoice, invoice_id)
        if why is not None:
            raise NotAllowed(why)
    assert invoice is not None
    doc = None if substitution else reusable(uow, invoice_id)
    values = who.settings
    if doc is not None and (doc.environment, doc.series) != (values.environment, values.series):
        doc.status = S.ANNULLED  # the settings moved to another série or environment
        numbering.give_back(uow, doc)
        doc = None
    if doc is None:
        doc = new_document(uow, who, invoice, run.actor.id, now)
        if substitution is not None:
            original, subst = substitution
            doc.substitutes_id = original.id
            doc.substitution_reason, doc.substitution_text = subst.reason_code, subst.reason_text
            doc.observation1, doc.observation2 = original.observation1, original.observation2
            doc.observation3, doc.observation4 = original.observation3, original.observation4
        uow.session.add(doc)
    else:  # a rejected number goes out again, with the invoice as it is now
        doc.competence = build.competence_of(invoice)
        doc.amount_cents = build.amount_of(invoice, values)
    issued_at = now - CLOCK_MARGIN
    signed = signed_xml(run.cert, values.signature_profile, data_for(
        uow, who, doc, invoice, issued_at, substitution[1] if substitution else None))
    doc.status, doc.dps_xml, doc.issued_at, doc.codes = S.SENT, signed, issued_at, ""
    doc.updated_at, doc.updated_by = now, run.actor.id
    uow.flush()
    row = attempt(uow, run, doc, FiscalAttemptKind.EMIT, signed)
    sync_invoice(uow, invoice_id)
    audit.record(uow, run.actor, "fiscal.dps_sent", "fiscal_document", doc.id,
                 person_id=doc.person_id, after={"invoice_id": invoice_id, "dps_number": doc.number,
                                                 "series": doc.series,
                                                 "environment": doc.environment})
    uow.commit()
    return doc, row, signed
