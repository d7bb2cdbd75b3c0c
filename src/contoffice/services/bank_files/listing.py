"""The Cobrança bancária grids: remittances generated and returns imported, and a report."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select

from contoffice.banking.banks import supported_banks
from contoffice.core.vocab import RemittanceFileStatus, ReturnOutcome
from contoffice.db.models import (
    BankRemittance,
    BankReturn,
    BankReturnRecord,
    Operator,
    PaymentProfile,
)
from contoffice.db.uow import UnitOfWork
from contoffice.services.bank_files import messages as m
from contoffice.services.bank_files.report import ReportLine, ReturnReport
from contoffice.services.kernel.permissions import Actor, require


@dataclass(frozen=True, slots=True)
class RemittanceRow:
    """A line of the Remessas grid."""

    id: int
    profile: str
    bank: str
    sequence_number: int
    filename: str
    titles: int
    total_cents: int
    status: str
    created_at: datetime
    operator: str


@dataclass(frozen=True, slots=True)
class ReturnRow:
    """A line of the Retornos importados grid."""

    id: int
    filename: str
    profile: str
    bank: str
    generated_on: date | None
    records: int
    settled: int
    settled_cents: int
    fee_cents: int
    problems: int
    imported_at: datetime
    operator: str


def list_remittances(uow: UnitOfWork, actor: Actor) -> list[RemittanceRow]:
    """Every remittance, newest first."""
    with uow:
        require(actor, "bank.remittance")
        rows = uow.session.execute(
            select(BankRemittance, PaymentProfile.name, PaymentProfile.bank_code, Operator.name)
            .join(PaymentProfile, PaymentProfile.id == BankRemittance.payment_profile_id)
            .outerjoin(Operator, Operator.id == BankRemittance.created_by)
            .order_by(BankRemittance.id.desc())).all()
        return [RemittanceRow(r.id, profile, bank, r.sequence_number, r.filename, r.title_count,
                              r.total_cents, RemittanceFileStatus(r.status).label, r.created_at,
                              who or "") for r, profile, bank, who in rows]


def list_returns(uow: UnitOfWork, actor: Actor) -> list[ReturnRow]:
    """Every imported return, newest first."""
    with uow:
        require(actor, "bank.import_return")
        rows = uow.session.execute(
            select(BankReturn, PaymentProfile.name, Operator.name)
            .join(PaymentProfile, PaymentProfile.id == BankReturn.payment_profile_id)
            .outerjoin(Operator, Operator.id == BankReturn.imported_by)
            .order_by(BankReturn.id.desc())).all()
        return [ReturnRow(r.id, r.filename, profile, r.bank_code, r.generated_on, r.record_count,
                          r.settled_count, r.settled_cents, r.fee_cents, r.problem_count,
                          r.imported_at, who or "") for r, profile, who in rows]


def stored_report(uow: UnitOfWork, actor: Actor, return_id: int) -> ReturnReport:
    """The report of an import made earlier, from what was kept of it."""
    with uow:
        require(actor, "bank.import_return")
        header = uow.get(BankReturn, return_id, what="Retorno")
        profile = uow.get(PaymentProfile, header.payment_profile_id, what="Profile de pagamento")
        records = uow.session.scalars(select(BankReturnRecord).where(
            BankReturnRecord.return_id == return_id).order_by(BankReturnRecord.line_number))
        lines = tuple(ReportLine(
            r.line_number, r.our_number, r.invoice_id, r.occurrence_code, r.occurrence,
            ReturnOutcome(r.outcome), r.face_cents, r.paid_cents, r.interest_cents,
            r.discount_cents, r.fee_cents, r.occurrence_date, r.credit_date, r.message,
            r.identity) for r in records)
        spc = tuple(x.invoice_id for x in lines if x.invoice_id and x.message == m.SPC_FLAG)
        return ReturnReport(
            header.id, header.filename, header.bank_code,
            supported_banks().get(header.bank_code, header.bank_code), header.file_format,
            profile.id, profile.name, header.generated_on, lines,
            fee_charge_id=header.fee_charge_id, spc_invoices=spc)
