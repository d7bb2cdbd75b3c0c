"""`contoffice db upgrade | db backup [FILE] | db restore FILE | db backups | db password`."""

from __future__ import annotations

import argparse
import getpass
import os
from pathlib import Path

from keyring.errors import KeyringError

from contoffice.cli import backups_cli, emit_json, fail
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
    backup = actions.add_parser(
        "backup", help="cópia de segurança verificada (SQLite: cópia do arquivo; PostgreSQL: "
        "pg_dump) na pasta das cópias do escritório, ou em ARQUIVO")
    backup.add_argument("file", type=Path, nargs="?", metavar="ARQUIVO")
    backup.add_argument("--folder", type=Path, metavar="PASTA",
                        help="pasta da cópia (padrão: a escolhida em Cópias de segurança)")
    add_common(backup)
    backup.set_defaults(handler=backups_cli.backup)
    restore = actions.add_parser(
        "restore",
        help="troca os dados do banco pelos de uma cópia de segurança verificada (feche o "
        "contoffice nas outras estações; os dados atuais são guardados antes)",
    )
    restore.add_argument("file", type=Path, metavar="ARQUIVO")
    restore.add_argument("--yes", action="store_true",
                         help="não pergunta antes de restaurar (num terminal, pergunta)")
    add_common(restore)
    restore.set_defaults(handler=backups_cli.restore)
    listing = actions.add_parser("backups", help="lista as cópias de segurança, da mais nova "
                                 "para a mais antiga")
    listing.add_argument("--folder", type=Path, metavar="PASTA",
                         help="pasta das cópias (padrão: a escolhida em Cópias de segurança)")
    add_common(listing)
    listing.set_defaults(handler=backups_cli.list_backups)
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
