"""Billing runs (resumable mass billing) and the cancellation manager's requests."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Index, Integer, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from contoffice.core.vocab import BillingRunStatus, CancellationStatus
from contoffice.db.base import Base, UTCDateTime, utcnow
from contoffice.db.models.vocab_types import vocab


class BillingRun(Base):
    """One billing run of a competência; progress is committed with each chunk it bills."""

    __tablename__ = "billing_run"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    competence: Mapped[date] = mapped_column(Date)
    status: Mapped[BillingRunStatus] = mapped_column(
        vocab(BillingRunStatus, "status", 10), default=BillingRunStatus.RUNNING
    )
    operator_id: Mapped[int | None] = mapped_column(ForeignKey("operator.id"))
    started_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Contracts are processed in id order; everything up to this id is committed.
    last_contract_id: Mapped[int] = mapped_column(Integer, default=0)
    contracts_seen: Mapped[int] = mapped_column(Integer, default=0)
    charges_created: Mapped[int] = mapped_column(Integer, default=0)
    invoices_created: Mapped[int] = mapped_column(Integer, default=0)
    already_billed: Mapped[int] = mapped_column(Integer, default=0)
    refused: Mapped[int] = mapped_column(Integer, default=0)
    resumed: Mapped[int] = mapped_column(Integer, default=0)  # times a killed run was taken up

    __table_args__ = (
        # At most one unfinished run per competência: a second desk resumes it instead.
        Index(
            "uq_billing_run_running",
            "competence",
            unique=True,
            sqlite_where=text("status = 'running'"),
            postgresql_where=text("status = 'running'"),
        ),
    )


class CancellationRequest(Base):
    """Gerenciador de cancelamentos: a client asked to cancel; retain, then keep or cancel."""

    __tablename__ = "cancellation_request"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    contract_id: Mapped[int] = mapped_column(ForeignKey("contract.id"))
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"))
    status: Mapped[CancellationStatus] = mapped_column(
        vocab(CancellationStatus, "status", 10), default=CancellationStatus.OPEN
    )
    reason: Mapped[str] = mapped_column(Text, default="")
    requested_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    requested_by: Mapped[int | None] = mapped_column(ForeignKey("operator.id"))
    retention_notes: Mapped[str] = mapped_column(Text, default="")
    retention_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    retention_by: Mapped[int | None] = mapped_column(ForeignKey("operator.id"))
    resolution_notes: Mapped[str] = mapped_column(Text, default="")
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    resolved_by: Mapped[int | None] = mapped_column(ForeignKey("operator.id"))

    __table_args__ = (Index("ix_cancellation_request_status", "status", "requested_at"),)


class DeskLock(Base):
    """A lock two desks take in turn (SQLite has no advisory locks): one row per held key.

    Written in a BEGIN IMMEDIATE transaction, so two desks can never both insert
    it; the holder refreshes `heartbeat_at` while it works, and a row whose
    holder died (same host, process gone; or silent past the lease) is taken over.
    """

    __tablename__ = "desk_lock"

    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    host: Mapped[str] = mapped_column(String(255))
    pid: Mapped[int] = mapped_column(Integer)
    token: Mapped[str] = mapped_column(String(32))
    acquired_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    heartbeat_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
