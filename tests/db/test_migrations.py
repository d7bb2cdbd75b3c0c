"""Schema migrations: empty → head → base on both backends; refusals; restore on failure."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import create_engine, inspect, text

from contoffice.db import migrate
from contoffice.db.base import Base
from contoffice.db.models.people import include_name
from contoffice.errors import DatabaseUnavailable
from tests.support.databases import PostgresServer


def _sql(path: Path, statement: str) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(path)
    try:
        with conn:
            return conn.execute(statement).fetchall()
    finally:
        conn.close()


def _tables(url: str) -> set[str]:
    engine = create_engine(url)
    try:
        names = set(inspect(engine).get_table_names()) - {"alembic_version"}
        return {name for name in names if include_name(name, "table", {})}
    finally:
        engine.dispose()


@pytest.fixture
def empty_url(backend: str, tmp_path: Path, request: pytest.FixtureRequest):
    if backend == "sqlite":
        yield f"sqlite:///{tmp_path / 'empty.sqlite3'}"
        return
    server: PostgresServer | None = request.getfixturevalue("pg_server")
    if server is None:
        pytest.skip("PostgreSQL indisponível")
    engine = server.admin
    with engine.connect() as conn:
        conn.execute(text("DROP DATABASE IF EXISTS migr_empty WITH (FORCE)"))
        conn.execute(text("CREATE DATABASE migr_empty"))
    yield server.url_for("migr_empty")
    server.drop("migr_empty")


def test_upgrade_empty_database_to_head_and_back(empty_url: str) -> None:
    result = migrate.upgrade(empty_url)
    assert result.from_revision is None
    assert result.to_revision == migrate.head_revision()
    assert _tables(empty_url) == set(Base.metadata.tables)
    assert migrate.upgrade(empty_url).from_revision == migrate.head_revision()  # idempotent
    command.downgrade(migrate.alembic_config(empty_url), "base")
    assert _tables(empty_url) == set()


def test_models_match_migrations(db_url: str) -> None:
    """Autogenerate finds nothing to do: the models and the migration tree agree."""
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    engine = create_engine(db_url)
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_name": include_name})
        diff = compare_metadata(context, Base.metadata)
    engine.dispose()
    assert diff == []


def test_database_newer_than_the_program_is_refused(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'newer.sqlite3'}"
    migrate.upgrade(url)
    _sql(tmp_path / "newer.sqlite3", "UPDATE alembic_version SET version_num = '9999'")
    with pytest.raises(DatabaseUnavailable, match="versão mais nova"):
        migrate.upgrade(url)


def test_failed_migration_restores_the_backup(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "office.sqlite3"
    url = f"sqlite:///{path}"
    migrate.upgrade(url)
    _sql(path, "INSERT INTO office_setting (key, value) VALUES ('kept', 'yes')")

    def broken_upgrade(config, revision):  # a migration that dies half-way
        _sql(path, "DROP TABLE office_setting")
        raise RuntimeError("coluna inválida")

    monkeypatch.setattr(migrate, "head_revision", lambda: "9999")
    monkeypatch.setattr(migrate.command, "upgrade", broken_upgrade)
    with pytest.raises(DatabaseUnavailable, match="restaurado do backup"):
        migrate.upgrade(url)
    assert _sql(path, "SELECT value FROM office_setting WHERE key='kept'") == [("yes",)]
    assert list(tmp_path.glob("office.sqlite3.*.bak"))


def test_unreachable_database_is_one_clear_line() -> None:
    with pytest.raises(DatabaseUnavailable, match="Não foi possível conectar"):
        migrate.upgrade("postgresql+psycopg://app@127.0.0.1:1/nada")


def test_cli_unreachable_database_exits_without_traceback() -> None:
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "contoffice",
            "db",
            "upgrade",
            "--database",
            "postgresql+psycopg://app@127.0.0.1:1/nada",
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode != 0
    assert "Traceback" not in proc.stderr
    assert proc.stderr.count("\n") == 1
    assert "Não foi possível conectar" in proc.stderr


def test_backup_copies_the_live_file(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'live.sqlite3'}"
    migrate.upgrade(url)
    target = migrate.backup(url, tmp_path / "copy.sqlite3")
    assert _sql(target, "SELECT version_num FROM alembic_version") == [(migrate.head_revision(),)]


def test_upgrading_a_database_full_of_data_keeps_every_row(db_url: str) -> None:
    """Later migrations run over the demo office (tables rebuilt under rows that point at them)."""
    from contoffice.db.uow import Database
    from contoffice.demo.office import build_demo

    db = Database(db_url)
    build_demo(db, people=25, seed=9)
    db.dispose()
    tables = ("person", "contract", "invoice", "charge", "settlement", "invoice_event")

    def counts() -> dict[str, int]:
        engine = create_engine(db_url)
        with engine.connect() as conn:
            found = {t: conn.execute(text(f"SELECT COUNT(*) FROM {t}")).scalar_one()
                     for t in tables}
        engine.dispose()
        return found

    before = counts()
    command.downgrade(migrate.alembic_config(db_url), "0001")
    result = migrate.upgrade(db_url)
    assert result.from_revision == "0001" and result.to_revision == migrate.head_revision()
    assert counts() == before
