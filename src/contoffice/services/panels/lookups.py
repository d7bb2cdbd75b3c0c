"""Read-only values the tool dialogs show: combo-box choices and the rows a dialog prefills."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from contoffice.db.models import (
    CashAccount,
    Charge,
    Contract,
    Invoice,
    LedgerAccount,
    PaymentProfile,
    Person,
    SuspensionReason,
)
from contoffice.db.uow import UnitOfWork


@dataclass(frozen=True, slots=True)
class Choice:
    """One entry of a combo box: the id stored, the name shown."""

    id: int
    name: str


@dataclass(frozen=True, slots=True)
class ChargeBrief:
    """A conta as an edit dialog shows it."""

    id: int
    description: str
    amount_cents: int
    due_date: date
    period_start: date | None
    period_end: date | None
    installment: int | None
    ledger_account_id: int | None
    status: str
    invoice_id: int | None
    contract_id: int | None


@dataclass(frozen=True, slots=True)
class ContractBrief:
    """A contract as the Editar contrato dialog shows it."""

    id: int
    person_id: int
    plan: str
    description: str
    fee_cents: int
    due_rule: str
    due_day: int
    move_to_business_day: bool
    due_month_offset: int
    payment_profile_id: int | None
    ledger_account_id: int | None
    grouping: str
    status: str


@dataclass(frozen=True, slots=True)
class InvoiceBrief:
    """An invoice as the Alterar Fatura and Liquidação dialogs show it."""

    id: int
    description: str
    due_date: date
    amount_cents: int
    paid_cents: int
    discount_cents: int
    discount_until: date | None
    instruction: str
    version_id: int


def payment_profiles(uow: UnitOfWork) -> list[Choice]:
    """Active payment profiles, by name."""
    with uow:
        return [
            Choice(i, n)
            for i, n in uow.session.execute(
                select(PaymentProfile.id, PaymentProfile.name)
                .where(PaymentProfile.active.is_(True))
                .order_by(PaymentProfile.name)
            )
        ]


def cash_accounts(uow: UnitOfWork) -> list[Choice]:
    """Active cofre/caixa/banco accounts, by name."""
    with uow:
        return [
            Choice(i, n)
            for i, n in uow.session.execute(
                select(CashAccount.id, CashAccount.name)
                .where(CashAccount.active.is_(True))
                .order_by(CashAccount.name)
            )
        ]


def suspension_reasons(uow: UnitOfWork) -> list[str]:
    """Configuração Motivos de Suspensão: the active reasons."""
    with uow:
        return list(
            uow.session.scalars(
                select(SuspensionReason.text)
                .where(SuspensionReason.active.is_(True))
                .order_by(SuspensionReason.text)
            )
        )


def ledger_accounts(uow: UnitOfWork) -> list[Choice]:
    """Active ledger accounts (plano de contas) as "code — name"."""
    with uow:
        return [
            Choice(i, f"{c} — {n}")
            for i, c, n in uow.session.execute(
                select(LedgerAccount.id, LedgerAccount.code, LedgerAccount.name)
                .where(LedgerAccount.active.is_(True))
                .order_by(LedgerAccount.code)
            )
        ]


def _brief(c: Charge) -> ChargeBrief:
    return ChargeBrief(
        c.id,
        c.description,
        c.amount_cents,
        c.due_date,
        c.period_start,
        c.period_end,
        c.installment,
        c.ledger_account_id,
        c.status,
        c.invoice_id,
        c.contract_id,
    )


def charges(uow: UnitOfWork, charge_ids: Sequence[int]) -> list[ChargeBrief]:
    """The contas with these ids, in id order."""
    with uow:
        return [
            _brief(c)
            for c in uow.session.scalars(
                select(Charge).where(Charge.id.in_(list(charge_ids))).order_by(Charge.id)
            )
        ]


def invoice_charges(uow: UnitOfWork, invoice_id: int) -> list[ChargeBrief]:
    """The contas of one invoice (Editar contas associadas a faturas)."""
    with uow:
        return [
            _brief(c)
            for c in uow.session.scalars(
                select(Charge).where(Charge.invoice_id == invoice_id).order_by(Charge.id)
            )
        ]


def contract_charges(uow: UnitOfWork, contract_id: int) -> list[ChargeBrief]:
    """Contas associadas ao contrato, newest due date first (removed ones left out)."""
    with uow:
        return [
            _brief(c)
            for c in uow.session.scalars(
                select(Charge)
                .where(Charge.contract_id == contract_id, Charge.status != "removed")
                .order_by(Charge.due_date.desc(), Charge.id.desc())
            )
        ]


def contract(uow: UnitOfWork, contract_id: int) -> ContractBrief:
    """One contract's current values."""
    with uow:
        c = uow.get(Contract, contract_id, what="Contrato")
        return ContractBrief(
            c.id,
            c.person_id,
            c.plan,
            c.description,
            c.fee_cents,
            c.due_rule,
            c.due_day,
            c.move_to_business_day,
            c.due_month_offset,
            c.payment_profile_id,
            c.ledger_account_id,
            c.grouping,
            c.status,
        )


def invoices(uow: UnitOfWork, invoice_ids: Sequence[int]) -> list[InvoiceBrief]:
    """The invoices with these ids, with the version each had when read (stale check)."""
    with uow:
        return [
            InvoiceBrief(
                i.id,
                i.description,
                i.due_date,
                i.amount_cents,
                i.paid_cents,
                i.discount_cents,
                i.discount_until,
                i.instruction,
                i.version_id,
            )
            for i in uow.session.scalars(
                select(Invoice).where(Invoice.id.in_(list(invoice_ids))).order_by(Invoice.id)
            )
        ]


def people_names(uow: UnitOfWork, person_ids: Sequence[int]) -> dict[int, str]:
    """Names of the given people (the Gerar honorários list)."""
    with uow:
        return {
            pid: name
            for pid, name in uow.session.execute(
                select(Person.id, Person.name).where(Person.id.in_(list(person_ids)))
            )
        }
