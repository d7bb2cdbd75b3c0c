"""The unit of work: one session, one transaction, one explicit commit."""

from __future__ import annotations

from types import TracebackType
from typing import Any, TypeVar

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError, IntegrityError, InterfaceError, OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from contoffice.core.messages import not_found
from contoffice.db.engine import make_engine, make_session_factory
from contoffice.db.integrity import damaged_message, is_damage, require_usable
from contoffice.errors import DatabaseBusy, DatabaseDamaged, DatabaseUnavailable, NotFound, Stale

T = TypeVar("T")

def _connection_lost(error: DBAPIError) -> bool:
    # SQLite's OperationalError also means "no such table" or "locked": only a
    # connection that is gone (or never came) is the database being unreachable.
    text = str(error.orig or error).lower()
    return error.connection_invalidated or any(
        word in text for word in ("connection", "could not connect", "server closed",
                                  "terminating", "unable to open database"))


def unreachable_message(error: DBAPIError) -> str:
    """One pt-BR line saying the database cannot be reached, and that we will retry."""
    first = str(error.orig or error).strip().splitlines()[0] if str(error.orig or error) else ""
    return (f"O banco de dados não está acessível ({first}). Verifique a rede ou o servidor; "
            "a próxima ação tentará de novo.")


BUSY = ("Outra estação está gravando no banco de dados há mais tempo que o esperado; "
        "nada foi gravado. Tente de novo em instantes.")


def _busy(error: BaseException | None) -> bool:
    # SQLite's "database is locked"/"busy" after the busy timeout ran out.
    return isinstance(error, OperationalError) and any(
        word in str(error.orig or error).lower() for word in ("database is locked", "is busy"))


RECORD_CHANGED = (
    "Este registro foi alterado por outro usuário enquanto você o editava. "
    "Recarregue e refaça a alteração."
)


class UnitOfWork:
    """`with uow:` opens a session; `commit()` is explicit; leaving without it rolls back.

    One UnitOfWork per thread and per task: workers open their own from the
    Database and pass ids and plain values, never ORM objects, across threads.
    """

    session: Session

    def __init__(self, session_factory: sessionmaker[Session]) -> None:
        self._session_factory = session_factory

    def __enter__(self) -> UnitOfWork:
        self.session = self._session_factory()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        # close() rolls back what was not committed and detaches objects without
        # expiring them, so values read inside the block stay readable after it.
        try:
            self.session.close()
        except DBAPIError:
            if exc is None:
                raise
        if _busy(exc):
            raise DatabaseBusy(BUSY) from exc
        damaged = self._damaged_file(exc)
        if damaged is not None:
            # Damage the open-time quick_check could not see: what was being written is undone.
            raise DatabaseDamaged(damaged_message(damaged)) from exc
        if isinstance(exc, OperationalError | InterfaceError) and _connection_lost(exc):
            raise DatabaseUnavailable(unreachable_message(exc)) from exc

    def _damaged_file(self, error: BaseException | None) -> str | None:
        # SQLite's "database disk image is malformed" / "file is not a database".
        bind = self._session_factory.kw.get("bind")
        if not (isinstance(error, DBAPIError) and isinstance(bind, Engine)):
            return None
        if bind.dialect.name != "sqlite" or not is_damage(error):
            return None
        return str(bind.url.database)

    def commit(self) -> None:
        """Commit, turning another desk's concurrent change into `Stale`."""
        try:
            self.session.commit()
        except StaleDataError:
            self.session.rollback()
            raise Stale(RECORD_CHANGED) from None
        except OperationalError as error:
            self.session.rollback()
            if _busy(error):
                raise DatabaseBusy(BUSY) from None
            damaged = self._damaged_file(error)
            if damaged is not None:
                raise DatabaseDamaged(damaged_message(damaged)) from None
            raise DatabaseUnavailable(f"Falha ao gravar no banco de dados: {error.orig}") from None

    def flush(self) -> None:
        """Flush pending changes, with the same translation of conflicts as commit."""
        try:
            self.session.flush()
        except StaleDataError:
            raise Stale(RECORD_CHANGED) from None

    def rollback(self) -> None:
        """Drop whatever was not committed."""
        self.session.rollback()

    def write_from_here(self) -> None:
        """Take the write lock before reading what will be written over (SQLite).

        SQLite reads outside a transaction until the first write; work that reads a
        counter or a state and then writes from it must hold the lock from the read.
        PostgreSQL locks the rows it reads FOR UPDATE instead: nothing to do there.
        """
        connection = self.session.connection()
        if connection.dialect.name != "sqlite":
            return
        raw = connection.connection.driver_connection
        if raw is not None and not raw.in_transaction:
            connection.exec_driver_sql("BEGIN IMMEDIATE")

    def get(self, model: type[T], ident: Any, *, what: str = "Registro") -> T:
        """Load one row by primary key or raise NotFound with a pt-BR message."""
        obj = self.session.get(model, ident)
        if obj is None:
            raise NotFound(not_found(what, ident))
        return obj


class Database:
    """An engine and its session factory; hands out units of work.

    An SQLite file must already exist, and pass `PRAGMA quick_check` (once per process
    and file): only `migrate.upgrade` creates one.
    """

    def __init__(self, url: str, engine: Engine | None = None) -> None:
        require_usable(url)
        self.url = url
        self.engine = engine or make_engine(url)
        self.session_factory = make_session_factory(self.engine)

    @property
    def backend(self) -> str:
        """ "sqlite" or "postgresql"."""
        return self.engine.dialect.name

    def uow(self) -> UnitOfWork:
        """A fresh unit of work (use it in a `with` block)."""
        return UnitOfWork(self.session_factory)

    def dispose(self) -> None:
        """Close every pooled connection."""
        self.engine.dispose()


__all__ = ["Database", "IntegrityError", "UnitOfWork"]
