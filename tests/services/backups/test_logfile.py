"""The log file (rotated, private, without secrets), Sobre, and the PostgreSQL tools' password."""

from __future__ import annotations

import logging
import logging.handlers
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from contoffice.db.uow import Database
from contoffice.services.backups import about, logfile, pg_tools
from contoffice.services.backups.naming import app_version


@pytest.fixture
def log_folder(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "log"
    yield folder
    root = logging.getLogger()
    for handler in list(root.handlers):
        if str(getattr(handler, "baseFilename", "")).startswith(str(folder)):
            root.removeHandler(handler)
            handler.close()


def test_the_log_is_private_rotated_and_hides_passwords(log_folder: Path) -> None:
    path = logfile.setup(log_folder)
    assert path == log_folder / logfile.LOG_FILE
    assert logfile.setup(log_folder) == path  # once: a second call adds no handler
    log = logging.getLogger("contoffice.teste")
    log.info("conectando em %s", "postgresql://escritorio:s3gredo@servidor/contoffice")
    log.warning("dsn host=servidor password=outro-segredo dbname=x")
    for handler in logging.getLogger().handlers:
        handler.flush()
    text = path.read_text(encoding="utf-8")
    assert "escritorio:***@servidor" in text and "password=***" in text
    assert "s3gredo" not in text and "outro-segredo" not in text
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    handler = next(h for h in logging.getLogger().handlers
                   if getattr(h, "baseFilename", "") == str(path))
    assert isinstance(handler, logging.handlers.RotatingFileHandler)
    assert handler.maxBytes == logfile.MAX_BYTES and handler.backupCount == logfile.BACKUPS


def test_about_names_the_version_the_database_without_password_and_folders(db: Database
                                                                         ) -> None:
    info = about.about(db)
    assert info.version == app_version()
    assert info.log_folder == logfile.log_dir() and info.backup_folder.name
    assert about.shown_database("postgresql+psycopg://app:s3gredo@h:5432/c") == (
        "postgresql+psycopg://app:***@h:5432/c")


def test_the_postgresql_password_travels_in_the_environment_only() -> None:
    env = pg_tools.environment("postgresql+psycopg://app:s3gredo@servidor:6543/escritorio"
                               "?sslmode=require")
    assert env["PGPASSWORD"] == "s3gredo" and env["PGHOST"] == "servidor"
    assert env["PGPORT"] == "6543" and env["PGDATABASE"] == "escritorio"
    assert env["PGUSER"] == "app" and env["PGSSLMODE"] == "require"
    assert "PGPASSWORD" not in pg_tools.environment(None)
