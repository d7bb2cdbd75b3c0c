"""Backup file names (timestamp and program version), listing and rotation of a folder."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from contoffice.config import data_dir
from contoffice.core.format import SAO_PAULO
from contoffice.core.version import app_version as app_version  # backups carry it

PREFIX = "contoffice-copia-"
SQLITE_SUFFIX = ".sqlite3"
PG_SUFFIX = ".dump"
ASIDE = "antes-da-restauracao"
STAMP = "%Y-%m-%d-%H%M%S"
DEFAULT_FOLDER = "copias-de-seguranca"
_NAME = re.compile(
    r"^contoffice-copia-(?P<stamp>\d{4}-\d{2}-\d{2}-\d{6})(?:-\d+)?-v(?P<version>[0-9A-Za-z.+-]+?)"
    r"(?P<suffix>\.sqlite3|\.dump)$"
)


def default_folder() -> Path:
    """Where backups go until the office chooses a folder: beside the embedded database."""
    return data_dir() / DEFAULT_FOLDER


@dataclass(frozen=True, slots=True)
class BackupFile:
    """One backup of the folder, as its name tells it."""

    path: Path
    taken_at: datetime  # the office's local time (America/Sao_Paulo), as in the name
    version: str
    size: int


def backup_name(now: datetime, suffix: str, version: str | None = None) -> str:
    """contoffice-copia-2026-11-29-091500-v0.1.0.sqlite3 (`now` in the office's local time)."""
    return f"{PREFIX}{_local(now).strftime(STAMP)}-v{version or app_version()}{suffix}"


def aside_name(stem: str, now: datetime, suffix: str) -> str:
    """The current database kept aside before a restore: <name>.antes-da-restauracao-<ts>."""
    return f"{stem}.{ASIDE}-{_local(now).strftime(STAMP)}{suffix}"


def free_path(folder: Path, name: str) -> Path:
    """`folder/name`, or the same name with -2, -3… when a file already has it."""
    target = folder / name
    stem, _, rest = name.partition("-v")
    number = 2
    while target.exists():
        target = folder / f"{stem}-{number}-v{rest}"
        number += 1
    return target


def parse(path: Path) -> BackupFile | None:
    """The backup a file name describes (None for any other file)."""
    match = _NAME.match(path.name)
    if match is None:
        return None
    try:
        taken = datetime.strptime(match["stamp"], STAMP)
        size = path.stat().st_size
    except (ValueError, OSError):
        return None
    return BackupFile(path, taken, match["version"], size)


def list_backups(folder: Path) -> list[BackupFile]:
    """The backups of a folder, newest first (an unreadable or missing folder lists none)."""
    try:
        entries = list(folder.iterdir())
    except OSError:
        return []
    found = [b for b in (parse(p) for p in entries if p.is_file()) if b is not None]
    return sorted(found, key=lambda b: (b.taken_at, b.path.name), reverse=True)


def rotate(folder: Path, keep: int, suffix: str) -> list[Path]:
    """Delete all but the `keep` newest backups of that kind (0 keeps all); return the deleted."""
    if keep <= 0:
        return []
    mine = [b for b in list_backups(folder) if b.path.suffix == suffix]
    removed = []
    for old in mine[keep:]:
        try:
            old.path.unlink()
        except OSError:  # a file another desk removed or holds open: next time
            continue
        removed.append(old.path)
    return removed


def _local(now: datetime) -> datetime:
    # The office's clock, as every date the program shows (core.format).
    return now.astimezone(SAO_PAULO) if now.tzinfo is not None else now
