"""One desk at a time on a piece of work (a competência's billing run), on both backends.

PostgreSQL: a session-level advisory lock on its own connection, let go by the
server when the desk dies. SQLite has no such lock: a `desk_lock` row written in
a BEGIN IMMEDIATE transaction, refreshed by a heartbeat while the desk works, and
taken over when its holder is gone (same host, process no longer running) or has
been silent for longer than the lease.
"""

from __future__ import annotations

import os
import socket
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import Connection, delete, func, insert, select, update

from contoffice.core.progress import Progress
from contoffice.db.models import DeskLock
from contoffice.db.uow import Database
from contoffice.services.kernel import messages

WAITING = messages.RUN_WAITING_OTHER_DESK
_LOCK_CLASS = 4_0001  # pg_advisory_lock(class, competência): "billing run" locks
LEASE = timedelta(seconds=30)  # a holder silent this long (on another host) is gone
HEARTBEAT_SECONDS = 5.0
POLL_SECONDS = 0.1


@contextmanager
def one_desk_at_a_time(
    db: Database, competence: date, total: int, progress: Progress
) -> Iterator[bool]:
    """A second desk billing the same competência waits for the first (both backends).

    Yields whether this desk had to wait; once it holds the lock, the other
    desk's invoices count as already billed.
    """
    key = competence.year * 100 + competence.month
    if db.backend == "postgresql":
        with _advisory(db, key, total, progress) as waited:
            yield waited
    else:
        with desk_lock(db, f"billing:{key}", lambda: progress.step(0, total, WAITING)) as waited:
            yield waited


@contextmanager
def _advisory(db: Database, key: int, total: int, progress: Progress) -> Iterator[bool]:
    with _pg_lock(db, _LOCK_CLASS, key, lambda: progress.step(0, total, WAITING)) as waited:
        yield waited


@contextmanager
def _pg_lock(db: Database, lock_class: int, key: int, on_wait: object) -> Iterator[bool]:
    with db.engine.connect() as conn:
        waited = not conn.execute(select(func.pg_try_advisory_lock(lock_class, key))).scalar()
        if waited:
            if callable(on_wait):
                on_wait()
            conn.execute(select(func.pg_advisory_lock(lock_class, key)))
        conn.commit()
        try:
            yield waited
        finally:
            conn.execute(select(func.pg_advisory_unlock(lock_class, key)))
            conn.commit()


@contextmanager
def exclusive(db: Database, lock_class: int, key: int, name: str,
              on_wait: object = None) -> Iterator[bool]:
    """One desk at a time on (lock_class, key) on both backends; yields whether it waited.

    `name` keys the SQLite lock row; `on_wait` (a callable) is called once if taken.
    """
    if db.backend == "postgresql":
        with _pg_lock(db, lock_class, key, on_wait) as waited:
            yield waited
    else:
        with desk_lock(db, name, on_wait) as waited:
            yield waited


def _now() -> datetime:
    return datetime.now(UTC)


def _alive(host: str, pid: int, heartbeat: datetime) -> bool:
    """Whether the holder of a lock row may still be working."""
    if host == socket.gethostname():
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        except PermissionError:  # another user's process: it exists
            return True
        except OSError:  # Windows answers other errors for a dead pid
            return False
        return True
    return _now() - heartbeat < LEASE


def _immediate(conn: Connection) -> None:
    # Takes SQLite's write lock now (waiting up to the busy timeout), so the
    # read and the insert below are one step no other desk can interleave with.
    conn.exec_driver_sql("BEGIN IMMEDIATE")


def _try_take(conn: Connection, key: str, token: str) -> bool:
    _immediate(conn)
    try:
        row = conn.execute(select(DeskLock.host, DeskLock.pid, DeskLock.heartbeat_at)
                           .where(DeskLock.key == key)).first()
        if row is not None and _alive(row.host, row.pid, row.heartbeat_at):
            conn.rollback()
            return False
        if row is not None:  # its holder died: the work it left is resumed by this desk
            conn.execute(delete(DeskLock).where(DeskLock.key == key))
        now = _now()
        conn.execute(insert(DeskLock).values(key=key, host=socket.gethostname(),
                                             pid=os.getpid(), token=token, acquired_at=now,
                                             heartbeat_at=now))
        conn.commit()
        return True
    except BaseException:
        conn.rollback()
        raise


def _heartbeat(db: Database, key: str, token: str, stop: threading.Event) -> None:
    while not stop.wait(HEARTBEAT_SECONDS):
        try:
            with db.engine.connect() as conn:
                _immediate(conn)
                conn.execute(update(DeskLock).where(DeskLock.key == key,
                                                    DeskLock.token == token)
                             .values(heartbeat_at=_now()))
                conn.commit()
        except Exception:  # a missed beat only shortens the lease
            continue


@contextmanager
def desk_lock(db: Database, key: str, on_wait: object = None) -> Iterator[bool]:
    """Hold the SQLite lock row `key` for the block; yields whether this desk waited.

    `on_wait` (a callable) is called once when the lock is found taken.
    """
    token = uuid.uuid4().hex
    waited = False
    with db.engine.connect() as conn:
        while not _try_take(conn, key, token):
            if not waited and callable(on_wait):
                on_wait()
            waited = True
            time.sleep(POLL_SECONDS)
    stop = threading.Event()
    beat = threading.Thread(target=_heartbeat, args=(db, key, token, stop), daemon=True)
    beat.start()
    try:
        yield waited
    finally:
        stop.set()
        beat.join()
        with db.engine.connect() as conn:
            _immediate(conn)
            conn.execute(delete(DeskLock).where(DeskLock.key == key, DeskLock.token == token))
            conn.commit()
