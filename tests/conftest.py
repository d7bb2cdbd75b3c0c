"""Fixtures shared by the whole suite: both database backends, the actor, Qt offscreen."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

# Before anything imports Qt or keyring (research/environment.md §3.2, §4).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).parent / "support"))
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "memkeyring.MemoryKeyring")
# Tests talk to 127.0.0.1 only: a CEP typed in a form never reaches the real ViaCEP.
os.environ.setdefault("CONTOFFICE_CEP_URL", "http://127.0.0.1:9/ws/{cep}/json/")

# Imported (and its files compiled) now, not first by hypothesis' summary at the very end:
# CPython 3.11.7 can fail such a late compile with "AST constructor recursion depth
# mismatch" (pytest-dev/pytest#10763) after Qt tests, though every test passed.
import hypothesis  # noqa: F401
import pytest

from contoffice.db.uow import Database
from contoffice.services.admin.operators import system_actor
from contoffice.services.kernel.permissions import Actor
from tests.support.databases import PostgresServer, SqliteTemplates

BACKENDS = ("sqlite", "postgresql")
_backends_ran: set[str] = set()
_pg_error: list[str] = []


def _pg_required() -> bool:
    return os.environ.get("CONTOFFICE_REQUIRE_PG") == "1" or os.environ.get("CI") == "true"


@pytest.fixture(scope="session")
def sqlite_templates(tmp_path_factory: pytest.TempPathFactory) -> SqliteTemplates:
    return SqliteTemplates(tmp_path_factory.mktemp("sqlite-template"))


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PostgresServer | None]:
    try:
        server = PostgresServer()
    except Exception as error:  # no server binaries here: skip, unless CI requires it
        _pg_error.append(str(error))
        if _pg_required():
            raise
        yield None
        return
    try:
        yield server
    finally:
        server.close()


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def db_url(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[str]:
    """A fresh, migrated database with the office defaults, on the parametrised backend."""
    if backend == "sqlite":
        templates = request.getfixturevalue("sqlite_templates")
        _backends_ran.add("sqlite")
        yield templates.new(tmp_path)
        return
    server: PostgresServer | None = request.getfixturevalue("pg_server")
    if server is None:
        pytest.skip(f"PostgreSQL indisponível: {_pg_error[:1]}")
    name, url = server.new()
    _backends_ran.add("postgresql")
    try:
        yield url
    finally:
        server.drop(name)


@pytest.fixture
def db(db_url: str) -> Iterator[Database]:
    database = Database(db_url)
    try:
        yield database
    finally:
        database.dispose()


@pytest.fixture
def actor(db: Database) -> Actor:
    """The built-in administrator."""
    with db.uow() as uow:
        result = system_actor(uow)
        uow.commit()
    return result


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    ran = ", ".join(sorted(_backends_ran)) or "nenhum"
    terminalreporter.write_line(f"database backends exercised: {ran}")


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    # CI must prove every db test ran on PostgreSQL too, not silently skip it.
    if _pg_required() and "sqlite" in _backends_ran and "postgresql" not in _backends_ran:
        session.exitstatus = 1
