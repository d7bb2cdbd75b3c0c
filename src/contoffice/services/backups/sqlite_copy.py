"""The embedded SQLite file: online backup, a check of a backup, and an atomic restore."""

from __future__ import annotations

import os
import sqlite3
from datetime import datetime
from pathlib import Path

from contoffice.db import integrity
from contoffice.db.engine import SQLITE_BUSY_TIMEOUT_MS
from contoffice.services.backups import checks
from contoffice.services.backups.naming import aside_name

STAGING = ".{name}.restaurando-{pid}"
BUSY = (
    "O banco de dados {path} está aberto em outra estação ou janela; feche o contoffice nelas "
    "e tente de novo. Nada foi alterado (a cópia do banco atual ficou em {aside})."
)


def backup(path: Path, target: Path) -> Path:
    """A verified online copy (sqlite3 backup API) of the live file at `target`."""
    if path.resolve() == target.resolve():
        raise checks.BackupRefused(checks.SAME_FILE.format(path=target))
    integrity.verified_copy(path, target)
    return target


class _Damaged(checks.BackupRefused):
    def __init__(self, path: Path, detail: str) -> None:
        super().__init__(checks.DAMAGED.format(path=path.name, detail=detail))
        self.detail = detail


def revision_of(path: Path) -> str:
    """Check that `path` is a sound contoffice SQLite backup; return its schema revision."""
    checks.require_readable(path)
    with path.open("rb") as fh:
        header = fh.read(16)
    if header.startswith(b"PGDMP"):
        raise checks.BackupRefused(checks.WRONG_KIND.format(
            path=path.name, kind="PostgreSQL", current="o arquivo SQLite"))
    if header != b"SQLite format 3\x00":
        raise checks.BackupRefused(checks.NOT_OURS)
    try:
        # Read-only and immutable: checking a backup never writes beside it (no -wal, no -shm).
        uri = f"{path.resolve().as_uri()}?mode=ro&immutable=1"
        conn = sqlite3.connect(uri, uri=True, timeout=SQLITE_BUSY_TIMEOUT_MS / 1000)
        try:
            tables = {row[0] for row in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'")}
            if not tables >= checks.OWN_TABLES:
                raise checks.BackupRefused(checks.NOT_OURS)
            rows = [row[0] for row in conn.execute("SELECT version_num FROM alembic_version")]
            verdict = [row[0] for row in conn.execute("PRAGMA integrity_check")]
        finally:
            conn.close()
    except sqlite3.DatabaseError as error:
        if integrity.is_damage(error):
            raise _Damaged(path, integrity.NOT_A_DATABASE) from None
        raise checks.BackupRefused(checks.UNREADABLE.format(path=path, reason=error)) from None
    if verdict != ["ok"]:
        raise _Damaged(path, integrity.CHECK_FAILED.format(count=len(verdict)))
    if len(rows) != 1:
        raise checks.BackupRefused(checks.NOT_OURS)
    checks.require_known(path, rows[0])
    return str(rows[0])


def restore(source: Path, path: Path, now: datetime) -> Path | None:
    """Put a checked backup in place of `path`; return where the current file was kept.

    The backup is first copied (and verified) beside the database under another name,
    then the current file is copied aside, and only then does one rename put the copy
    in place: a restore killed at any point leaves the current file whole.
    """
    if source.resolve() == path.resolve():
        raise checks.BackupRefused(checks.SAME_FILE.format(path=source))
    try:
        revision_of(source)
    except _Damaged as refused:
        if _damaged(path):  # both are: the clerk reads that the copy is no way out either
            raise checks.BackupRefused(integrity.BACKUP_DAMAGED.format(
                path=source, detail=refused.detail)) from None
        raise
    for stale in path.parent.glob(f".{path.name}.restaurando-*"):
        integrity.remove_files(stale)  # left by a restore that was killed
    staging = path.with_name(STAGING.format(name=path.name, pid=os.getpid()))
    try:
        integrity.verified_copy(source, staging)
        if _damaged(path):
            # A damaged file cannot be copied page by page: it is renamed aside, as it is.
            return integrity.restore_file(source, path)
        aside = None
        if path.exists() and path.stat().st_size > 0:
            aside = path.with_name(aside_name(path.stem, now, path.suffix or ".sqlite3"))
            integrity.verified_copy(path, aside)
            _fold_wal(path, aside)
        os.replace(staging, path)
        for suffix in ("-wal", "-shm"):
            path.with_name(path.name + suffix).unlink(missing_ok=True)
    finally:
        integrity.remove_files(staging)
    return aside


def _damaged(path: Path) -> bool:
    try:
        return path.stat().st_size > 0 and integrity.check(path, "quick_check") is not None
    except OSError:
        return False


def _fold_wal(path: Path, aside: Path) -> None:
    """Write the WAL into the file and drop it, so no old WAL meets the new file."""
    try:
        conn = sqlite3.connect(path, timeout=SQLITE_BUSY_TIMEOUT_MS / 1000)
        try:
            mode = conn.execute("PRAGMA journal_mode=DELETE").fetchone()
        finally:
            conn.close()
    except sqlite3.OperationalError:
        mode = None
    if mode is None or str(mode[0]).lower() != "delete":
        raise checks.BackupRefused(BUSY.format(path=path, aside=aside))
