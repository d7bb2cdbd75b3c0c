"""The embedded SQLite file: refuse a missing, empty or damaged one; private, verified copies."""

from __future__ import annotations

import os
import sqlite3
import threading
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy.engine import make_url

from contoffice.db.engine import SQLITE_BUSY_TIMEOUT_MS, is_sqlite
from contoffice.errors import DatabaseDamaged, DatabaseUnavailable

PRIVATE_FILE = 0o600
PRIVATE_FOLDER = 0o700

MISSING = (
    "O banco de dados não existe em {path}. Para criar um escritório novo, rode "
    '"contoffice db upgrade" (com o mesmo --database); para voltar a uma cópia de segurança, '
    '"contoffice db restore ARQUIVO".'
)
EMPTY = (
    "O arquivo do banco de dados {path} está vazio (0 bytes); nada foi feito. Se ele tinha os "
    'dados do escritório, restaure uma cópia de segurança ("contoffice db restore ARQUIVO"); '
    'para começar um escritório novo nele, rode "contoffice db upgrade".'
)
DAMAGED = (
    "O arquivo do banco de dados {path} está danificado ({detail}); nada foi feito. "
    'Restaure uma cópia de segurança com "contoffice db restore ARQUIVO" (as cópias feitas '
    "antes de cada atualização ficam ao lado dele: {name}.*.bak)."
)
UNREADABLE = "Não foi possível abrir o banco de dados {path} ({reason})."
CANNOT_CREATE = "Não foi possível criar o banco de dados em {path} ({reason})."
COPY_FAILED = "Não foi possível gravar a cópia de segurança em {path} ({reason}); nada foi gravado."
BACKUP_MISSING = "A cópia de segurança {path} não existe ou está vazia; nada foi feito."
BACKUP_DAMAGED = (
    "A cópia de segurança {path} também está danificada ({detail}); nada foi feito. "
    "Escolha outra cópia."
)
CANNOT_RESTORE = (
    "Não foi possível colocar a cópia no lugar de {path} ({reason}); o arquivo anterior, "
    "se havia, está em {aside}."
)
CHECK_FAILED = "a verificação de integridade encontrou {count} problema(s)"
NOT_A_DATABASE = "o SQLite não consegue ler partes do arquivo"

# The file stamps (device, inode, size, mtime) already checked in this process: each file
# is verified once when it is opened, not on every pooled connection.
_verified: dict[Path, tuple[int, int, int, int]] = {}
_verified_lock = threading.Lock()


def sqlite_path(url: str) -> Path | None:
    """The file behind an SQLite URL (None for in-memory or another backend)."""
    if not is_sqlite(url):
        return None
    database = make_url(url).database
    return Path(database) if database and database != ":memory:" else None


def is_damage(error: BaseException) -> bool:
    """Whether an SQLite error says the file itself is corrupt (not busy, not unreachable)."""
    text = str(getattr(error, "orig", None) or error).lower()
    return any(word in text for word in ("malformed", "not a database", "corrupt"))


def damaged_message(path: Path | str, detail: str = NOT_A_DATABASE) -> str:
    """The one pt-BR line for a damaged file, with the way out."""
    return DAMAGED.format(path=path, detail=detail, name=Path(path).name)


def require_usable(url: str, *, create: bool = False, empty_is_new: bool = False) -> None:
    """Refuse a missing (unless `create`), empty (unless `empty_is_new`) or damaged SQLite file.

    Other backends and in-memory databases pass untouched.
    """
    path = sqlite_path(url)
    if path is None:
        return
    try:
        stat = path.stat()
    except (FileNotFoundError, NotADirectoryError):
        if create:
            return
        raise DatabaseUnavailable(MISSING.format(path=path)) from None
    except OSError as error:
        raise DatabaseUnavailable(UNREADABLE.format(path=path, reason=error.strerror)) from None
    if stat.st_size == 0:
        if empty_is_new:
            return
        raise DatabaseUnavailable(EMPTY.format(path=path))
    stamp = (stat.st_dev, stat.st_ino, stat.st_size, stat.st_mtime_ns)
    key = path.resolve()
    with _verified_lock:
        if _verified.get(key) == stamp:
            return
    problem = check(path, "quick_check")
    if problem is not None:
        raise DatabaseDamaged(damaged_message(path, problem))
    with _verified_lock:
        _verified[key] = stamp


