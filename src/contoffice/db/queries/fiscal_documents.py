"""Documentos Fiscais Pendentes and Gerados: a client's invoices awaiting a note, and its notes.

The same queries serve the Fiscal area (the office's rows of one competência): without a
person filter they list every client, with the client's name.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import String, and_, exists, func, literal, select, type_coerce
from sqlalchemy.orm import Session, aliased

from contoffice.core.format import parse_competence
from contoffice.core.paging import Page, PageRequest
from contoffice.core.validation import ValidationError
from contoffice.core.vocab import FiscalDocumentStatus as S
from contoffice.core.vocab import InvoiceStatus
from contoffice.db.models import Invoice, OfficeSetting, Person
from contoffice.db.models.fiscal import FiscalDocument
from contoffice.db.queries import panel_common as pc

# services/fiscal/settings keeps the office's fiscal data in these rows.
FIRST_COMPETENCE_KEY = "fiscal.first_competence"  # "mm/aaaa"
CITY_KEY = "fiscal.city_code"  # set once the office configured its fiscal data
NOTE_STATUSES = (S.AUTHORISED.value, S.CANCELLED.value, S.SUBSTITUTED.value)
STATUS_LABELS = {s.value: s.label for s in S}
INVOICE_LABELS = {s.value: s.label for s in InvoiceStatus}
# What the pending page says of an invoice's last DPS (none: no note asked yet).
PENDING_LABELS = {
    "none": "Sem nota",
    S.DRAFT.value: "Não transmitida",
    S.SENT.value: "Aguardando resposta",
    S.UNKNOWN.value: "Aguardando resposta",
    S.REJECTED.value: "Rejeitada",
    S.CANCELLED.value: "Nota cancelada",
    S.SUBSTITUTED.value: "Nota substituída",
}

D = FiscalDocument
_last, _note = aliased(FiscalDocument), aliased(FiscalDocument)


@dataclass(frozen=True, slots=True)
class PendingRow:
    """One invoice still needing its note, with what became of its last DPS."""

    id: int
    person_id: int
    client: str
    description: str
    issue_date: date
    due_date: date
    competence: date | None
    amount_cents: int
    paid_cents: int
    status: str
    fiscal_state: str
    codes: str
    document_id: int | None
    series: int | None
    number: int | None


@dataclass(frozen=True, slots=True)
class IssuedRow:
    """One NFS-e of the office (authorised, cancelled or substituted)."""

    id: int
    person_id: int
    client: str
    invoice_id: int
    nfse_number: int | None
    series: int
    number: int
    issued_at: datetime | None
    competence: date
    amount_cents: int
    status: str
    key: str | None


def _last_document() -> Any:
    """The invoice's latest DPS that was not given up (annulled ones hand their number back)."""
    return (select(func.max(_last.id))
            .where(_last.invoice_id == Invoice.id, _last.status != S.ANNULLED.value)
            .correlate(Invoice).scalar_subquery())


def _authorised() -> Any:
    return exists().where(_note.invoice_id == Invoice.id, _note.status == S.AUTHORISED.value)


def _setting(session: Session, key: str) -> str:
    row = session.get(OfficeSetting, key)
    return row.value.strip() if row is not None else ""


def first_competence(session: Session) -> date | None:
    """The first competência the office issues notes for (None: every one)."""
    text = _setting(session, FIRST_COMPETENCE_KEY)
    try:
        return parse_competence(text) if text else None
    except ValidationError:  # a hand-edited row: no first competência
        return None


