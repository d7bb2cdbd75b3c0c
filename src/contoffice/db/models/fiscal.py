"""NFS-e Nacional: the office's A1 certificate, its DPS numbering, its documents and every call."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
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
from sqlalchemy.orm import Mapped, mapped_column

from contoffice.core.vocab import FiscalAttemptKind, FiscalAttemptOutcome, FiscalDocumentStatus
from contoffice.db.base import Base, Cents, UTCDateTime, utcnow
from contoffice.db.models.vocab_types import vocab

# The states in which a document still stands for its invoice: at most one per invoice
# (substitutes aside, which stand beside the note they replace until it is replaced).
LIVE_STATUSES = ("draft", "sent", "unknown", "authorised")
_LIVE = "status IN ('draft', 'sent', 'unknown', 'authorised') AND substitutes_id IS NULL"
# An annulled last number goes back to the counter (numbering.annul): the next DPS takes it.
_NUMBERED = "status <> 'annulled'"
Number = BigInteger().with_variant(Integer(), "sqlite")


class FiscalCertificate(Base):
    """An A1 certificate (PKCS#12 as installed); its password lives in the OS keyring only."""

    __tablename__ = "fiscal_certificate"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    pkcs12: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)
    subject: Mapped[str] = mapped_column(String(300))
    document: Mapped[str] = mapped_column(String(14))
    not_after: Mapped[datetime] = mapped_column(UTCDateTime)
    fingerprint: Mapped[str] = mapped_column(String(64), unique=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    installed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    installed_by: Mapped[int | None] = mapped_column(ForeignKey("operator.id"))


class FiscalSeries(Base):
    """The office's nDPS counter of one série, per environment: homologação never takes
    production numbers."""

    __tablename__ = "fiscal_series"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    environment: Mapped[int] = mapped_column(Integer)  # tpAmb: 1 produção, 2 produção restrita
    cnpj: Mapped[str] = mapped_column(String(14))
    city: Mapped[str] = mapped_column(String(7))  # cLocEmi
    series: Mapped[int] = mapped_column(Integer)
    next_number: Mapped[int] = mapped_column(Number, default=1)

    __table_args__ = (UniqueConstraint("environment", "cnpj", "city", "series"),)


class FiscalDocument(Base):
    """One DPS number of one invoice and what became of it (the note, its cancel event)."""

    __tablename__ = "fiscal_document"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    invoice_id: Mapped[int] = mapped_column(ForeignKey("invoice.id"))
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"))
    environment: Mapped[int] = mapped_column(Integer)
    series: Mapped[int] = mapped_column(Integer)
    number: Mapped[int] = mapped_column(Number)
    dps_id: Mapped[str] = mapped_column(String(45))
    status: Mapped[FiscalDocumentStatus] = mapped_column(
        vocab(FiscalDocumentStatus, "status", 12), default=FiscalDocumentStatus.DRAFT)
    observation1: Mapped[str] = mapped_column(Text, default="")
    observation2: Mapped[str] = mapped_column(Text, default="")
    observation3: Mapped[str] = mapped_column(Text, default="")
    observation4: Mapped[str] = mapped_column(Text, default="")
    competence: Mapped[date] = mapped_column(Date)
    amount_cents: Mapped[int] = mapped_column(Cents)
    issued_at: Mapped[datetime | None] = mapped_column(UTCDateTime)  # dhEmi of the DPS sent
    key: Mapped[str | None] = mapped_column(String(50), unique=True)  # chave de acesso
    nfse_number: Mapped[int | None] = mapped_column(Number)
    verification: Mapped[str] = mapped_column(String(20), default="")
    authorised_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # The Sefin's codes of the last refusal, one "E0014 – texto" per line.
    codes: Mapped[str] = mapped_column(Text, default="")
    dps_xml: Mapped[bytes | None] = mapped_column(LargeBinary, deferred=True)  # signed, as sent
    nfse_xml: Mapped[bytes | None] = mapped_column(LargeBinary, deferred=True)  # as received
    cancel_event_xml: Mapped[bytes | None] = mapped_column(LargeBinary, deferred=True)
    cancel_reason: Mapped[int | None] = mapped_column(Integer)
    cancel_justification: Mapped[str] = mapped_column(Text, default="")
    cancelled_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    substitutes_id: Mapped[int | None] = mapped_column(ForeignKey("fiscal_document.id"))
    substituted_by_id: Mapped[int | None] = mapped_column(ForeignKey("fiscal_document.id"))
    substitution_reason: Mapped[str] = mapped_column(String(2), default="")
    substitution_text: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("operator.id"))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_by: Mapped[int | None] = mapped_column(ForeignKey("operator.id"))
    version_id: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version_id}  # noqa: RUF012
    __table_args__ = (
        Index("ux_fiscal_document_number", "environment", "series", "number", unique=True,
              sqlite_where=text(_NUMBERED), postgresql_where=text(_NUMBERED)),
        Index("ux_fiscal_document_dps_id", "dps_id", unique=True,
              sqlite_where=text(_NUMBERED), postgresql_where=text(_NUMBERED)),
        # One live document per invoice, whatever desk or process writes it.
        Index("ux_fiscal_document_live_invoice", "invoice_id", unique=True,
              sqlite_where=text(_LIVE), postgresql_where=text(_LIVE)),
        Index("ix_fiscal_document_invoice", "invoice_id"),
        Index("ix_fiscal_document_person", "person_id", "created_at"),
        Index("ix_fiscal_document_status", "status", "competence"),
    )


class FiscalAttempt(Base):
    """One conversation with the Sefin, written before it begins and kept five years."""

    __tablename__ = "fiscal_attempt"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("fiscal_document.id"))
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    operator_id: Mapped[int | None] = mapped_column(ForeignKey("operator.id"))
    kind: Mapped[FiscalAttemptKind] = mapped_column(vocab(FiscalAttemptKind, "kind", 8))
    sent_xml: Mapped[bytes | None] = mapped_column(LargeBinary, deferred=True)
    http_status: Mapped[int | None] = mapped_column(Integer)
    answer: Mapped[str] = mapped_column(Text, default="", deferred=True)  # text or XML received
    codes: Mapped[str] = mapped_column(Text, default="")
    outcome: Mapped[FiscalAttemptOutcome] = mapped_column(
        vocab(FiscalAttemptOutcome, "outcome", 12), default=FiscalAttemptOutcome.PENDING)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    __table_args__ = (Index("ix_fiscal_attempt_document", "document_id", "at"),)
