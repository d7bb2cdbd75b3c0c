"""One billing run per competência at a time across desks (PostgreSQL advisory lock)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date

from sqlalchemy import func, select

from contoffice.core.progress import Progress
from contoffice.db.uow import Database

WAITING = "Aguardando outra estação terminar o faturamento desta competência"
_LOCK_CLASS = 4_0001  # pg_advisory_lock(class, competência): "billing run" locks


@contextmanager
def one_desk_at_a_time(
    db: Database, competence: date, total: int, progress: Progress
) -> Iterator[bool]:
    """On PostgreSQL, a second desk billing the same competência waits for the first.

    A session-level advisory lock on its own connection: held for the whole
    run, let go by the server if the desk dies (kill -9), so a crashed run is
    still resumed by the next one. Yields whether this desk had to wait; once
    it gets the lock the other desk's invoices count as already billed.
    """
    if db.backend != "postgresql":
        yield False
        return
    key = competence.year * 100 + competence.month
    with db.engine.connect() as conn:
        waited = not conn.execute(select(func.pg_try_advisory_lock(_LOCK_CLASS, key))).scalar()
        if waited:
            progress.step(0, total, WAITING)
            conn.execute(select(func.pg_advisory_lock(_LOCK_CLASS, key)))
        conn.commit()
        try:
            yield waited
        finally:
            conn.execute(select(func.pg_advisory_unlock(_LOCK_CLASS, key)))
            conn.commit()