_CLIENT = func.coalesce(func.nullif(Person.trade_name, ""), Person.name)
# The last DPS's state as plain text ("none" when the invoice never had one).
_STATE = func.coalesce(type_coerce(D.status, String), literal("none", String))
_PENDING_COLUMNS = (
    Invoice.id, Invoice.person_id, _CLIENT.label("client"), Invoice.description,
    Invoice.issue_date, Invoice.due_date, Invoice.competence, Invoice.amount_cents,
    Invoice.paid_cents, Invoice.status,
    _STATE.label("fiscal_state"),
    func.coalesce(D.codes, literal("")).label("codes"),
    D.id.label("document_id"), D.series, D.number,
)
PENDING_CONDITIONS: dict[str, pc.Condition] = {
    "person_id": pc.equals(Invoice.person_id),
    "competence_is": pc.equals(Invoice.competence),
    "id": pc.as_text(Invoice.id),
    "client": pc.contains(_CLIENT),
    "description": pc.contains(Invoice.description),
    "status": pc.label(Invoice.status, INVOICE_LABELS),
    "fiscal_state": pc.label(_STATE, PENDING_LABELS),
    "codes": pc.contains(D.codes),
}
PENDING_SORTS: dict[str, Any] = {
    "id": Invoice.id, "client": _CLIENT, "description": Invoice.description,
    "issue_date": Invoice.issue_date, "due_date": Invoice.due_date,
    "competence": Invoice.competence, "amount_cents": Invoice.amount_cents,
    "status": Invoice.status,
}
PENDING_CONDITIONS.update(pc.range_filters(
    PENDING_SORTS, date_keys=("issue_date", "due_date", "competence"),
    money_keys=("amount_cents",)))


def pending(session: Session, request: PageRequest) -> Page[PendingRow]:
    """Receivable invoices not removed, with no authorised note, from the first competência."""
    stmt = (select(*_PENDING_COLUMNS)
            .join(Person, Person.id == Invoice.person_id)
            .outerjoin(D, D.id == _last_document())
            .where(Invoice.direction == "R", Invoice.status != InvoiceStatus.REMOVED.value,
                   Invoice.amount_cents > 0, ~_authorised()))
    if not _setting(session, CITY_KEY):  # an office that issues no notes has none pending
        stmt = stmt.where(literal(False))
    start = first_competence(session)
    if start is not None:  # a one-off invoice without competência counts from its issue
        stmt = stmt.where(func.coalesce(Invoice.competence, Invoice.issue_date) >= start)
    return pc.run(session, stmt, request, PENDING_CONDITIONS, PENDING_SORTS, Invoice.id,
                  (Invoice.competence.desc(), Invoice.due_date.desc()), PendingRow)


_ISSUED_COLUMNS = (
    D.id, D.person_id, _CLIENT.label("client"), D.invoice_id, D.nfse_number, D.series,
    D.number, func.coalesce(D.authorised_at, D.issued_at).label("issued_at"), D.competence,
    D.amount_cents, D.status, D.key,
)
ISSUED_CONDITIONS: dict[str, pc.Condition] = {
    "person_id": pc.equals(D.person_id),
    "competence_is": pc.equals(D.competence),
    "client": pc.contains(_CLIENT),
    "nfse_number": pc.number(D.nfse_number),
    "number": pc.number(D.number),
    "invoice_id": pc.number(D.invoice_id),
    "status": pc.label(D.status, STATUS_LABELS),
    "key": pc.contains(D.key),
}
ISSUED_SORTS: dict[str, Any] = {
    "nfse_number": D.nfse_number, "number": D.number, "client": _CLIENT,
    "issued_at": func.coalesce(D.authorised_at, D.issued_at), "competence": D.competence,
    "amount_cents": D.amount_cents, "status": D.status, "invoice_id": D.invoice_id,
}
ISSUED_CONDITIONS.update(pc.range_filters(
    ISSUED_SORTS, date_keys=("competence",), money_keys=("amount_cents",)))


def issued(session: Session, request: PageRequest) -> Page[IssuedRow]:
    """The notes (authorised, cancelled, substituted), the latest first."""
    stmt = (select(*_ISSUED_COLUMNS).join(Person, Person.id == D.person_id)
            .where(and_(D.status.in_(NOTE_STATUSES))))
    return pc.run(session, stmt, request, ISSUED_CONDITIONS, ISSUED_SORTS, D.id,
                  (func.coalesce(D.authorised_at, D.issued_at).desc(),), IssuedRow)
