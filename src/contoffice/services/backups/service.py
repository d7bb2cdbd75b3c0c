"""Backups and restores of the office's database, whichever the backend."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from contoffice.config import is_postgresql
from contoffice.db import migrate
from contoffice.db.integrity import sqlite_path
from contoffice.db.uow import Database
from contoffice.errors import ContofficeError
from contoffice.services.backups import checks, pg_copy, schedule, sqlite_copy
from contoffice.services.backups.naming import (
    PG_SUFFIX,
    SQLITE_SUFFIX,
    backup_name,
    free_path,
    rotate,
)

log = logging.getLogger(__name__)
NO_FILE = "Esta operação é do arquivo SQLite ou de um banco PostgreSQL; {url} não é nenhum deles."


@dataclass(frozen=True, slots=True)
class RestoreResult:
    """What a restore did: the backup used, where the previous data went, the revisions."""

    source: Path
    previous: Path | None
    from_revision: str
    to_revision: str


def suffix_for(url: str) -> str:
    """The file suffix of the URL's backups (.sqlite3 or .dump)."""
    return PG_SUFFIX if is_postgresql(url) else SQLITE_SUFFIX


def backup_to(url: str, target: Path) -> Path:
    """A verified copy of the URL's database at exactly `target`."""
    if is_postgresql(url):
        return pg_copy.backup(url, target)
    path = sqlite_path(url)
    if path is None:
        raise checks.BackupRefused(NO_FILE.format(url=url))
    return migrate.backup(url, target)


def backup_into(url: str, folder: Path, now: datetime, keep: int = 0) -> Path:
    """A new backup in `folder` (name with time and version); then only `keep` are kept."""
    target = backup_to(url, free_path(folder, backup_name(now, suffix_for(url))))
    removed = rotate(folder, keep, target.suffix)
    log.info("cópia de segurança gravada: %s (%d antiga(s) removida(s))", target, len(removed))
    return target


def backup_now(db: Database, now: datetime, folder: Path | None = None) -> Path:
    """The office's backup: into its folder (or `folder`), rotated, and noted as the last one."""
    with db.uow() as uow:
        plan = schedule.load(uow)
    target = backup_into(db.url, folder or plan.folder_path(), now, plan.keep)
    with db.uow() as uow:
        schedule.record_done(uow, now)
    return target


def backup_if_due(db: Database, now: datetime) -> Path | None:
    """The daily backup, when it is due (None when not, or when it failed: logged)."""
    with db.uow() as uow:
        plan = schedule.load(uow)
    if not plan.due(now):
        return None
    return backup_now(db, now)


def folder_of(url: str) -> Path:
    """The office's backup folder, read from its settings (the default one if unreadable)."""
    try:
        db = Database(url)
    except ContofficeError:
        return schedule.BackupSchedule().folder_path()
    try:
        with db.uow() as uow:
            return schedule.load(uow).folder_path()
    except Exception:  # a database that cannot be read now: the default folder will do
        return schedule.BackupSchedule().folder_path()
    finally:
        db.dispose()


def check(url: str, source: Path) -> str:
    """Check a backup for the URL's backend; its schema revision (BackupRefused if unfit)."""
    if is_postgresql(url):
        return pg_copy.revision_of(source)
    return sqlite_copy.revision_of(source)


def restore(url: str, source: Path, now: datetime, folder: Path | None = None) -> RestoreResult:
    """Check the backup, keep the current data aside, put the backup in place, migrate to head.

    Every connection to the database must be closed first (this desk's and the others').
    """
    if is_postgresql(url):
        previous: Path | None = pg_copy.restore(url, source, folder or folder_of(url), now)
    else:
        path = sqlite_path(url)
        if path is None:
            raise checks.BackupRefused(NO_FILE.format(url=url))
        previous = sqlite_copy.restore(source, path, now)
    result = migrate.upgrade(url, create=False)
    log.info("banco restaurado da cópia %s (anterior guardado em %s)", source, previous)
    return RestoreResult(source, previous, result.from_revision or "", result.to_revision)
