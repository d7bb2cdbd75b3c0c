"""Contracts, charges (contas), invoices (faturas), their history and settlements."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from contoffice.core.vocab import (
    ChargeKind,
    ChargeStatus,
    ContractStatus,
    Direction,
    DueRule,
    FiscalStatus,
    InvoiceStatus,
    ReconciliationStatus,
    RemittanceStatus,
    SettlementMethod,
)
from contoffice.db.base import Base, Cents, UTCDateTime, utcnow
from contoffice.db.models.vocab_types import vocab


class Contract(Base):
    """A service contract: the plan and monthly fee billed to a person."""

    __tablename__ = "contract"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"))
    plan: Mapped[str] = mapped_column(String(120))
    description: Mapped[str] = mapped_column(Text, default="")
    fee_cents: Mapped[int] = mapped_column(Cents)
    due_rule: Mapped[DueRule] = mapped_column(
        vocab(DueRule, "due_rule", 15), default=DueRule.FIXED_DAY
    )
    due_day: Mapped[int] = mapped_column(Integer, default=10)
    move_to_business_day: Mapped[bool] = mapped_column(Boolean, default=True)
    # Competência M is due in month M + offset (honorários of October due in November).
    due_month_offset: Mapped[int] = mapped_column(Integer, default=1)
    payment_profile_id: Mapped[int | None] = mapped_column(ForeignKey("payment_profile.id"))
    ledger_account_id: Mapped[int | None] = mapped_column(ForeignKey("ledger_account.id"))
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date | None] = mapped_column(Date)
    status: Mapped[ContractStatus] = mapped_column(
        vocab(ContractStatus, "status", 16), default=ContractStatus.ACTIVE
    )
    grouping: Mapped[str] = mapped_column(String(80), default="")
    status_reason: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    version_id: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version_id}  # noqa: RUF012
    __table_args__ = (
        CheckConstraint("fee_cents >= 0", name="fee_not_negative"),
        CheckConstraint("due_day BETWEEN 1 AND 31", name="due_day"),
        Index("ix_contract_person", "person_id"),
        Index("ix_contract_status", "status"),
    )


class Charge(Base):
    """A conta: one amount owed (or to pay), billed alone or grouped into an invoice."""

    __tablename__ = "charge"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"))
    # Checked since 0001 by its own constraint (ck_charge_direction, below).
    direction: Mapped[Direction] = mapped_column(
        vocab(Direction, "direction", 1, check=False), default=Direction.RECEIVABLE
    )
    contract_id: Mapped[int | None] = mapped_column(ForeignKey("contract.id"))
    invoice_id: Mapped[int | None] = mapped_column(ForeignKey("invoice.id"))
    kind: Mapped[ChargeKind] = mapped_column(
        vocab(ChargeKind, "kind", 10), default=ChargeKind.ONE_OFF
    )
    description: Mapped[str] = mapped_column(String(200))
    amount_cents: Mapped[int] = mapped_column(Cents)  # negative only for discount contas
    due_date: Mapped[date] = mapped_column(Date)
    competence: Mapped[date | None] = mapped_column(Date)  # first day of the service month
    period_start: Mapped[date | None] = mapped_column(Date)
    period_end: Mapped[date | None] = mapped_column(Date)
    installment: Mapped[int | None] = mapped_column(Integer)
    installments: Mapped[int | None] = mapped_column(Integer)
    ledger_account_id: Mapped[int | None] = mapped_column(ForeignKey("ledger_account.id"))
    payment_profile_id: Mapped[int | None] = mapped_column(ForeignKey("payment_profile.id"))
    status: Mapped[ChargeStatus] = mapped_column(
        vocab(ChargeStatus, "status", 10), default=ChargeStatus.OPEN
    )
    suspension_reason: Mapped[str] = mapped_column(String(120), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    # The run that made or awaits this conta (services.billing.run); runs are never deleted.
    billing_run_id: Mapped[int | None] = mapped_column(ForeignKey("billing_run.id"))
    # Plano de composição de derivação avulsa (fiscal composition of a one-off conta).
    composition: Mapped[str] = mapped_column(String(80), default="")
    # A discount/surcharge conta created by a settlement; its estorno removes it again.
    settlement_id: Mapped[int | None] = mapped_column(ForeignKey("settlement.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    version_id: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version_id}  # noqa: RUF012
    __table_args__ = (
        CheckConstraint("direction IN ('R','P')", name="direction"),
        Index("ix_charge_person_status", "person_id", "status"),
        Index("ix_charge_invoice", "invoice_id"),
        # One monthly fee per contract and competência: a resumed billing run cannot bill twice.
        Index(
            "uq_charge_contract_fee",
            "contract_id",
            "competence",
            unique=True,
            sqlite_where=text("kind = 'fee'"),
            postgresql_where=text("kind = 'fee'"),
        ),
    )


class Invoice(Base):
    """A fatura: the document sent to be paid (boleto), with its nosso número."""

    __tablename__ = "invoice"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"))
    # Checked since 0001 by its own constraint (ck_invoice_direction, below).
    direction: Mapped[Direction] = mapped_column(
        vocab(Direction, "direction", 1, check=False), default=Direction.RECEIVABLE
    )
    contract_id: Mapped[int | None] = mapped_column(ForeignKey("contract.id"))
    payment_profile_id: Mapped[int | None] = mapped_column(ForeignKey("payment_profile.id"))
    our_number: Mapped[int | None] = mapped_column(Integer)
    description: Mapped[str] = mapped_column(String(200), default="")
    issue_date: Mapped[date] = mapped_column(Date)
    due_date: Mapped[date] = mapped_column(Date)
    competence: Mapped[date | None] = mapped_column(Date)
    amount_cents: Mapped[int] = mapped_column(Cents)
    paid_cents: Mapped[int] = mapped_column(Cents, default=0)
    discount_cents: Mapped[int] = mapped_column(Cents, default=0)
    discount_until: Mapped[date | None] = mapped_column(Date)
    instruction: Mapped[str] = mapped_column(Text, default="")
    # "Pix copia e cola" the bank registered for this boleto (boleto híbrido); empty: none.
    pix_emv: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[InvoiceStatus] = mapped_column(
        vocab(InvoiceStatus, "status", 10), default=InvoiceStatus.OPEN
    )
    settled_on: Mapped[date | None] = mapped_column(Date)
    suspension_reason: Mapped[str] = mapped_column(String(120), default="")
    suspension_notes: Mapped[str] = mapped_column(Text, default="")
    remittance_status: Mapped[RemittanceStatus] = mapped_column(
        vocab(RemittanceStatus, "remittance_status", 12), default=RemittanceStatus.NONE
    )
    fiscal_status: Mapped[FiscalStatus] = mapped_column(
        vocab(FiscalStatus, "fiscal_status", 10), default=FiscalStatus.NONE
    )
    reconciliation_status: Mapped[ReconciliationStatus] = mapped_column(
        vocab(ReconciliationStatus, "reconciliation_status", 10),
        default=ReconciliationStatus.NONE,
    )
    profile_change_pending: Mapped[bool] = mapped_column(Boolean, default=False)
    baixa_requested: Mapped[bool] = mapped_column(Boolean, default=False)
    in_spc: Mapped[bool] = mapped_column(Boolean, default=False)
    spc_added_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    spc_added_by: Mapped[int | None] = mapped_column(ForeignKey("operator.id"))
    replaces_id: Mapped[int | None] = mapped_column(ForeignKey("invoice.id"))
    removed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    removed_by: Mapped[int | None] = mapped_column(ForeignKey("operator.id"))
    removal_reason: Mapped[str] = mapped_column(Text, default="")
    # The reissue, when removed so (services.invoicing.rules.remove_invoice).
    replaced_by_id: Mapped[int | None] = mapped_column(ForeignKey("invoice.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    version_id: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version_id}  # noqa: RUF012
    __table_args__ = (
        CheckConstraint("amount_cents > 0", name="amount_positive"),
        CheckConstraint("direction IN ('R','P')", name="direction"),
        # Nosso número never repeats within a payment profile.
        UniqueConstraint("payment_profile_id", "our_number"),
        Index("ix_invoice_person_status_due", "person_id", "status", "due_date"),
        Index("ix_invoice_status_due", "status", "due_date"),
        Index("ix_invoice_contract", "contract_id"),
    )


class InvoiceEvent(Base):
    """One entry of an invoice's history: a comment or a change, who and when."""

    __tablename__ = "invoice_event"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    invoice_id: Mapped[int] = mapped_column(ForeignKey("invoice.id"))
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    operator_id: Mapped[int | None] = mapped_column(ForeignKey("operator.id"))
    kind: Mapped[str] = mapped_column(String(20))  # comment | created | altered | settled …
    text: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (Index("ix_invoice_event_invoice", "invoice_id", "at"),)


class Settlement(Base):
    """A liquidação (positive) or its estorno (negative, `reverses_id` set)."""

    __tablename__ = "settlement"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    invoice_id: Mapped[int] = mapped_column(ForeignKey("invoice.id"))
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"))
    amount_cents: Mapped[int] = mapped_column(Cents)
    settled_on: Mapped[date] = mapped_column(Date)
    method: Mapped[SettlementMethod] = mapped_column(vocab(SettlementMethod, "method", 14))
    payment_profile_id: Mapped[int | None] = mapped_column(ForeignKey("payment_profile.id"))
    cash_account_id: Mapped[int | None] = mapped_column(ForeignKey("cash_account.id"))
    justification: Mapped[str] = mapped_column(Text, default="")
    reverses_id: Mapped[int | None] = mapped_column(ForeignKey("settlement.id"))
    reversed: Mapped[bool] = mapped_column(Boolean, default=False)
    operator_id: Mapped[int | None] = mapped_column(ForeignKey("operator.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    __table_args__ = (
        CheckConstraint("amount_cents <> 0", name="amount_not_zero"),
        Index("ix_settlement_invoice", "invoice_id"),
        Index("ix_settlement_person_date", "person_id", "settled_on"),
    )
