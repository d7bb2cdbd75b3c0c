"""Test databases on both backends: a migrated template copied per test."""

from __future__ import annotations

import os
import shutil
import subprocess
import uuid
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from contoffice.db import migrate
from contoffice.db.uow import Database
from contoffice.services.admin.setup import ensure_defaults

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE_DB = "contoffice_template"


def prepare(url: str) -> None:
    """Migrate to head and add the office defaults."""
    migrate.upgrade(url)
    db = Database(url)
    with db.uow() as uow:
        ensure_defaults(uow)
    db.dispose()


class SqliteTemplates:
    def __init__(self, folder: Path) -> None:
        self.template = folder / "template.sqlite3"
        prepare(f"sqlite:///{self.template}")

    def new(self, folder: Path) -> str:
        target = folder / "test.sqlite3"
        shutil.copyfile(self.template, target)
        return f"sqlite:///{target}"


class PostgresServer:
    """A cluster from scripts/pgcluster (or CONTOFFICE_TEST_PG_URL), a template per session."""

    def __init__(self) -> None:
        self.owned_dir: str | None = None
        url = os.environ.get("CONTOFFICE_TEST_PG_URL")
        if not url:
            out = subprocess.run(
                [str(ROOT / "scripts" / "pgcluster"), "start"],
                check=True,
                capture_output=True,
                text=True,
            ).stdout.split()
            url, self.owned_dir = out[0], out[1]
        self.admin_url = url
        self.admin = create_engine(url, isolation_level="AUTOCOMMIT")
        with self.admin.connect() as conn:
            conn.execute(text(f"DROP DATABASE IF EXISTS {TEMPLATE_DB}"))
            conn.execute(text(f"CREATE DATABASE {TEMPLATE_DB}"))
        prepare(self.url_for(TEMPLATE_DB))

    def url_for(self, name: str) -> str:
        return make_url(self.admin_url).set(database=name).render_as_string(hide_password=False)

    def new(self) -> tuple[str, str]:
        name = f"t_{uuid.uuid4().hex[:12]}"
        with self.admin.connect() as conn:
            conn.execute(text(f"CREATE DATABASE {name} TEMPLATE {TEMPLATE_DB}"))
        return name, self.url_for(name)

    def drop(self, name: str) -> None:
        with self.admin.connect() as conn:
            conn.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))

    def close(self) -> None:
        self.admin.dispose()
        if self.owned_dir:
            subprocess.run(
                [str(ROOT / "scripts" / "pgcluster"), "stop", self.owned_dir], check=False
            )


def open_test_database(url: str) -> Database:
    return Database(url)
