"""Engines and sessions for both backends: SQLite (one desk) and PostgreSQL (many)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from contoffice.config import connect_url

SQLITE_BUSY_TIMEOUT_MS = 10_000


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # WAL lets the window read while a worker writes; FKs are off by default in SQLite.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()
    # The module opens a transaction just before the first write: IMMEDIATE takes the
    # write lock there, waiting up to the busy timeout for another desk, instead of
    # failing at once when a deferred transaction finds it cannot upgrade.
    dbapi_connection.isolation_level = "IMMEDIATE"


def _sqlite_savepoint(connection: Any, _name: str | None) -> None:
    # The sqlite3 module opens a transaction only before a write; a SAVEPOINT issued
    # first would open one itself and its RELEASE would commit it, so a dry-run's
    # rollback (or the rows before a refused one) could no longer be undone. Reads
    # before this point stay outside the transaction, as the module does them.
    # IMMEDIATE: what the tool reads next is what it writes over (no other desk
    # can commit in between), and the busy timeout applies to the wait.
    raw = connection.connection.driver_connection
    if raw is not None and not raw.in_transaction:
        connection.exec_driver_sql("BEGIN IMMEDIATE")


def is_sqlite(url: str) -> bool:
    """Whether the URL names an SQLite database."""
    return make_url(url).get_backend_name() == "sqlite"


def make_engine(url: str, **kwargs: Any) -> Engine:
    """An engine with the settings contoffice relies on for the URL's backend."""
    # Errors and logs show the SQL, never the values bound to it (clients' data).
    kwargs.setdefault("hide_parameters", True)
    if is_sqlite(url):
        engine = create_engine(
            url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000}, **kwargs
        )
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "savepoint", _sqlite_savepoint)
        return engine
    kwargs.setdefault("pool_pre_ping", True)
    kwargs.setdefault("connect_args", {"connect_timeout": 5})
    return create_engine(connect_url(url), **kwargs)


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    """Sessions that keep loaded values after commit (results are read after the UoW closes)."""
    return sessionmaker(bind=engine, expire_on_commit=False, autoflush=True)
