"""Running pg_dump, pg_restore and psql: found on PATH or in /usr/lib/postgresql/*/bin.

The connection goes through libpq's environment (PGHOST, PGUSER, PGPASSWORD…), so
the password is never on a command line nor in what is logged.
"""

from __future__ import annotations

import glob
import logging
import os
import re
import shutil
import subprocess
from collections.abc import Sequence
from pathlib import Path

from sqlalchemy.engine import make_url

from contoffice.config import connect_url
from contoffice.core import os_errors
from contoffice.services.backups import checks

log = logging.getLogger(__name__)
_SEARCH = ("/usr/lib/postgresql/*/bin", "C:/Program Files/PostgreSQL/*/bin")
# libpq's own names for the URL's query options (sslmode=require …).
_QUERY_ENV = {"sslmode": "PGSSLMODE", "sslrootcert": "PGSSLROOTCERT", "sslcert": "PGSSLCERT",
              "sslkey": "PGSSLKEY", "connect_timeout": "PGCONNECT_TIMEOUT"}


def find_tool(name: str) -> str:
    """The path of a PostgreSQL client program (the newest installed one beside the server)."""
    found = shutil.which(name)
    if found:
        return found
    exe = f"{name}.exe" if os.name == "nt" else name
    candidates = [Path(d) / exe for pattern in _SEARCH for d in glob.glob(pattern)]
    candidates = [c for c in candidates if c.is_file()]
    if not candidates:
        raise checks.BackupRefused(checks.NO_TOOL.format(tool=name))
    return str(max(candidates, key=lambda c: _version_key(str(c.parent.parent.name))))


def _version_key(text: str) -> tuple[int, ...]:
    return tuple(int(n) for n in re.findall(r"\d+", text)) or (0,)


def environment(url: str | None) -> dict[str, str]:
    """The process environment with the URL's connection (password from the URL or keyring)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PG")}
    if url is None:  # reading a dump file: no server at all
        return env
    parsed = connect_url(url)
    for key, value in (("PGHOST", parsed.host), ("PGPORT", parsed.port),
                       ("PGUSER", parsed.username), ("PGDATABASE", parsed.database),
                       ("PGPASSWORD", parsed.password)):
        if value is not None:
            env[key] = str(value)
    for option, key in _QUERY_ENV.items():
        value = parsed.query.get(option)
        if isinstance(value, str):
            env[key] = value
    env.setdefault("PGCONNECT_TIMEOUT", "10")
    env["PGAPPNAME"] = "contoffice"
    return env


def database_name(url: str) -> str:
    """The database a URL names."""
    return make_url(url).database or ""


def run(tool: str, args: Sequence[str], url: str | None = None) -> str:
    """Run a client program (on the URL's database); its stdout, or BackupRefused with its error."""
    command = [find_tool(tool), *args]
    log.info("%s %s", tool, " ".join(args))  # never the environment: it holds the password
    try:
        done = subprocess.run(command, env=environment(url), check=False,
                              capture_output=True)
    except OSError as error:
        raise checks.BackupRefused(checks.TOOL_FAILED.format(
            tool=tool, reason=os_errors.reason(error))) from None
    if done.returncode != 0:
        raise checks.BackupRefused(checks.TOOL_FAILED.format(tool=tool, reason=_reason(done)))
    return done.stdout.decode("utf-8", "replace")


# What the client programs say (in English), as the clerk reads it.
_CAUSES = (
    ("password authentication failed", "o servidor recusou a senha"),
    ("no password supplied", "o servidor pediu uma senha e nenhuma foi guardada"),
    ("connection refused", "o servidor não aceitou a conexão (está ligado?)"),
    ("could not translate host name", "o nome do servidor não foi encontrado"),
    ("timeout expired", "o servidor não respondeu a tempo"),
    ("does not exist", "o banco de dados ou um objeto dele não existe"),
    ("permission denied", "o usuário do banco não tem permissão para isso"),
    ("lock timeout", "outra estação está usando o banco; feche o contoffice nas outras estações"),
    ("server version mismatch", "o programa é mais antigo que o servidor; instale um mais novo"),
    ("input file does not appear to be a valid archive", "o arquivo não é uma cópia válida"),
    ("could not open input file", "o arquivo não pôde ser aberto"),
)


def _reason(done: subprocess.CompletedProcess[bytes]) -> str:
    text = done.stderr.decode("utf-8", "replace").strip()
    lines = [line for line in text.splitlines() if line.strip()]
    # The tool's own words go to the log (they name no password: it travels in PGPASSWORD).
    log.warning("saída do programa do PostgreSQL (código %s): %s", done.returncode,
                " | ".join(lines[:5]))
    lowered = text.lower()
    for needle, cause in _CAUSES:
        if needle in lowered:
            return f"{cause}; detalhes no log do contoffice."
    return f"código de saída {done.returncode}; detalhes no log do contoffice."
