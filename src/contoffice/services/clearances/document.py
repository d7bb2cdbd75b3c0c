"""The declaration as a document: its printed values, its PDF, its attachment to an e-mail."""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from contoffice.core.documents import format_document, normalize_document
from contoffice.core.extenso import valor_por_extenso
from contoffice.core.files import output_file
from contoffice.core.format import date_extenso, format_competence, format_date, format_money
from contoffice.db.models import ClearanceDeclaration, Person
from contoffice.db.uow import Database, UnitOfWork
from contoffice.errors import NotAllowed
from contoffice.reports.clearance_pdf import ClearanceData, ClearanceLine, render_clearance
from contoffice.services.admin import office
from contoffice.services.clearances import messages as m
from contoffice.services.clearances.eligibility import YearInvoice
from contoffice.services.kernel.permissions import Actor, require
from contoffice.services.messaging import attachments
from contoffice.services.messaging.compose import Choice


def _document(text: str) -> str:
    digits = normalize_document(text)
    if not digits:
        return ""
    return f"{'CPF' if len(digits) == 11 else 'CNPJ'} {format_document(digits)}"


def render(identity: office.OfficeIdentity, person: Person, declaration_id: int, year: int,
           invoices: Sequence[YearInvoice], issued_on: date) -> bytes:
    """The PDF of a declaration being issued (kept with it: it is never re-rendered)."""
    total = sum(i.amount_cents for i in invoices)
    place = f"{identity.city}, " if identity.city else ""
    data = ClearanceData(
        number=f"{declaration_id}/{year}", year=year, client_name=person.name,
        client_document=_document(person.document or ""),
        lines=tuple(ClearanceLine(str(i.id), format_competence(i.competence) or "—",
                                  format_date(i.due_date), format_money(i.amount_cents),
                                  format_date(i.settled_on) or "—") for i in invoices),
        total=format_money(total), total_words=valor_por_extenso(total),
        place_date=f"{place}{date_extenso(issued_on)}.", issuer_name=identity.name,
        issuer_document=_document(identity.document), issuer_address=identity.address)
    buffer = io.BytesIO()
    render_clearance(data, buffer)
    return buffer.getvalue()


def pdf_name(declaration: ClearanceDeclaration) -> str:
    """negativa-<ano>-<cliente>.pdf, the name of the attachment too."""
    return str(attachments.filename(attachments.clearance(
        declaration.id, declaration.year, declaration.person_id)))


def stored_pdf(uow: UnitOfWork, actor: Actor, declaration_id: int) -> tuple[str, bytes]:
    """Imprimir negativa de débito selecionada: (file name, the PDF as issued)."""
    require(actor, "clearances.print")
    with uow:
        declaration = uow.get(ClearanceDeclaration, declaration_id, what="Negativa de débitos")
        if not declaration.pdf:
            raise NotAllowed(m.NO_PDF.format(id=declaration_id))
        return pdf_name(declaration), declaration.pdf


def write_pdf(db: Database, actor: Actor, declaration_id: int, out: str | Path) -> str:
    """Write the declaration's PDF to `out`; the file name it carries."""
    name, content = stored_pdf(db.uow(), actor, declaration_id)
    with output_file(out) as fh:
        fh.write(content)
    return name


@dataclass(frozen=True, slots=True)
class ClearanceMail:
    """What the send dialog starts with for a declaration (INV-N-3)."""

    person_id: int
    choice: Choice  # the declaration's PDF, ticked
    subject: str
    body: str


def mail_start(uow: UnitOfWork, actor: Actor, declaration_id: int) -> ClearanceMail:
    """Enviar negativa de débito selecionada: the client, the attachment, subject and body."""
    require(actor, "clearances.send")
    with uow:
        d = uow.get(ClearanceDeclaration, declaration_id, what="Negativa de débitos")
        label = m.ATTACHMENT_LABEL.format(year=d.year, count=d.invoice_count,
                                          total=format_money(d.total_cents))
        return ClearanceMail(d.person_id, Choice(attachments.clearance(
            d.id, d.year, d.person_id), label, True), m.MAIL_SUBJECT.format(year=d.year),
            m.MAIL_BODY.format(year=d.year))
