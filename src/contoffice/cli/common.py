"""What every command shares: opening the database and choosing the acting operator."""

from __future__ import annotations

import argparse
import os

from contoffice.config import database_url
from contoffice.db.uow import Database
from contoffice.services.admin import operators
from contoffice.services.admin.setup import open_database
from contoffice.services.kernel.permissions import Actor

ENV_OPERATOR = "CONTOFFICE_OPERATOR"


def database(args: argparse.Namespace, *, create: bool = False) -> Database:
    """Open (and upgrade) the database the arguments name.

    Only `demo` creates one (`db upgrade` goes straight to migrate): any other
    command on a missing, empty or damaged SQLite file stops with one pt-BR line.
    """
    url = database_url(getattr(args, "database", None))
    return open_database(url, create=create, empty_is_new=create)


def actor(db: Database, args: argparse.Namespace) -> Actor:
    """The operator the command acts as: --operator, CONTOFFICE_OPERATOR, or the system."""
    login = getattr(args, "operator", None) or os.environ.get(ENV_OPERATOR)
    with db.uow() as uow:
        if login:
            return operators.actor_for_login(uow, login)
        result = operators.system_actor(uow)
        uow.commit()
        return result


def add_common(
    parser: argparse.ArgumentParser, *, json_flag: bool = True, operator: bool = False
) -> None:
    """--database (and --json / --operator where the command uses them)."""
    parser.add_argument(
        "--database",
        metavar="URL",
        default=argparse.SUPPRESS,
        help="URL do banco (padrão: CONTOFFICE_DATABASE_URL ou o arquivo local)",
    )
    if json_flag:
        parser.add_argument("--json", action="store_true", help="resultado em JSON no stdout")
    if operator:
        parser.add_argument(
            "--operator",
            metavar="LOGIN",
            help="operador que executa (padrão: CONTOFFICE_OPERATOR ou sistema)",
        )
