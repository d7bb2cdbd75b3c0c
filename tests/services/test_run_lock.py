"""The SQLite lock row: held, waited on, taken over when its holder is gone."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import insert, select

from contoffice.db.models import DeskLock
from contoffice.db.uow import Database
from contoffice.services.kernel import run_lock


@pytest.fixture
def sqlite_db(db: Database, backend: str) -> Database:
    if backend != "sqlite":
        pytest.skip("PostgreSQL desks use an advisory lock, tested by the billing races")
    return db


def _plant(db: Database, *, host: str, pid: int, heartbeat: datetime) -> None:
    with db.engine.begin() as conn:
        conn.execute(insert(DeskLock).values(key="k", host=host, pid=pid, token="x" * 32,
                                             acquired_at=heartbeat, heartbeat_at=heartbeat))


def test_second_holder_waits_until_the_first_lets_go(sqlite_db: Database) -> None:
    order: list[str] = []
    inside = threading.Event()

    def first() -> None:
        with run_lock.desk_lock(sqlite_db, "k"):
            inside.set()
            time.sleep(0.5)
            order.append("first out")

    thread = threading.Thread(target=first)
    thread.start()
    inside.wait(5)
    waits: list[bool] = []
    with run_lock.desk_lock(sqlite_db, "k", on_wait=lambda: waits.append(True)) as waited:
        order.append("second in")
    thread.join()
    assert waited and waits == [True]
    assert order == ["first out", "second in"]
    with sqlite_db.uow() as uow:
        assert uow.session.scalar(select(DeskLock)) is None  # let go on the way out


def test_a_dead_process_on_this_host_is_taken_over_at_once(sqlite_db: Database) -> None:
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)
    _plant(sqlite_db, host=run_lock.socket.gethostname(), pid=int(gone.stdout),
           heartbeat=datetime.now(UTC))
    started = time.monotonic()
    with run_lock.desk_lock(sqlite_db, "k") as waited:
        assert not waited
    assert time.monotonic() - started < 2


def test_another_host_is_waited_on_while_its_heartbeat_is_fresh(sqlite_db: Database) -> None:
    _plant(sqlite_db, host="outra-estacao", pid=os.getpid(), heartbeat=datetime.now(UTC))
    with sqlite_db.engine.connect() as conn:
        assert not run_lock._try_take(conn, "k", "y" * 32)


def test_another_host_silent_past_the_lease_is_taken_over(sqlite_db: Database) -> None:
    old = datetime.now(UTC) - run_lock.LEASE - timedelta(seconds=1)
    _plant(sqlite_db, host="outra-estacao", pid=1, heartbeat=old)
    with run_lock.desk_lock(sqlite_db, "k") as waited:
        assert not waited
