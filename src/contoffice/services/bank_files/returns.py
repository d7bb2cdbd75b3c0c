"""Importar retorno: a bank's return file applied whole or not at all, and never twice."""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.exc import StaleDataError

from contoffice.banking.cnab.errors import CnabError
from contoffice.banking.cnab.returns import ReturnFile, read_return
from contoffice.core.format import format_datetime
from contoffice.core.progress import Cancelled, NullProgress, Progress, check_cancelled
from contoffice.core.vocab import ReturnOutcome
from contoffice.db.models import BankReturn, PaymentProfile
from contoffice.db.uow import UnitOfWork
from contoffice.errors import InvalidInput, NotAllowed, Stale
from contoffice.services.bank_files import apply, matching
from contoffice.services.bank_files import messages as m
from contoffice.services.bank_files.plan import Plan, decide
from contoffice.services.bank_files.report import ReportLine, ReturnReport
from contoffice.services.kernel.permissions import Actor, require

STEP = 2_000  # records between progress reports (and cancel checks)


def parse(data: bytes) -> ReturnFile:
    """The file read and checked, or the clerk's reason it is refused (with its line)."""
    try:
        return read_return(data)
    except CnabError as error:
        raise InvalidInput(m.RETURN_UNREADABLE.format(reason=str(error)), field="Arquivo") from None


def _refuse_known(uow: UnitOfWork, digest: str) -> None:
    known = uow.session.execute(select(BankReturn.id, BankReturn.imported_at)
                                .where(BankReturn.sha256 == digest)).first()
    if known is not None:
        raise NotAllowed(m.RETURN_ALREADY_IMPORTED.format(
            when=format_datetime(known.imported_at), code=known.id))


def import_return(uow: UnitOfWork, actor: Actor, *, data: bytes, filename: str,
                  profile_id: int | None = None, today: date | None = None,
                  progress: Progress | None = None, dry_run: bool = False) -> ReturnReport:
    """Parse, match and apply a return in one transaction; the report of what it did."""
    today = today or date.today()
    progress = progress or NullProgress()
    digest = hashlib.sha256(data).hexdigest()
    with uow:
        require(actor, "bank.import_return")
        uow.write_from_here()  # SQLite: a second desk waits here, then finds the file known
        _refuse_known(uow, digest)
        parsed = parse(data)
        profile = matching.profile_for(uow, parsed, profile_id)
        header = BankReturn(
            sha256=digest, filename=Path(filename).name[:255], content=data,
            payment_profile_id=profile.id, bank_code=parsed.bank, file_format=parsed.file_format,
            generated_on=parsed.generated_on, record_count=len(parsed.records),
            imported_by=actor.id)
        uow.session.add(header)
        try:
            # First write of the import: a second desk with the same file waits here and
            # then finds it imported.
            uow.session.flush()
        except IntegrityError:
            uow.rollback()
            raise NotAllowed(m.RETURN_ALREADY_IMPORTED.format(when="outra mesa",
                                                              code="—")) from None
        try:
            plan = _plan(uow, parsed, profile, header.id, today, progress)
            fee_charge = apply.write(uow, actor, plan, header, profile, today, progress)
        except Cancelled:
            uow.rollback()
            raise NotAllowed(m.RETURN_CANCELLED) from None
        except StaleDataError:
            uow.rollback()
            raise Stale(m.RETURN_CHANGED_MEANWHILE) from None
        report = ReturnReport(
            return_id=None if dry_run else header.id, filename=header.filename,
            bank=parsed.bank, bank_name=parsed.bank_name, file_format=parsed.file_format,
            profile_id=profile.id, profile_name=profile.name, generated_on=parsed.generated_on,
            lines=tuple(plan.lines), declared_count=parsed.declared_count,
            declared_total_cents=parsed.declared_total_cents,
            fee_charge_id=None if dry_run else fee_charge, dry_run=dry_run,
            spc_invoices=tuple(plan.spc))
        if dry_run:
            uow.rollback()
        else:
            uow.commit()
        return report


def _plan(uow: UnitOfWork, parsed: ReturnFile, profile: PaymentProfile, code: int,
          today: date, progress: Progress) -> Plan:
    """Every record's outcome, matched against the invoices as they are now."""
    records, profile_id = parsed.records, profile.id
    with_dv = matching.keeps_dv(parsed)
    numbers = {r.line_number: matching.our_number(profile, r, with_dv) for r in records}
    invoices = matching.invoices_by_number(uow, profile_id,
                                           (n for n in numbers.values() if n is not None))
    identities = {r.line_number: matching.identity(profile_id, r) for r in records}
    applied = matching.applied_identities(uow, list(identities.values()))
    plan, in_file = Plan(code), set()
    for done, record in enumerate(records, start=1):
        if done % STEP == 0:
            check_cancelled(progress)
            progress.step(done, len(records) * 2, "Conferindo o retorno")
        number = numbers[record.line_number]
        invoice = invoices.get(number) if number is not None else None
        key = identities[record.line_number]
        if key in applied or key in in_file:
            outcome, note = ReturnOutcome.REPEATED, ""
        else:
            outcome, note = decide(plan, record, invoice, today)
            in_file.add(key)
        plan.lines.append(ReportLine(
            record.line_number, record.nosso_numero, invoice.id if invoice else None,
            record.occurrence_code, record.occurrence.value, outcome, record.face_value,
            record.paid, record.interest, record.discount + record.rebate, record.fee,
            record.occurrence_date, record.credit_date, note, key))
    return plan
