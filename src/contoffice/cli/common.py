"""What every command shares: opening the database and logging the operator in.

A command that changes data acts as an operator who logged in exactly as at the
window (`operators.login`: the same password check, lockout, expiry and messages).
The login comes from --operator or CONTOFFICE_OPERATOR, the password from
CONTOFFICE_PASSWORD or, on a terminal, from a prompt. Read-only commands need
the same login when the office sets `cli.login_for_reads`.
"""

from __future__ import annotations

import argparse
import getpass
import os
import re
import sys
from collections.abc import Sequence

from contoffice.config import database_url
from contoffice.core.messages import is_feminine
from contoffice.db.uow import Database
from contoffice.errors import InvalidInput, NotAllowed
from contoffice.services.admin import office, operators
from contoffice.services.admin.setup import open_database
from contoffice.services.kernel.permissions import Actor
from contoffice.services.kernel.results import RowOutcome

ENV_OPERATOR = "CONTOFFICE_OPERATOR"
ENV_PASSWORD = "CONTOFFICE_PASSWORD"
# OfficeSetting key: when true, read-only commands ask for the login as well.
LOGIN_FOR_READS = office.LOGIN_FOR_READS

NEEDS_LOGIN = (
    "Informe o operador (--operator ou CONTOFFICE_OPERATOR) e a senha (CONTOFFICE_PASSWORD)."
)
SYSTEM_IS_NO_LOGIN = (
    f"O operador {operators.SYSTEM_LOGIN!r} é interno do programa e não entra pela linha de "
    "comando; informe o login de um operador."
)
UNKNOWN_URL = (
    "URL de banco de dados não reconhecida: {url} "
    "(use sqlite:///ARQUIVO ou postgresql://USUARIO@SERVIDOR/BANCO)."
)
# The dialects this program ships with; any driver suffix (+psycopg) is SQLAlchemy's to check.
_KNOWN_URL = re.compile(r"(sqlite|postgresql)(\+[A-Za-z0-9_]+)?://", re.IGNORECASE)
_URL_PASSWORD = re.compile(r"(://[^:/@]*):[^@/]*@")
# "Fatura 12 não encontrada (…)": the not-found outcome of a row (core.messages.not_found).
_NOT_FOUND = re.compile(r"^(?P<what>.+?) (?P<id>\d+) não encontrad[oa]\b")
_ACTOR = "_contoffice_actor"  # where the logged-in actor is kept on the parsed arguments


def shown_url(url: str) -> str:
    """The URL as it may be printed: a password in it becomes ***."""
    return _URL_PASSWORD.sub(r"\1:***@", url)


def check_url(url: str) -> None:
    """Refuse, in pt-BR, a URL that names no database this program can open."""
    if not _KNOWN_URL.match(url.strip()):
        raise InvalidInput(UNKNOWN_URL.format(url=shown_url(url)), field="--database")


def database(args: argparse.Namespace, *, create: bool = False) -> Database:
    """Open (and upgrade) the database the arguments name.

    Only `demo` creates one (`db upgrade` goes straight to migrate): any other
    command on a missing, empty or damaged SQLite file stops with one pt-BR line.
    When the office asks for a login on reads, the operator logs in here.
    """
    url = database_url(getattr(args, "database", None))
    check_url(url)
    db = open_database(url, create=create, empty_is_new=create)
    if create:  # the demo office is built by the system, on a new or empty database
        return db
    try:
        if _reads_need_login(db):
            actor(db, args)
    except BaseException:
        db.dispose()
        raise
    return db


def _reads_need_login(db: Database) -> bool:
    with db.uow() as uow:
        return office.login_for_reads(office.settings(uow))


def actor(db: Database, args: argparse.Namespace) -> Actor:
    """The operator the command acts as, logged in with a password (never `sistema`).

    The first call of a command logs in (a wrong password counts toward the lockout,
    as at the window); later calls of the same command reuse that login.
    """
    known: Actor | None = getattr(args, _ACTOR, None)
    if known is not None:
        return known
    login = (getattr(args, "operator", None) or os.environ.get(ENV_OPERATOR) or "").strip()
    if not login:
        raise InvalidInput(NEEDS_LOGIN, field="--operator")
    if login == operators.SYSTEM_LOGIN:
        raise NotAllowed(SYSTEM_IS_NO_LOGIN)
    password = _password(login)
    with db.uow() as uow:
        found = operators.login(uow, login, password)
    setattr(args, _ACTOR, found)
    return found


def _password(login: str) -> str:
    """CONTOFFICE_PASSWORD, else asked on the terminal; a script without either is refused."""
    given = os.environ.get(ENV_PASSWORD)
    if given:  # an empty one is no password (none is that short): it is not tried
        return given
    if not _interactive():
        raise InvalidInput(NEEDS_LOGIN, field="CONTOFFICE_PASSWORD")
    try:
        return getpass.getpass(f"Senha de {login}: ")
    except EOFError:  # Ctrl-D at the prompt
        raise InvalidInput(NEEDS_LOGIN, field="CONTOFFICE_PASSWORD") from None


def _interactive() -> bool:
    try:
        return sys.stdin is not None and sys.stdin.isatty()
    except (ValueError, OSError):  # a closed or replaced stdin
        return False


def unknown_rows(outcomes: Sequence[RowOutcome]) -> str | None:
    """One pt-BR line when every row of a mass tool was refused as not found, else None.

    "invoices settle 999999" names nothing that exists: that is bad input (exit 2),
    not a refused row (exit 4).
    """
    if not outcomes or any(o.done for o in outcomes):
        return None
    names: set[str] = set()
    for outcome in outcomes:
        found = _NOT_FOUND.match(outcome.message or "")
        if found is None or int(found["id"]) != outcome.id:
            return None
        names.add(found["what"])
    if len(outcomes) == 1:
        return str(outcomes[0].message)
    (what, *others) = sorted(names)
    if others or " " in what:  # mixed kinds, or a name the plural "s" would garble
        return "; ".join(str(o.message).rstrip(".") for o in outcomes) + "."
    end = "as" if is_feminine(what) else "os"
    return f"{what}s {', '.join(str(o.id) for o in outcomes)} não encontrad{end}."


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
            help="operador que executa (padrão: CONTOFFICE_OPERATOR); a senha vem de "
            "CONTOFFICE_PASSWORD ou é pedida no terminal",
        )
