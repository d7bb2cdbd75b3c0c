"""Atividade (audit events and invoice history of a person) and Notas (comments)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import literal, select, union_all
from sqlalchemy.orm import Session

from contoffice.core.paging import Page, PageRequest
from contoffice.db.models import AuditEvent, Invoice, InvoiceEvent, Operator, Person
from contoffice.db.queries import history
from contoffice.db.queries import panel_common as pc

# What an audit action or invoice event is called on screen: the history module's names.
ACTION_LABELS = history.ACTION_LABELS
ENTITY_LABELS = history.ENTITY_LABELS


@dataclass(frozen=True, slots=True)
class ActivityRow:
    id: int  # audit events positive, invoice events negative: one id space for the grid
    at: datetime
    operator: str | None
    action: str
    entity: str
    entity_id: int | None
    detail: str  # the pt-BR sentence of what happened (db.queries.history)


@dataclass(frozen=True, slots=True)
class NoteRow:
    id: int
    at: datetime
    operator: str | None
    invoice_id: int
    text: str


def _union(person_id: int) -> Any:
    audit = (
        select(
            AuditEvent.id.label("id"),
            AuditEvent.at.label("at"),
            Operator.name.label("operator"),
            AuditEvent.action.label("action"),
            AuditEvent.entity.label("entity"),
            AuditEvent.entity_id.label("entity_id"),
            AuditEvent.justification.label("detail"),
            AuditEvent.before.label("before"),
            AuditEvent.after.label("after"),
        )
        .outerjoin(Operator, Operator.id == AuditEvent.operator_id)
        .where(AuditEvent.person_id == person_id)
    )
    # Only the invoice events no audit event tells: the rest would show every act twice.
    events = (
        select(
            (-InvoiceEvent.id).label("id"),
            InvoiceEvent.at,
            Operator.name,
            InvoiceEvent.kind,
            literal("invoice"),
            InvoiceEvent.invoice_id,
            InvoiceEvent.text,
            literal(""),
            literal(""),
        )
        .join(Invoice, Invoice.id == InvoiceEvent.invoice_id)
        .outerjoin(Operator, Operator.id == InvoiceEvent.operator_id)
        .where(Invoice.person_id == person_id,
               InvoiceEvent.kind.in_(sorted(history.UNAUDITED_EVENTS)))
    )
    return union_all(audit, events).subquery("activity")


def _row(*, id: int, at: datetime, operator: str | None, action: str, entity: str,
         entity_id: int | None, detail: str, before: str, after: str) -> ActivityRow:
    """One grid row, its detail told as a sentence (an invoice event's id is negative)."""
    told = (history.event_sentence(action, detail, operator) if id < 0
            else history.sentence(action, before, after, operator, detail))
    return ActivityRow(id, at, operator, action, entity, entity_id, told)


def activity(session: Session, request: PageRequest) -> Page[ActivityRow]:
    """Everything that happened to the person and its invoices, newest first."""
    filters = dict(request.filters)
    sub = _union(int(filters.pop("person_id")))
    conditions: dict[str, pc.Condition] = {
        "operator": pc.contains(sub.c.operator),
        "action": pc.label(sub.c.action, ACTION_LABELS),
        "entity": pc.label(sub.c.entity, ENTITY_LABELS),
        "entity_id": pc.as_text(sub.c.entity_id),
        "detail": pc.contains(sub.c.detail),
    }
    sorts = {
        "at": sub.c.at,
        "operator": sub.c.operator,
        "action": sub.c.action,
        "entity": sub.c.entity,
        "entity_id": sub.c.entity_id,
    }
    narrowed = PageRequest(filters, request.sort, request.offset, request.limit)
    return pc.run(
        session, select(sub), narrowed, conditions, sorts, sub.c.id, (sub.c.at.desc(),), _row
    )


NOTE_CONDITIONS: dict[str, pc.Condition] = {
    "person_id": pc.equals(Invoice.person_id),
    "operator": pc.contains(Operator.name),
    "invoice_id": pc.as_text(InvoiceEvent.invoice_id),
    "text": pc.contains(InvoiceEvent.text),
}
NOTE_SORTS: dict[str, Any] = {
    "at": InvoiceEvent.at,
    "operator": Operator.name,
    "invoice_id": InvoiceEvent.invoice_id,
}


def notes(session: Session, request: PageRequest) -> Page[NoteRow]:
    """Comments clerks wrote on the person's invoices, newest first."""
    stmt = (
        select(
            InvoiceEvent.id,
            InvoiceEvent.at,
            Operator.name.label("operator"),
            InvoiceEvent.invoice_id,
            InvoiceEvent.text,
        )
        .join(Invoice, Invoice.id == InvoiceEvent.invoice_id)
        .outerjoin(Operator, Operator.id == InvoiceEvent.operator_id)
        .where(InvoiceEvent.kind == "comment")
    )
    return pc.run(
        session,
        stmt,
        request,
        NOTE_CONDITIONS,
        NOTE_SORTS,
        InvoiceEvent.id,
        (InvoiceEvent.at.desc(),),
        NoteRow,
    )


def internal_notes(session: Session, person_id: int) -> str:
    """The free-text internal notes kept on the registration."""
    return session.scalar(select(Person.internal_notes).where(Person.id == person_id)) or ""
