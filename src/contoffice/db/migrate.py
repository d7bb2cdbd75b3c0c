"""Schema upgrades through Alembic, with a backup of an SQLite file restored on failure."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util.exc import CommandError
from sqlalchemy import Engine, inspect
from sqlalchemy.exc import DBAPIError, OperationalError

from contoffice.db import integrity
from contoffice.db.engine import make_engine
from contoffice.db.integrity import sqlite_path
from contoffice.errors import DatabaseUnavailable

MIGRATIONS_DIR = Path(__file__).parent / "migrations"


@dataclass(frozen=True, slots=True)
class UpgradeResult:
    from_revision: str | None
    to_revision: str
    backup: Path | None


def alembic_config(url: str) -> Config:
    """An Alembic config pointing at contoffice's migration tree."""
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


def head_revision() -> str:
    """The newest revision this program knows."""
    head = ScriptDirectory.from_config(alembic_config("sqlite://")).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    """The revision the database is at (None for an empty database)."""
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def check_reachable(engine: Engine) -> None:
    """Raise DatabaseUnavailable with one clear line when the database cannot be opened."""
    try:
        with engine.connect():
            pass
    except (OperationalError, DBAPIError) as error:
        reason = str(error.orig).strip().splitlines()[0] if error.orig else str(error)
        raise DatabaseUnavailable(
            f"Não foi possível conectar ao banco de dados ({engine.url.render_as_string()}): "
            f"{reason}"
        ) from None


def upgrade(url: str, *, create: bool = True, empty_is_new: bool | None = None) -> UpgradeResult:
    """Bring the database to head; an SQLite file is backed up first and restored on failure.

    A missing SQLite file is created only with `create`, a zero-length one taken
    as new only with `empty_is_new` (default: `create`); a damaged one is refused.
    """
    path = sqlite_path(url)
    integrity.require_usable(
        url, create=create, empty_is_new=create if empty_is_new is None else empty_is_new
    )
    created = None
    if path is not None and not path.exists():
        integrity.create_private_file(path)
        created = path
    try:
        return _upgrade(url, path)
    except BaseException:
        if created is not None:  # a file this call made holds nothing of the office
            integrity.remove_files(created)
        raise


def _upgrade(url: str, path: Path | None) -> UpgradeResult:
    engine = make_engine(url)
    try:
        check_reachable(engine)
        current = current_revision(engine)
        head = head_revision()
        script = ScriptDirectory.from_config(alembic_config(url))
        if current is not None and not _known(script, current):
            raise DatabaseUnavailable(
                f"O banco de dados é de uma versão mais nova do contoffice (revisão {current}); "
                "atualize o programa antes de abri-lo."
            )
        if current == head:
            return UpgradeResult(current, head, None)
        has_tables = bool(inspect(engine).get_table_names())
    finally:
        engine.dispose()
    backup = _backup_before_upgrade(path, current) if path and has_tables else None
    try:
        command.upgrade(alembic_config(url), "head")
    except Exception as error:
        if backup is not None:
            # Through SQLite's backup API, so a WAL left by the failed run cannot win.
            integrity.copy_into(backup, path)  # type: ignore[arg-type]
        elif path is not None and not has_tables:
            path.unlink(missing_ok=True)
        raise DatabaseUnavailable(
            f"Falha ao atualizar o banco de dados: {error}"
            + ("; o arquivo foi restaurado do backup." if backup else ".")
        ) from error
    return UpgradeResult(current, head, backup)


def _known(script: ScriptDirectory, revision: str) -> bool:
    try:
        return script.get_revision(revision) is not None
    except CommandError:
        return False


def _backup_before_upgrade(path: Path, revision: str | None) -> Path:
    stamp = datetime.now(UTC).strftime("%Y%m%d%H%M%S")
    target = path.with_name(f"{path.name}.{stamp}.{revision or 'vazio'}.bak")
    backup_sqlite(path, target)
    return target


def backup_sqlite(source: Path, target: Path) -> None:
    """Copy a live SQLite file consistently, readable by the user only; refused if damaged.

    The copy (sqlite3 online backup API) must pass `PRAGMA integrity_check` before it
    takes the target's name.
    """
    integrity.verified_copy(source, target)


def backup(url: str, target: Path) -> Path:
    """`db backup FILE`: a verified online copy of the embedded database."""
    path = sqlite_path(url)
    if path is None:
        raise DatabaseUnavailable(
            "O backup pelo contoffice é do arquivo SQLite; no PostgreSQL use pg_dump no servidor."
        )
    if _same_file(path, target):
        raise DatabaseUnavailable(SAME_FILE.format(path=target))
    integrity.require_usable(url)
    backup_sqlite(path, target)
    return target


def restore(url: str, source: Path) -> Path | None:
    """`db restore FILE`: a verified backup replaces the SQLite file; the old one is set aside."""
    path = sqlite_path(url)
    if path is None:
        raise DatabaseUnavailable(
            "A restauração pelo contoffice é do arquivo SQLite; no PostgreSQL use pg_restore "
            "no servidor."
        )
    if _same_file(path, source):
        raise DatabaseUnavailable(SAME_FILE.format(path=source))
    return integrity.restore_file(source, path)


SAME_FILE = "A cópia de segurança {path} não pode ser o próprio arquivo do banco de dados."


def _same_file(database: Path, other: Path) -> bool:
    return database.resolve() == other.resolve()
