"""Declaração anual de quitação de débitos (Lei 12.007/2009) and the invoices it covers."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Index, Integer, LargeBinary, UniqueConstraint
from sqlalchemy.orm import Mapped, deferred, mapped_column

from contoffice.db.base import Base, Cents, UTCDateTime, utcnow


class ClearanceDeclaration(Base):
    """One client's declaration for one year, kept as issued (its PDF included)."""

    __tablename__ = "clearance_declaration"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"))
    year: Mapped[int] = mapped_column(Integer)
    generated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    generated_by: Mapped[int | None] = mapped_column(ForeignKey("operator.id"))
    total_cents: Mapped[int] = mapped_column(Cents)
    invoice_count: Mapped[int] = mapped_column(Integer)
    # The document as issued: a later change of the office's identity does not rewrite it.
    pdf: Mapped[bytes | None] = deferred(mapped_column(LargeBinary))

    # One declaration per client and year: a second one is refused, never a duplicate.
    __table_args__ = (UniqueConstraint("person_id", "year"),)


class ClearanceItem(Base):
    """An invoice the declaration covers, as it stood when the declaration was issued."""

    __tablename__ = "clearance_item"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    declaration_id: Mapped[int] = mapped_column(ForeignKey("clearance_declaration.id"))
    invoice_id: Mapped[int] = mapped_column(ForeignKey("invoice.id"))
    due_date: Mapped[date] = mapped_column(Date)
    competence: Mapped[date | None] = mapped_column(Date)
    amount_cents: Mapped[int] = mapped_column(Cents)
    paid_cents: Mapped[int] = mapped_column(Cents)
    settled_on: Mapped[date | None] = mapped_column(Date)

    __table_args__ = (Index("ix_clearance_item_declaration", "declaration_id"),)
