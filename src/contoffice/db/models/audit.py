"""Audit trail and attached files: nothing a clerk does goes unrecorded."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, deferred, mapped_column

from contoffice.db.base import Base, UTCDateTime, utcnow


class AuditEvent(Base):
    """Who did what, when, to which record, with the values before and after (JSON)."""

    __tablename__ = "audit_event"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    operator_id: Mapped[int | None] = mapped_column(ForeignKey("operator.id"))
    action: Mapped[str] = mapped_column(String(60))
    entity: Mapped[str] = mapped_column(String(30))
    entity_id: Mapped[int | None] = mapped_column(Integer)
    # For the client's Atividade page. No foreign key on purpose: the trail outlives what
    # it records, and a key would forbid deleting a person (the finder's index test does).
    person_id: Mapped[int | None] = mapped_column(Integer)
    before: Mapped[str] = mapped_column(Text, default="")
    after: Mapped[str] = mapped_column(Text, default="")
    justification: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (
        Index("ix_audit_event_person", "person_id", "at"),
        Index("ix_audit_event_entity", "entity", "entity_id"),
        Index("ix_audit_event_at", "at"),
    )


class Attachment(Base):
    """A file kept in the database so every desk sees it (archive, contract, invoice)."""

    __tablename__ = "attachment"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"))
    contract_id: Mapped[int | None] = mapped_column(ForeignKey("contract.id"))
    invoice_id: Mapped[int | None] = mapped_column(ForeignKey("invoice.id"))
    category: Mapped[str] = mapped_column(String(60), default="")
    filename: Mapped[str] = mapped_column(String(255))
    mime_type: Mapped[str] = mapped_column(String(100), default="application/octet-stream")
    size: Mapped[int] = mapped_column(Integer, default=0)
    content: Mapped[bytes] = deferred(mapped_column(LargeBinary))
    description: Mapped[str] = mapped_column(Text, default="")
    uploaded_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    uploaded_by: Mapped[int | None] = mapped_column(ForeignKey("operator.id"))
    # Removing keeps the file: who removed it, when and why (DESIGN.md "Data rules").
    removed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    removed_by: Mapped[int | None] = mapped_column(ForeignKey("operator.id"))
    removal_reason: Mapped[str] = mapped_column(Text, default="", server_default="")

    __table_args__ = (Index("ix_attachment_person", "person_id"),)
