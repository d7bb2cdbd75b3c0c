"""`contoffice db upgrade | db backup FILE | db restore FILE`."""

from __future__ import annotations

import argparse
import getpass
import os
from pathlib import Path

from keyring.errors import KeyringError

from contoffice.cli import emit_json, fail
from contoffice.cli.common import add_common
from contoffice.config import (
    KEYRING_SERVICE,
    database_url,
    has_password,
    is_postgresql,
    password_key,
    store_password,
)
from contoffice.db import migrate
from contoffice.services.kernel import messages

ENV_DB_PASSWORD = "CONTOFFICE_DB_PASSWORD"


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
    password = actions.add_parser(
        "password",
        help="guarda a senha do PostgreSQL no cofre de senhas do sistema (keyring), "
        f"pedida no terminal ou lida de {ENV_DB_PASSWORD}",
    )
    password.add_argument(
        "--url", metavar="URL", help="URL do banco, sem a senha (padrão: CONTOFFICE_DATABASE_URL)"
    )
    password.set_defaults(handler=_password)


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


def _password(args: argparse.Namespace) -> int:
    """Keep the password of a PostgreSQL URL in the OS keyring; the URL stays without it."""
    url = args.url or database_url(None)
    if not is_postgresql(url):
        return fail(messages.DB_PASSWORD_NOT_POSTGRES)
    if has_password(url):
        return fail(messages.DB_PASSWORD_IN_URL)
    secret = os.environ.get(ENV_DB_PASSWORD)
    if secret is None:
        try:
            secret = getpass.getpass(f"Senha do PostgreSQL para {password_key(url)}: ")
        except EOFError:  # no terminal and nothing on stdin
            secret = ""
    if not secret:
        return fail(messages.DB_PASSWORD_EMPTY)
    try:
        key = store_password(url, secret)
    except KeyringError as error:
        return fail(messages.DB_PASSWORD_NO_KEYRING.format(reason=type(error).__name__))
    print(f'Senha guardada no cofre de senhas do sistema (serviço "{KEYRING_SERVICE}", '
          f'chave "{key}").')
    return 0
