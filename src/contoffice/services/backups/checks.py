"""What a backup must be before it replaces anything: readable, ours, not from the future."""

from __future__ import annotations

from pathlib import Path

from alembic.script import ScriptDirectory
from alembic.util.exc import CommandError

from contoffice.core import os_errors
from contoffice.db import migrate
from contoffice.errors import ContofficeError
from contoffice.services.backups.naming import app_version, parse

# The tables every contoffice database has had since its first revision.
OWN_TABLES = frozenset({"alembic_version", "office_setting", "operator", "person"})

UNREADABLE = "Não foi possível ler a cópia de segurança {path} ({reason}); nada foi alterado."
EMPTY = "A cópia de segurança {path} está vazia; nada foi alterado."
NOT_OURS = "Este arquivo não é uma cópia de segurança do contoffice."
WRONG_KIND = (
    "A cópia {path} é de um banco {kind}, e o banco atual é {current}; escolha uma cópia "
    "feita neste banco."
)
DAMAGED = "A cópia de segurança {path} está danificada ({detail}); nada foi alterado."
NEWER = (
    "A cópia {path} foi feita por uma versão mais nova do contoffice ({version}, revisão "
    "{revision}); este programa é a versão {ours} e conhece até a revisão {head}. Atualize o "
    "contoffice antes de restaurá-la; nada foi alterado."
)
NO_TOOL = (
    "O programa {tool} do PostgreSQL não foi encontrado; instale o cliente do PostgreSQL "
    "(o mesmo que traz o psql) nesta estação."
)
TOOL_FAILED = "O {tool} do PostgreSQL falhou: {reason}"
FOLDER_FAILED = "Não foi possível gravar na pasta das cópias {path} ({reason})."
SAME_FILE = "A cópia de segurança {path} não pode ser o próprio arquivo do banco de dados."


class BackupRefused(ContofficeError):
    """A backup that cannot be made or restored; nothing was changed."""


def require_readable(path: Path) -> None:
    """Refuse a missing, unreadable or empty file."""
    try:
        with path.open("rb") as fh:
            first = fh.read(1)
    except OSError as error:
        raise BackupRefused(UNREADABLE.format(path=path, reason=os_errors.reason(error))) from None
    if not first:
        raise BackupRefused(EMPTY.format(path=path))


def require_known(path: Path, revision: str) -> None:
    """Refuse a backup whose schema revision this program does not know (a newer program's)."""
    script = ScriptDirectory.from_config(migrate.alembic_config("sqlite://"))
    try:
        known = script.get_revision(revision) is not None
    except CommandError:
        known = False
    if not known:
        named = parse(path)
        version = f"versão {named.version}" if named else "versão desconhecida"
        raise BackupRefused(NEWER.format(path=path.name, version=version, revision=revision,
                                         ours=app_version(), head=migrate.head_revision()))
