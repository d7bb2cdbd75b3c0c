"""Cobrança bancária: remittance files sent to the banks and return files imported."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Date,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, deferred, mapped_column

from contoffice.core.vocab import RemittanceFileStatus, ReturnOutcome
from contoffice.db.base import Base, Cents, UTCDateTime, utcnow
from contoffice.db.models.vocab_types import vocab


class BankRemittance(Base):
    """One remittance file of a payment profile, kept so it can be downloaded again."""

    __tablename__ = "bank_remittance"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    payment_profile_id: Mapped[int] = mapped_column(ForeignKey("payment_profile.id"))
    sequence_number: Mapped[int] = mapped_column(Integer)
    file_format: Mapped[str] = mapped_column(String(3))
    filename: Mapped[str] = mapped_column(String(255))
    content: Mapped[bytes] = deferred(mapped_column(LargeBinary))
    sha256: Mapped[str] = mapped_column(String(64))
    title_count: Mapped[int] = mapped_column(Integer, default=0)
    total_cents: Mapped[int] = mapped_column(Cents, default=0)
    status: Mapped[RemittanceFileStatus] = mapped_column(
        vocab(RemittanceFileStatus, "status", 12), default=RemittanceFileStatus.GENERATED
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("operator.id"))
    transmitted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    undone_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    undone_by: Mapped[int | None] = mapped_column(ForeignKey("operator.id"))
    version_id: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version_id}  # noqa: RUF012
    # The bank refuses a repeated number: two desks can never write the same one.
    __table_args__ = (UniqueConstraint("payment_profile_id", "sequence_number"),)


class BankRemittanceItem(Base):
    """One title of a remittance: the values sent (a later change is compared with them)."""

    __tablename__ = "bank_remittance_item"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    remittance_id: Mapped[int] = mapped_column(ForeignKey("bank_remittance.id"))
    invoice_id: Mapped[int] = mapped_column(ForeignKey("invoice.id"))
    command: Mapped[str] = mapped_column(String(20))
    amount_cents: Mapped[int] = mapped_column(Cents, default=0)
    due_date: Mapped[date | None] = mapped_column(Date)
    # Undoing the file puts this back (a written-off item also asks its baixa again).
    previous_status: Mapped[str] = mapped_column(String(12))

    __table_args__ = (
        Index("ix_bank_remittance_item_remittance", "remittance_id"),
        Index("ix_bank_remittance_item_invoice", "invoice_id"),
    )


class BankReturn(Base):
    """One imported return file; its hash makes a second import of it a no-op."""

    __tablename__ = "bank_return"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    filename: Mapped[str] = mapped_column(String(255))
    content: Mapped[bytes] = deferred(mapped_column(LargeBinary))
    payment_profile_id: Mapped[int] = mapped_column(ForeignKey("payment_profile.id"))
    bank_code: Mapped[str] = mapped_column(String(3))
    file_format: Mapped[str] = mapped_column(String(8))
    generated_on: Mapped[date | None] = mapped_column(Date)
    record_count: Mapped[int] = mapped_column(Integer, default=0)
    settled_count: Mapped[int] = mapped_column(Integer, default=0)
    settled_cents: Mapped[int] = mapped_column(Cents, default=0)
    fee_cents: Mapped[int] = mapped_column(Cents, default=0)
    problem_count: Mapped[int] = mapped_column(Integer, default=0)  # não encontradas, rejeitadas
    fee_charge_id: Mapped[int | None] = mapped_column(ForeignKey("charge.id"))
    imported_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    imported_by: Mapped[int | None] = mapped_column(ForeignKey("operator.id"))


class BankReturnRecord(Base):
    """One record of an imported return and what it did; `identity` is never applied twice."""

    __tablename__ = "bank_return_record"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    return_id: Mapped[int] = mapped_column(ForeignKey("bank_return.id"))
    line_number: Mapped[int] = mapped_column(Integer)
    identity: Mapped[str] = mapped_column(String(120))
    our_number: Mapped[str] = mapped_column(String(20))
    invoice_id: Mapped[int | None] = mapped_column(ForeignKey("invoice.id"))
    occurrence_code: Mapped[str] = mapped_column(String(4))
    occurrence: Mapped[str] = mapped_column(String(20))
    outcome: Mapped[ReturnOutcome] = mapped_column(vocab(ReturnOutcome, "outcome", 16))
    face_cents: Mapped[int] = mapped_column(Cents, default=0)
    paid_cents: Mapped[int] = mapped_column(Cents, default=0)
    interest_cents: Mapped[int] = mapped_column(Cents, default=0)
    discount_cents: Mapped[int] = mapped_column(Cents, default=0)
    fee_cents: Mapped[int] = mapped_column(Cents, default=0)
    occurrence_date: Mapped[date | None] = mapped_column(Date)
    credit_date: Mapped[date | None] = mapped_column(Date)
    message: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (
        Index("ix_bank_return_record_return", "return_id", "line_number"),
        Index("ix_bank_return_record_invoice", "invoice_id"),
        # Applied records only (REPEATED rows point at the first): the same bank event
        # in two different files is applied once.
        Index(
            "uq_bank_return_record_identity",
            "identity",
            unique=True,
            sqlite_where=text("outcome <> 'repeated'"),
            postgresql_where=text("outcome <> 'repeated'"),
        ),
    )
