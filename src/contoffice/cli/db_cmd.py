"""`contoffice db upgrade | db backup FILE`."""

from __future__ import annotations

import argparse
from pathlib import Path

from contoffice.cli import emit_json
from contoffice.cli.common import add_common
from contoffice.config import database_url
from contoffice.db import migrate


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    db = sub.add_parser("db", help="esquema e backup do banco de dados")
    actions = db.add_subparsers(dest="db_command", required=True, metavar="ACAO")
    up = actions.add_parser("upgrade", help="atualiza o esquema (backup do SQLite antes)")
    add_common(up)
    up.set_defaults(handler=_upgrade)
    backup = actions.add_parser("backup", help="cópia consistente do arquivo SQLite")
    backup.add_argument("file", type=Path)
    add_common(backup)
    backup.set_defaults(handler=_backup)


def _upgrade(args: argparse.Namespace) -> int:
    result = migrate.upgrade(database_url(getattr(args, "database", None)))
    document = {
        "from": result.from_revision,
        "to": result.to_revision,
        "backup": str(result.backup) if result.backup else None,
    }
    if args.json:
        emit_json(document)
    elif result.from_revision == result.to_revision:
        print(f"Banco de dados já está na versão {result.to_revision}.")
    else:
        print(
            f"Banco de dados atualizado de {result.from_revision or 'vazio'} "
            f"para {result.to_revision}."
        )
    return 0


def _backup(args: argparse.Namespace) -> int:
    target = migrate.backup(database_url(getattr(args, "database", None)), args.file)
    if args.json:
        emit_json({"backup": str(target)})
    else:
        print(f"Backup gravado em {target}.")
    return 0
