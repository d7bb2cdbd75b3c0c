"""`db backup`, `db restore` and `db backups`: copies of the office's database on both backends."""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime

from contoffice.cli import emit_json
from contoffice.config import database_url
from contoffice.core.format import format_date
from contoffice.db.uow import Database
from contoffice.errors import ContofficeError
from contoffice.services.backups import naming, service

NOT_CONFIRMED = "Restauração cancelada; nada foi alterado."


def _url(args: argparse.Namespace) -> str:
    return database_url(getattr(args, "database", None))


def backup(args: argparse.Namespace) -> int:
    """A verified backup: at ARQUIVO, or named by date and version in the office's folder."""
    url = _url(args)
    if args.file is not None:
        target = service.backup_to(url, args.file)
    else:
        db = Database(url)
        try:
            target = service.backup_now(db, datetime.now(UTC), args.folder)
        finally:
            db.dispose()
    if args.json:
        emit_json({"backup": str(target)})
    else:
        print(f"Backup gravado e verificado (integridade ok) em {target}.")
    return 0


def restore(args: argparse.Namespace) -> int:
    """Check the backup, keep the current data aside, restore, migrate to this version."""
    url = _url(args)
    if not args.yes and sys.stdin.isatty():
        service.check(url, args.file)  # refused before the question when it is no good
        answer = input(f"Os dados atuais serão guardados e trocados pelos da cópia "
                       f"{args.file}. Restaurar? [s/N] ")
        if answer.strip().lower() not in {"s", "sim"}:
            raise ContofficeError(NOT_CONFIRMED)
    result = service.restore(url, args.file, datetime.now(UTC))
    if args.json:
        emit_json({"restored_from": str(result.source),
                   "previous": str(result.previous) if result.previous else None,
                   "revision": result.to_revision})
    else:
        kept = (f" Os dados anteriores foram guardados em {result.previous}."
                if result.previous else "")
        print(f"Banco de dados restaurado da cópia {result.source}.{kept}")
    return 0


def list_backups(args: argparse.Namespace) -> int:
    """The backups of the folder, newest first."""
    folder = args.folder or service.folder_of(_url(args))
    found = naming.list_backups(folder)
    if args.json:
        emit_json({"folder": str(folder), "backups": [
            {"file": str(b.path), "taken_at": b.taken_at.isoformat(timespec="seconds"),
             "version": b.version, "size": b.size} for b in found]})
        return 0
    if not found:
        print(f"Nenhuma cópia de segurança em {folder}.")
        return 0
    print(f"Cópias de segurança em {folder}:")
    for item in found:
        when = f"{format_date(item.taken_at.date())} {item.taken_at:%H:%M}"
        print(f"  {when}  versão {item.version:<8} {_size(item.size):>10}  {item.path.name}")
    return 0


def _size(size: int) -> str:
    if size >= 1_000_000:
        return f"{size / 1_000_000:.1f} MB".replace(".", ",")
    return f"{max(size // 1000, 1)} kB"
