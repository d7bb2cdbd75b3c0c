"""Importing the contracts of the clients an office already has: simulate, then all or nothing.

The same steps as the clients' import (`services.people.importing`): the sheet read once,
a dry run that writes nothing, then one transaction that plans again and writes every
accepted contract in bulk, each with its audit event; a refused row stops everything
unless `skip_refused`, and Cancelar rolls everything back. Contracts start active, on a
fixed due day; their honorários are generated later by the usual tools.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import cast

from contoffice.core.progress import Cancelled, NullProgress, Progress, check_cancelled
from contoffice.core.vocab import ContractStatus, DueRule
from contoffice.db import bulk
from contoffice.db.uow import UnitOfWork
from contoffice.errors import InvalidInput, NotAllowed
from contoffice.exports.columns import ColumnsError
from contoffice.exports.reader import SheetData
from contoffice.services.contracts import import_messages as m
from contoffice.services.contracts.import_plan import MAP, ContractPlan, PlannedContract, make_plan
from contoffice.services.kernel import audit, guards
from contoffice.services.kernel.permissions import Actor, require
from contoffice.services.kernel.results import Changes
from contoffice.services.kernel.sheet_imports import one_import_at_a_time
from contoffice.services.kernel.sheet_plans import PlanRefused

PERMISSION = "contracts.create"
WRITE_CHUNK = 5_000
CHANGES = Changes(contracts=True, header=True)
__all__ = ["MAP", "ContractPlan", "ContractsRefused", "ContractsResult", "PlannedContract",
           "apply_contracts", "apply_mapping", "check_columns", "preview_contracts"]


class ContractsRefused(PlanRefused):
    """Rows were refused and the clerk did not ask to leave them out: nothing was written."""

    plan: ContractPlan


@dataclass(frozen=True, slots=True)
class ContractsResult:
    plan: ContractPlan
    created: tuple[tuple[int, int], ...]  # (sheet row, new contract's code)
    changes: Changes = CHANGES


def check_columns(sheet: SheetData, columns: Sequence[str]) -> None:
    """Refuse a mapping without the client's CPF/CNPJ, the plan or its value."""
    try:
        MAP.check(sheet.headers, columns, sheet.header_row)
    except ColumnsError as error:
        raise InvalidInput(error.message, field=error.field) from None


def apply_mapping(sheet: SheetData, given: Mapping[str, str]) -> tuple[str, ...]:
    """The guessed columns, corrected by the clerk's {column: field} pairs."""
    try:
        return MAP.apply(sheet.headers, given)
    except ColumnsError as error:
        raise InvalidInput(error.message, field=error.field) from None


def _bare(plan: ContractPlan) -> ContractPlan:
    return replace(plan, values={})


def preview_contracts(uow: UnitOfWork, actor: Actor, sheet: SheetData, columns: Sequence[str],
                      *, today: date | None = None,
                      progress: Progress | None = None) -> ContractPlan:
    """What importing would do, row by row; nothing is written."""
    check_columns(sheet, columns)
    with uow:
        require(actor, PERMISSION)
        try:
            return _bare(make_plan(uow, sheet, columns, today or date.today(),
                                   progress or NullProgress()))
        except Cancelled:
            raise NotAllowed(m.CANCELLED) from None


def apply_contracts(uow: UnitOfWork, actor: Actor, sheet: SheetData, columns: Sequence[str], *,
                    skip_refused: bool = False, today: date | None = None,
                    progress: Progress | None = None) -> ContractsResult:
    """Create every accepted row's contract in one transaction; nothing at all if refused."""
    check_columns(sheet, columns)
    progress = progress or NullProgress()
    with uow:
        require(actor, PERMISSION)
        uow.write_from_here()  # SQLite: the write lock from the first read
        one_import_at_a_time(uow, "contracts")
        try:
            plan = make_plan(uow, sheet, columns, today or date.today(), progress)
            if plan.refused and not skip_refused:
                raise ContractsRefused(m.HAS_REFUSED.format(count=len(plan.refused)),
                                       _bare(plan))
            if not plan.values:
                raise ContractsRefused(m.NOTHING_TO_IMPORT, _bare(plan))
            created = _write(uow, actor, plan, progress)
        except Cancelled:
            uow.rollback()
            raise NotAllowed(m.CANCELLED) from None
        uow.commit()
        return ContractsResult(_bare(plan), created)


def _write(uow: UnitOfWork, actor: Actor, plan: ContractPlan,
           progress: Progress) -> tuple[tuple[int, int], ...]:
    ledger = guards.ledger_id(uow, "ledger.fees")
    conn = uow.session.connection()
    rows = sorted(plan.values)
    created = tuple(zip(rows, bulk.reserve_ids(conn, "contract", len(rows)), strict=True))
    file = Path(plan.file).name
    for start in range(0, len(created), WRITE_CHUNK):
        check_cancelled(progress)
        chunk = created[start:start + WRITE_CHUNK]
        contracts, events = [], []
        for row, contract_id in chunk:
            values = plan.values[row]
            contracts.append({**values, "id": contract_id, "due_rule": DueRule.FIXED_DAY,
                              "ledger_account_id": ledger, "status": ContractStatus.ACTIVE})
            events.append(audit.values(
                actor, "contract.created", "contract", contract_id,
                person_id=cast(int, values["person_id"]),
                after={"plan": values["plan"], "fee_cents": values["fee_cents"],
                       "status": ContractStatus.ACTIVE},
                justification=m.AUDIT_NOTE.format(file=file, row=row)))
        bulk.insert(conn, "contract", contracts)
        bulk.insert(conn, "audit_event", events)
        progress.step(len(plan.rows) + start + len(chunk), len(plan.rows) + len(rows),
                      m.WRITING)
    check_cancelled(progress)
    return created
