"""`contoffice db upgrade | db backup FILE | db restore FILE`."""

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
    restore = actions.add_parser(
        "restore",
        help="troca o arquivo SQLite por uma cópia de segurança verificada "
        "(feche o contoffice nas outras estações; o arquivo atual é guardado ao lado)",
    )
    restore.add_argument("file", type=Path)
    add_common(restore)
    restore.set_defaults(handler=_restore)


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
        print(f"Backup gravado e verificado (integridade ok) em {target}.")
    return 0


def _restore(args: argparse.Namespace) -> int:
    aside = migrate.restore(database_url(getattr(args, "database", None)), args.file)
    if args.json:
        emit_json({"restored_from": str(args.file), "previous": str(aside) if aside else None})
    else:
        kept = f" O arquivo anterior foi guardado em {aside}." if aside else ""
        print(f"Banco de dados restaurado da cópia {args.file}.{kept}")
    return 0
