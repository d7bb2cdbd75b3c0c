"""Importing the clients an office already has, from XLSX or CSV: simulate, then all or nothing.

`read_file` reads the sheet once; `preview_import` plans every row and writes nothing;
`apply_import` plans again inside the writing transaction (the people registered meanwhile
count) and creates every accepted person in bulk, each with its audit event, committing
once. A refused row stops the whole import unless `skip_refused` says to leave it out;
Cancelar rolls everything back.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, fields
from datetime import date
from pathlib import Path

from contoffice.core.os_errors import describe
from contoffice.core.progress import Cancelled, NullProgress, Progress, check_cancelled
from contoffice.core.text import fold
from contoffice.db import bulk
from contoffice.db.uow import UnitOfWork
from contoffice.errors import InvalidInput, NotAllowed
from contoffice.exports.reader import SheetData, SheetError, read_sheet
from contoffice.services.kernel import audit
from contoffice.services.kernel.permissions import Actor, require
from contoffice.services.kernel.results import Changes
from contoffice.services.kernel.sheet_imports import one_import_at_a_time
from contoffice.services.kernel.sheet_plans import PlanRefused
from contoffice.services.people import import_mapping
from contoffice.services.people import import_messages as m
from contoffice.services.people.import_plan import ImportPlan, PlannedRow, make_plan, without_inputs
from contoffice.services.people.records import PersonInput

PERMISSION = "people.create"
WRITE_CHUNK = 5_000
CHANGES = Changes(people=True)
__all__ = ["ImportPlan", "ImportRefused", "ImportResult", "PlannedRow", "SheetData",
           "apply_import", "preview_import", "read_file"]


class ImportRefused(PlanRefused):
    """Rows were refused and the clerk did not ask to leave them out: nothing was written."""

    plan: ImportPlan


@dataclass(frozen=True, slots=True)
class ImportResult:
    plan: ImportPlan
    created: tuple[tuple[int, int], ...]  # (sheet row, new person's code), in sheet order
    changes: Changes = CHANGES


def read_file(path: Path, progress: Progress | None = None) -> SheetData:
    """The sheet of an XLSX or CSV file, or why it cannot be read (pt-BR); Cancelled stops it."""
    try:
        return read_sheet(path, progress)
    except SheetError as error:
        raise InvalidInput(error.message, field="Arquivo") from None
    except OSError as error:
        raise InvalidInput(m.FILE_UNREADABLE.format(reason=describe(error)),
                           field="Arquivo") from None


def preview_import(uow: UnitOfWork, actor: Actor, sheet: SheetData, columns: Sequence[str], *,
                   progress: Progress | None = None) -> ImportPlan:
    """What importing would do, row by row; nothing is written."""
    progress = progress or NullProgress()
    import_mapping.check(sheet.headers, columns, sheet.header_row)
    with uow:
        require(actor, PERMISSION)
        try:
            return without_inputs(make_plan(uow, sheet, columns, progress))
        except Cancelled:
            raise NotAllowed(m.CANCELLED) from None


def apply_import(uow: UnitOfWork, actor: Actor, sheet: SheetData, columns: Sequence[str], *,
                 skip_refused: bool = False, progress: Progress | None = None,
                 today: date | None = None) -> ImportResult:
    """Create every accepted row's person in one transaction; nothing at all if refused."""
    progress = progress or NullProgress()
    import_mapping.check(sheet.headers, columns, sheet.header_row)
    with uow:
        require(actor, PERMISSION)
        uow.write_from_here()  # SQLite: the write lock from the first read
        one_import_at_a_time(uow, "people")
        try:
            plan = make_plan(uow, sheet, columns, progress)
            refused = plan.refused
            if refused and not skip_refused:
                raise ImportRefused(m.HAS_REFUSED.format(count=len(refused)),
                                    without_inputs(plan))
            if not plan.inputs:
                raise ImportRefused(m.NOTHING_TO_IMPORT, without_inputs(plan))
            created = _write(uow, actor, plan, today or date.today(), progress)
        except Cancelled:
            uow.rollback()
            raise NotAllowed(m.CANCELLED) from None
        uow.commit()
        return ImportResult(without_inputs(plan), created)


_INPUT_FIELDS = tuple(f.name for f in fields(PersonInput))


def _plain(data: PersonInput) -> dict[str, object]:
    # dataclasses.asdict deep-copies every value: a tenth of the import's time for nothing.
    return {name: getattr(data, name) for name in _INPUT_FIELDS}


def _person_values(data: PersonInput) -> dict[str, object]:
    # The folded keys the finder searches by, as records.create_person stores them.
    values = _plain(data)
    values.update(name_key=fold(data.name), trade_name_key=fold(data.trade_name),
                  city_key=fold(data.city), district_key=fold(data.district),
                  street_key=fold(data.street))
    return values


def _write(uow: UnitOfWork, actor: Actor, plan: ImportPlan, today: date,
           progress: Progress) -> tuple[tuple[int, int], ...]:
    conn = uow.session.connection()
    rows = sorted(plan.inputs)
    ids = bulk.reserve_ids(conn, "person", len(rows))
    created = tuple(zip(rows, ids, strict=True))
    total = len(plan.rows) + len(rows)
    file = Path(plan.file).name
    with bulk.search_index_deferred(conn):
        for start in range(0, len(created), WRITE_CHUNK):
            check_cancelled(progress)
            chunk = created[start:start + WRITE_CHUNK]
            people, events = [], []
            for row, person_id in chunk:
                values = _person_values(plan.inputs[row])
                people.append({**values, "id": person_id, "registered_on": today})
                events.append(audit.values(
                    actor, "person.created", "person", person_id, person_id=person_id,
                    after={k: v for k, v in values.items()
                           if k in _INPUT_FIELDS and v not in ("", None)},
                    justification=m.AUDIT_NOTE.format(file=file, row=row)))
            bulk.insert(conn, "person", people)
            bulk.insert(conn, "audit_event", events)
            progress.step(len(plan.rows) + start + len(chunk), total, m.WRITING)
    check_cancelled(progress)
    return created
