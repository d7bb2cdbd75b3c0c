"""The benchmark office (200,000 people, 20,000 contracts, 1,000,000 invoices), built once."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from contoffice.db.uow import Database  # noqa: E402
from contoffice.demo.office import build_demo, has_people  # noqa: E402
from contoffice.services.admin.setup import open_database  # noqa: E402

PEOPLE, CONTRACTS, INVOICES = 200_000, 20_000, 1_000_000
SQLITE_PATH = Path(os.environ.get("CONTOFFICE_BENCH_SQLITE", "/tmp/contoffice-bench.sqlite3"))


def sqlite_office(rebuild: bool = False) -> tuple[Database, float | None]:
    """The benchmark office on SQLite; returns the seconds the build took (None if reused)."""
    if rebuild:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{SQLITE_PATH}{suffix}").unlink(missing_ok=True)
    return _office(f"sqlite:///{SQLITE_PATH}")


def postgres_office() -> tuple[Database, float | None, str]:
    """A fresh cluster (scripts/pgcluster) with the benchmark office; returns its folder."""
    url, folder = subprocess.run(
        [str(ROOT / "scripts" / "pgcluster"), "start"], check=True, capture_output=True, text=True
    ).stdout.split()
    db, seconds = _office(url)
    return db, seconds, folder


def stop_postgres(folder: str) -> None:
    subprocess.run([str(ROOT / "scripts" / "pgcluster"), "stop", folder], check=False)


def _office(url: str) -> tuple[Database, float | None]:
    db = open_database(url)
    if has_people(db):
        return db, None
    started = time.perf_counter()
    build_demo(db, people=PEOPLE, contracts=CONTRACTS, invoices=INVOICES, seed=2026)
    # Planner statistics, as a DBA would after a load (committed: on PostgreSQL an ANALYZE
    # rolled back with the connection's transaction leaves no statistics behind).
    with db.engine.begin() as conn:
        conn.exec_driver_sql("ANALYZE")
    return db, time.perf_counter() - started
