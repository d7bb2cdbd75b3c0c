"""GUI fixtures: a demo office (SQLite, built once per session), its featured client, settings."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from contoffice.db.models import Person
from contoffice.db.uow import Database
from contoffice.demo.office import FEATURED_CNPJ, build_demo
from contoffice.services.admin.operators import system_actor
from contoffice.services.kernel.permissions import Actor
from contoffice.ui.settings import DeskSettings
from tests.support.databases import prepare

DEMO_PEOPLE = 300


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    url = f"sqlite:///{path}"
    prepare(url)
    db = Database(url)
    build_demo(db, people=DEMO_PEOPLE, seed=7)
    with db.engine.connect() as conn:  # fold the WAL into the file before copying it
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.dispose()
    return path


@pytest.fixture
def demo_db(demo_template: Path, tmp_path: Path) -> Iterator[Database]:
    """A private copy of the demo office (tests may change it)."""
    target = tmp_path / "demo.sqlite3"
    shutil.copyfile(demo_template, target)
    database = Database(f"sqlite:///{target}")
    try:
        yield database
    finally:
        database.dispose()


@pytest.fixture
def demo_actor(demo_db: Database) -> Actor:
    with demo_db.uow() as uow:
        result = system_actor(uow)
        uow.commit()
    return result


@pytest.fixture
def featured_id(demo_db: Database) -> int:
    """The Padaria Pão Quente of SCENARIOS.md."""
    with demo_db.uow() as uow:
        return int(uow.session.scalar(select(Person.id).where(Person.document == FEATURED_CNPJ)))


@pytest.fixture
def desk_settings(tmp_path: Path) -> DeskSettings:
    return DeskSettings(tmp_path / "desk.ini")
