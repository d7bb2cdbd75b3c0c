"""Running a tool over many rows: per-row outcome, SAVEPOINTs, dry-run preview."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.exc import StaleDataError

from contoffice.db.uow import RECORD_CHANGED, UnitOfWork
from contoffice.errors import NotFound
from contoffice.services.kernel.messages import DATABASE_REFUSED
from contoffice.services.kernel.results import RowOutcome

CHUNK = 500


class Refused(Exception):
    """A row the rules refuse; raised by a row function *before* it writes anything."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def unique_ids(ids: Iterable[int]) -> list[int]:
    """The ids in the order given, each once."""
    return list(dict.fromkeys(int(i) for i in ids))


def chunks(ids: Sequence[int], size: int = CHUNK) -> Iterable[Sequence[int]]:
    """Slices of at most `size` ids (no giant IN lists)."""
    for start in range(0, len(ids), size):
        yield ids[start:start + size]


def _one(row: Callable[[int], RowOutcome], row_id: int) -> RowOutcome:
    try:
        return row(row_id)
    except (Refused, NotFound) as error:
        return RowOutcome(row_id, False, str(error.args[0]) if error.args else str(error))


def run_rows(uow: UnitOfWork, ids: Sequence[int], row: Callable[[int], RowOutcome], *,
             before_chunk: Callable[[Sequence[int]], None] | None = None) -> list[RowOutcome]:
    """Apply `row` to each id; a refused or failing row leaves nothing half-written.

    Rows run in chunks inside one SAVEPOINT (fast); if the database rejects a
    chunk (a conflict with another desk), that chunk is redone with one
    SAVEPOINT per row, so only the failing row is refused.
    """
    outcomes: list[RowOutcome] = []
    for chunk in chunks(ids):
        if before_chunk is not None:
            before_chunk(chunk)
        savepoint = uow.session.begin_nested()
        try:
            done = [_one(row, i) for i in chunk]
            savepoint.commit()
            outcomes.extend(done)
            continue
        except (IntegrityError, StaleDataError):
            savepoint.rollback()
        outcomes.extend(row_by_row(uow, chunk, row))
    return outcomes


def run_bulk(uow: UnitOfWork, ids: Sequence[int], plan: Callable[[Sequence[int]], list[RowOutcome]],
             row: Callable[[int], RowOutcome], *, size: int = CHUNK,
             before_fallback: Callable[[Sequence[int]], None] | None = None) -> list[RowOutcome]:
    """Like `run_rows`, but `plan` checks a whole chunk in Python and writes it in bulk.

    `plan` refuses rows by returning their outcome and raises StaleDataError when
    a versioned UPDATE matched fewer rows than it should; a chunk the database
    rejects is rolled back and redone row by row with `row`, one SAVEPOINT each.
    """
    outcomes: list[RowOutcome] = []
    for chunk in chunks(ids, size):
        savepoint = uow.session.begin_nested()
        try:
            done = plan(chunk)
            savepoint.commit()
            outcomes.extend(done)
            continue
        except (IntegrityError, StaleDataError):
            savepoint.rollback()
        if before_fallback is not None:
            before_fallback(chunk)
        outcomes.extend(row_by_row(uow, chunk, row))
    return outcomes


def row_by_row(uow: UnitOfWork, chunk: Sequence[int],
               row: Callable[[int], RowOutcome]) -> list[RowOutcome]:
    """Each row in its own SAVEPOINT: a conflict refuses that row only."""
    outcomes: list[RowOutcome] = []
    for row_id in chunk:
        savepoint = uow.session.begin_nested()
        try:
            outcome = _one(row, row_id)
            savepoint.commit()
        except StaleDataError:
            savepoint.rollback()
            outcome = RowOutcome(row_id, False, RECORD_CHANGED)
        except IntegrityError as error:
            savepoint.rollback()
            outcome = RowOutcome(row_id, False, DATABASE_REFUSED.format(detail=error.orig))
        outcomes.append(outcome)
    return outcomes


def finish(uow: UnitOfWork, *, dry_run: bool) -> None:
    """Commit, or for a dry-run preview drop everything."""
    if dry_run:
        uow.rollback()
    else:
        uow.commit()
