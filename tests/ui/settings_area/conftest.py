"""A smaller demo office for these tests: the shared fixtures (demo_db…) copy this template."""

from __future__ import annotations

from pathlib import Path

import pytest

from contoffice.db.uow import Database
from contoffice.demo.office import build_demo
from tests.support.databases import prepare

SMALL_DEMO_PEOPLE = 40


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Overrides tests/ui's 300-people office: 40 people keep these GUI tests fast."""
    path = tmp_path_factory.mktemp("small-demo") / "demo.sqlite3"
    url = f"sqlite:///{path}"
    prepare(url)
    db = Database(url)
    build_demo(db, people=SMALL_DEMO_PEOPLE, seed=7)
    with db.engine.connect() as conn:  # fold the WAL into the file before copying it
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.dispose()
    return path
