"""Where money goes: payment profiles (bank collection setups), ledger and cash accounts."""

from __future__ import annotations

from sqlalchemy import Boolean, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from contoffice.core.vocab import CashAccountKind
from contoffice.db.base import Base, Cents
from contoffice.db.models.vocab_types import vocab


class PaymentProfile(Base):
    """A bank collection setup ("profile de pagamento"): bank, agency, carteira, convênio."""

    __tablename__ = "payment_profile"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(80))
    bank_code: Mapped[str] = mapped_column(String(3))
    agency: Mapped[str] = mapped_column(String(10), default="")
    agency_dv: Mapped[str] = mapped_column(String(2), default="")
    account: Mapped[str] = mapped_column(String(20), default="")
    account_dv: Mapped[str] = mapped_column(String(2), default="")
    wallet: Mapped[str] = mapped_column(String(5), default="")  # carteira
    agreement: Mapped[str] = mapped_column(String(20), default="")  # convênio / cód. beneficiário
    variation: Mapped[str] = mapped_column(String(5), default="")
    modality: Mapped[str] = mapped_column(String(5), default="")
    post: Mapped[str] = mapped_column(String(5), default="")  # posto (Sicredi)
    byte_idt: Mapped[str] = mapped_column(String(1), default="")
    cnab_layout: Mapped[str] = mapped_column(String(3), default="400")
    instructions: Mapped[str] = mapped_column(Text, default="")
    fine_bp: Mapped[int] = mapped_column(Integer, default=200)  # multa, basis points (2%)
    interest_month_bp: Mapped[int] = mapped_column(Integer, default=100)  # juros % a.m.
    discount_cents: Mapped[int] = mapped_column(Cents, default=0)
    discount_days: Mapped[int] = mapped_column(Integer, default=0)
    pix_key: Mapped[str] = mapped_column(String(100), default="")
    next_our_number: Mapped[int] = mapped_column(Integer, default=1)
    next_remittance_number: Mapped[int] = mapped_column(Integer, default=1)
    baixa_enabled: Mapped[bool] = mapped_column(Boolean, default=True)  # comando de baixa
    protest_days: Mapped[int] = mapped_column(Integer, default=0)  # 0: não protestar
    # The bank as a supplier: the payable its collection fees are recorded on.
    fee_person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    version_id: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version_id}  # noqa: RUF012


class LedgerAccount(Base):
    """An entry of the plano de contas (e.g. 3.1.01 Honorários contábeis)."""

    __tablename__ = "ledger_account"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(20))
    name: Mapped[str] = mapped_column(String(120))
    nature: Mapped[str] = mapped_column(String(1), default="R")  # R receita, D despesa
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("ledger_account.id"))
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    __table_args__ = (UniqueConstraint("code"),)


class CashAccount(Base):
    """A conta cofre/caixa/banco where settlements and reversals post."""

    __tablename__ = "cash_account"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(80))
    kind: Mapped[CashAccountKind] = mapped_column(vocab(CashAccountKind, "kind", 6))
    payment_profile_id: Mapped[int | None] = mapped_column(ForeignKey("payment_profile.id"))
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class SuspensionReason(Base):
    """Configuração Motivos de Suspensão: the list invoice and charge suspension offer."""

    __tablename__ = "suspension_reason"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    text: Mapped[str] = mapped_column(String(120), unique=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class OfficeSetting(Base):
    """Office-wide settings shared by every desk (office identity, ledger defaults, …)."""

    __tablename__ = "office_setting"

    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")
