"""A restore killed half-way (kill -9 of its process group) leaves the current database whole."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from contoffice.db import integrity, migrate
from contoffice.db.integrity import sqlite_path
from contoffice.db.uow import Database
from contoffice.services.backups import service
from tests.services.backups.support import marker, set_marker

NOW = datetime(2026, 11, 29, 12, 0, tzinfo=UTC)
RESTORE = textwrap.dedent("""
    import sys
    from datetime import UTC, datetime
    from pathlib import Path
    from contoffice.services.backups import service
    service.restore(sys.argv[1], Path(sys.argv[2]), datetime.now(UTC), Path(sys.argv[3]))
""")


def _start_restore(url: str, copy: Path, folder: Path) -> subprocess.Popen[bytes]:
    # Its own process group: kill -9 reaches pg_restore and psql as well.
    return subprocess.Popen([sys.executable, "-c", RESTORE, url, str(copy), str(folder)],
                            start_new_session=True, stderr=subprocess.PIPE)


def _wait_for(condition: Callable[[], bool], process: subprocess.Popen[bytes]) -> None:
    """Poll until `condition` holds while the restore still runs (its stage is reached)."""
    deadline = time.monotonic() + 120  # a bound on a hang, not a timing assertion
    while not condition():
        assert process.poll() is None, process.stderr.read() if process.stderr else b""
        assert time.monotonic() < deadline, "the restore never reached the stage"
        time.sleep(0.02)


def _kill(process: subprocess.Popen[bytes]) -> None:
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()


@pytest.mark.parametrize("backend", ["sqlite"])
def test_sqlite_restore_killed_between_the_copy_and_the_swap(
    db_url: str, tmp_path: Path
) -> None:
    path = sqlite_path(db_url)
    assert path is not None
    set_marker(db_url, "antes")
    copy = service.backup_into(db_url, tmp_path / "copias", NOW)
    set_marker(db_url, "depois")
    # This desk holds the database exclusively: the restore writes its staging copy of
    # the backup, then waits to copy the current file aside, and is killed there.
    holder = sqlite3.connect(path, timeout=0)
    holder.execute("PRAGMA locking_mode=EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    holder.execute("SELECT count(*) FROM office_setting").fetchone()
    process = _start_restore(db_url, copy, tmp_path / "copias")
    try:
        _wait_for(lambda: any(path.parent.glob(f".{path.name}.restaurando-{process.pid}")),
                  process)
    finally:
        _kill(process)
        holder.rollback()
        holder.close()
    assert integrity.check(path) is None and marker(db_url) == "depois"
    # The next restore clears what the killed one left and goes through.
    service.restore(db_url, copy, NOW, tmp_path)
    assert marker(db_url) == "antes"
    assert not list(path.parent.glob(f".{path.name}.restaurando-*"))


@pytest.mark.parametrize("backend", ["postgresql"])
def test_postgresql_restore_killed_inside_its_transaction(db_url: str, tmp_path: Path) -> None:
    set_marker(db_url, "antes")
    folder = tmp_path / "copias"
    copy = service.backup_into(db_url, folder, NOW)
    set_marker(db_url, "depois")
    engine = create_engine(db_url, isolation_level="AUTOCOMMIT")
    try:
        holder = engine.connect().execution_options(isolation_level="READ COMMITTED")
        lock = holder.begin()  # a reader holding office_setting: the restore's DROP waits
        holder.execute(text("SELECT count(*) FROM office_setting")).scalar()
        process = _start_restore(db_url, copy, folder)

        def restore_waits_inside_its_transaction() -> bool:
            with engine.connect() as watch:
                return bool(watch.execute(text(
                    "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                    " AND application_name = 'contoffice' AND wait_event_type = 'Lock'"
                    " AND xact_start IS NOT NULL")).scalar())

        try:
            _wait_for(restore_waits_inside_its_transaction, process)
        finally:
            _kill(process)
            lock.rollback()
            holder.close()
    finally:
        engine.dispose()
    assert marker(db_url) == "depois"
    db = Database(db_url)
    try:
        assert migrate.current_revision(db.engine) == migrate.head_revision()
    finally:
        db.dispose()
    # Nothing half-done is left in the way: the next restore goes through.
    service.restore(db_url, copy, NOW, folder)
    assert marker(db_url) == "antes"