def check(path: Path, pragma: str = "integrity_check") -> str | None:
    """None when the file passes `PRAGMA quick_check` / `integrity_check`, else why not (pt-BR)."""
    try:
        conn = _open_existing(path)
        try:
            rows = [row[0] for row in conn.execute(f"PRAGMA {pragma}")]
        finally:
            conn.close()
    except sqlite3.DatabaseError as error:
        if is_damage(error):
            return NOT_A_DATABASE
        raise DatabaseUnavailable(UNREADABLE.format(path=path, reason=error)) from None
    return None if rows == ["ok"] else CHECK_FAILED.format(count=len(rows))


def _open_existing(path: Path) -> sqlite3.Connection:
    # mode=rw: opening a file to check or copy it never creates it.
    uri = f"{path.resolve().as_uri()}?mode=rw"
    return sqlite3.connect(uri, uri=True, timeout=SQLITE_BUSY_TIMEOUT_MS / 1000)


def make_private_folders(folder: Path) -> None:
    """Create `folder` and its missing parents, each readable by the user only."""
    missing: list[Path] = []
    current = folder
    while not current.exists():
        missing.append(current)
        current = current.parent
    for path in reversed(missing):
        path.mkdir(mode=PRIVATE_FOLDER, exist_ok=True)


def create_private_file(path: Path) -> None:
    """Create the empty database file (and its folders) readable by the user only.

    SQLite gives its -wal and -shm files the mode of the database file.
    """
    try:
        make_private_folders(path.parent)
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE))
    except OSError as error:
        raise DatabaseUnavailable(CANNOT_CREATE.format(path=path, reason=error.strerror)) from None


def verified_copy(source: Path, target: Path) -> None:
    """Copy a live SQLite file (online backup API); keep the copy only if it passes integrity_check.

    The copy is written beside the target under another name and renamed over it
    once verified, so a damaged or half-written copy never takes a good backup's name.
    """
    partial = target.with_name(f".{target.name}.{os.getpid()}.parcial")
    remove_files(partial)
    try:
        make_private_folders(target.parent)
        os.close(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE))
    except OSError as error:
        raise DatabaseUnavailable(COPY_FAILED.format(path=target, reason=error.strerror)) from None
    try:
        _copy_pages(source, partial, report=target)
        problem = check(partial, "integrity_check")
        if problem is not None:
            raise DatabaseDamaged(damaged_message(source, problem))
        os.replace(partial, target)
    finally:
        remove_files(partial)


def restore_file(source: Path, path: Path) -> Path | None:
    """Put a verified copy of the backup `source` at `path`; return where the old file went.

    The old file (with its -wal) is renamed, never deleted: a clerk may still need it.
    """
    try:
        size = source.stat().st_size
    except OSError:
        size = 0
    if size == 0:
        raise DatabaseUnavailable(BACKUP_MISSING.format(path=source))
    problem = check(source, "integrity_check")
    if problem is not None:
        raise DatabaseDamaged(BACKUP_DAMAGED.format(path=source, detail=problem))
    staging = path.with_name(f".{path.name}.{os.getpid()}.restaurando")
    verified_copy(source, staging)
    aside = None
    try:
        if path.exists():
            stamp = datetime.now(UTC).strftime("%Y%m%d%H%M%S")
            aside = path.with_name(f"{path.name}.{stamp}.substituido")
            for suffix in ("", "-wal", "-shm"):
                old = path.with_name(path.name + suffix)
                if old.exists():
                    old.rename(aside.with_name(aside.name + suffix))
        os.replace(staging, path)
    except OSError as error:
        raise DatabaseUnavailable(
            CANNOT_RESTORE.format(path=path, reason=error.strerror, aside=aside or "-")
        ) from None
    finally:
        remove_files(staging)
    return aside


def copy_into(source: Path, target: Path) -> None:
    """Overwrite a database file in place through the backup API (its -wal cannot win)."""
    _copy_pages(source, target, report=target)


def _copy_pages(source: Path, target: Path, *, report: Path) -> None:
    try:
        src = _open_existing(source)
    except sqlite3.DatabaseError as error:
        raise DatabaseUnavailable(UNREADABLE.format(path=source, reason=error)) from None
    try:
        dst = sqlite3.connect(target)
        try:
            with dst:
                src.backup(dst)
        finally:
            dst.close()
    except sqlite3.DatabaseError as error:
        if is_damage(error):
            raise DatabaseDamaged(damaged_message(source)) from None
        raise DatabaseUnavailable(COPY_FAILED.format(path=report, reason=error)) from None
    finally:
        src.close()


def remove_files(path: Path) -> None:
    """Delete a database file and what SQLite keeps beside it (-wal, -shm, -journal)."""
    for name in (path.name, f"{path.name}-wal", f"{path.name}-shm", f"{path.name}-journal"):
        path.with_name(name).unlink(missing_ok=True)
