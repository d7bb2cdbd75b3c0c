"""Importing the open invoices of the clients an office already has: simulate, then all or nothing.

The same steps as the clients' and contracts' imports: the sheet read once, a dry run that
writes nothing, then one transaction that plans again and writes, in bulk, each accepted
row as an open invoice over one conta avulsa, with its history line and audit event. A
refused row stops everything unless `skip_refused`; Cancelar rolls everything back.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import cast

from contoffice.core.progress import Cancelled, NullProgress, Progress, check_cancelled
from contoffice.core.vocab import ChargeKind, ChargeStatus, InvoiceStatus
from contoffice.db import bulk
from contoffice.db.uow import UnitOfWork
from contoffice.errors import InvalidInput, NotAllowed
from contoffice.exports.columns import ColumnsError
from contoffice.exports.reader import SheetData
from contoffice.services.invoices import import_messages as m
from contoffice.services.invoices.import_plan import MAP, InvoicePlan, PlannedInvoice, make_plan
from contoffice.services.kernel import audit, guards
from contoffice.services.kernel.permissions import Actor, require
from contoffice.services.kernel.results import Changes
from contoffice.services.kernel.sheet_imports import one_import_at_a_time
from contoffice.services.kernel.sheet_plans import PlanRefused

PERMISSION = "charges.bill"
WRITE_CHUNK = 5_000
CHANGES = Changes(invoices=True, charges=True, header=True)
__all__ = ["MAP", "InvoicePlan", "InvoicesRefused", "InvoicesResult", "PlannedInvoice",
           "apply_invoices", "apply_mapping", "check_columns", "preview_invoices"]


class InvoicesRefused(PlanRefused):
    """Rows were refused and the clerk did not ask to leave them out: nothing was written."""

    plan: InvoicePlan


@dataclass(frozen=True, slots=True)
class InvoicesResult:
    plan: InvoicePlan
    created: tuple[tuple[int, int], ...]  # (sheet row, new invoice's code)
    changes: Changes = CHANGES


def apply_mapping(sheet: SheetData, given: Mapping[str, str]) -> tuple[str, ...]:
    """The guessed columns, corrected by the clerk's {column: field} pairs."""
    try:
        return MAP.apply(sheet.headers, given)
    except ColumnsError as error:
        raise InvalidInput(error.message, field=error.field) from None


def check_columns(sheet: SheetData, columns: Sequence[str]) -> None:
    """Refuse a mapping without the client's CPF/CNPJ, the value or the due date."""
    try:
        MAP.check(sheet.headers, columns, sheet.header_row)
    except ColumnsError as error:
        raise InvalidInput(error.message, field=error.field) from None


def preview_invoices(uow: UnitOfWork, actor: Actor, sheet: SheetData, columns: Sequence[str],
                     *, today: date | None = None,
                     progress: Progress | None = None) -> InvoicePlan:
    """What importing would do, row by row; nothing is written."""
    check_columns(sheet, columns)
    with uow:
        require(actor, PERMISSION)
        try:
            return replace(make_plan(uow, sheet, columns, today or date.today(),
                                     progress or NullProgress()), values={})
        except Cancelled:
            raise NotAllowed(m.CANCELLED) from None


def apply_invoices(uow: UnitOfWork, actor: Actor, sheet: SheetData, columns: Sequence[str], *,
                   skip_refused: bool = False, today: date | None = None,
                   progress: Progress | None = None) -> InvoicesResult:
    """Create every accepted row's open invoice in one transaction; nothing if refused."""
    check_columns(sheet, columns)
    progress = progress or NullProgress()
    with uow:
        require(actor, PERMISSION)
        uow.write_from_here()  # SQLite: the write lock from the first read
        one_import_at_a_time(uow, "invoices")
        try:
            plan = make_plan(uow, sheet, columns, today or date.today(), progress)
            bare = replace(plan, values={})
            if plan.refused and not skip_refused:
                raise InvoicesRefused(m.HAS_REFUSED.format(count=len(plan.refused)), bare)
            if not plan.values:
                raise InvoicesRefused(m.NOTHING_TO_IMPORT, bare)
            created = _write(uow, actor, plan, progress)
        except Cancelled:
            uow.rollback()
            raise NotAllowed(m.CANCELLED) from None
        uow.commit()
        return InvoicesResult(bare, created)


def _write(uow: UnitOfWork, actor: Actor, plan: InvoicePlan,
           progress: Progress) -> tuple[tuple[int, int], ...]:
    ledger = guards.ledger_id(uow, "ledger.fees")
    conn = uow.session.connection()
    rows = sorted(plan.values)
    invoice_ids = bulk.reserve_ids(conn, "invoice", len(rows))
    charge_ids = bulk.reserve_ids(conn, "charge", len(rows))
    event_ids = bulk.reserve_ids(conn, "invoice_event", len(rows))
    created = tuple(zip(rows, invoice_ids, strict=True))
    file = Path(plan.file).name
    for start in range(0, len(rows), WRITE_CHUNK):
        check_cancelled(progress)
        invoices, charges, events, audits = [], [], [], []
        for index in range(start, min(start + WRITE_CHUNK, len(rows))):
            row, invoice_id = created[index]
            v = plan.values[row]
            person_id, note = cast(int, v["person_id"]), m.EVENT_TEXT.format(file=file, row=row)
            invoices.append({
                "id": invoice_id, "person_id": person_id, "direction": "R",
                "description": v["description"], "issue_date": v["issue_date"],
                "due_date": v["due_date"], "amount_cents": v["amount_cents"], "paid_cents": 0,
                "status": InvoiceStatus.OPEN, "remittance_status": "none"})
            charges.append({
                "id": charge_ids[index], "person_id": person_id, "direction": "R",
                "invoice_id": invoice_id, "kind": ChargeKind.ONE_OFF,
                "description": v["description"], "amount_cents": v["amount_cents"],
                "due_date": v["due_date"], "status": ChargeStatus.OPEN,
                "ledger_account_id": ledger, "version_id": 2})  # created, then linked
            events.append({"id": event_ids[index], "invoice_id": invoice_id,
                           "operator_id": actor.id, "kind": "created", "text": note})
            audits.append(audit.values(
                actor, "charges.billed", "invoice", invoice_id, person_id=person_id,
                after={"charges": [charge_ids[index]], "amount_cents": v["amount_cents"],
                       "our_number": None}, justification=note))
        for table, values in (("invoice", invoices), ("charge", charges),
                              ("invoice_event", events), ("audit_event", audits)):
            bulk.insert(conn, table, values)
        progress.step(len(plan.rows) + start + len(invoices), len(plan.rows) + len(rows),
                      m.WRITING)
    check_cancelled(progress)
    return created
