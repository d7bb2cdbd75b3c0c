"""PostgreSQL: pg_dump -Fc backups, their check, and a restore that is one transaction."""

from __future__ import annotations

import os
import re
import tempfile
from datetime import datetime
from pathlib import Path

from sqlalchemy import inspect

from contoffice.core import os_errors
from contoffice.db.engine import make_engine
from contoffice.db.integrity import make_private_folders
from contoffice.services.backups import checks
from contoffice.services.backups.naming import aside_name
from contoffice.services.backups.pg_tools import database_name, run

# TOC entries left out of a restore: the schema stays as the server has it, and so do the
# extensions' comments (only their owner may set them). The extensions themselves are
# created IF NOT EXISTS: a new, empty database gets pg_trgm as the migrations would.
_SKIPPED = re.compile(r"^\d+;\s+\d+\s+\d+\s+(SCHEMA|COMMENT - EXTENSION|COMMENT - SCHEMA)\s")
LOCK_TIMEOUT = "60s"
_TABLE = re.compile(r"^\d+;\s+\d+\s+\d+\s+TABLE\s+(\S+)\s+(\S+)\s")


def backup(url: str, target: Path) -> Path:
    """pg_dump -Fc of the URL's database to `target` (written aside, renamed once complete)."""
    try:
        make_private_folders(target.parent)
    except OSError as error:
        raise checks.BackupRefused(checks.FOLDER_FAILED.format(
            path=target.parent, reason=os_errors.reason(error))) from None
    partial = target.with_name(f".{target.name}.{os.getpid()}.parcial")
    try:
        run("pg_dump", ["--format=custom", "--no-owner", "--no-privileges",
                        f"--file={partial}"], url)
        os.chmod(partial, 0o600)  # clients' data: readable by the office's user only
        _tables(partial)  # pg_restore can read what was written
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
    return target


def _tables(path: Path) -> tuple[list[str], set[str]]:
    listing = run("pg_restore", ["--list", str(path)])
    lines = listing.splitlines()
    tables = {m.group(2) for m in map(_TABLE.match, lines) if m and m.group(1) == "public"}
    return lines, tables


def revision_of(path: Path) -> str:
    """Check that `path` is a contoffice pg_dump; return its schema revision."""
    checks.require_readable(path)
    with path.open("rb") as fh:
        header = fh.read(16)
    if header.startswith(b"SQLite format 3"):
        raise checks.BackupRefused(checks.WRONG_KIND.format(
            path=path.name, kind="SQLite", current="PostgreSQL"))
    if not header.startswith(b"PGDMP"):
        raise checks.BackupRefused(checks.NOT_OURS)
    _lines, tables = _tables(path)
    if not tables >= checks.OWN_TABLES:
        raise checks.BackupRefused(checks.NOT_OURS)
    data = run("pg_restore", ["--data-only", "--schema=public", "--table=alembic_version",
                              "--file=-", str(path)])
    revisions = _copy_rows(data, "alembic_version")
    if len(revisions) != 1:
        raise checks.BackupRefused(checks.NOT_OURS)
    checks.require_known(path, revisions[0])
    return revisions[0]


def _copy_rows(script: str, table: str) -> list[str]:
    rows: list[str] = []
    inside = False
    for line in script.splitlines():
        if inside:
            if line == "\\.":
                break
            rows.append(line)
        elif line.startswith("COPY ") and f"{table} " in line:
            inside = True
    return rows


def restore(url: str, source: Path, folder: Path, now: datetime) -> Path:
    """Replace the database's contents by the backup's in one transaction; return the aside dump.

    The current contents are dumped to `folder` first. The restore runs through psql
    with --single-transaction: killed or failed, the server rolls it all back.
    """
    revision_of(source)
    name = database_name(url)
    aside = backup(url, folder / aside_name(name or "contoffice", now, ".dump"))
    lines, _tables_found = _tables(source)
    with tempfile.TemporaryDirectory(prefix="contoffice-restauracao-") as work:
        listing = Path(work, "lista.txt")
        listing.write_text("\n".join(x for x in lines if not _SKIPPED.match(x)) + "\n",
                           encoding="utf-8")
        script = Path(work, "restaurar.sql")
        run("pg_restore", ["--no-owner", "--no-privileges", f"--use-list={listing}",
                           f"--file={script}", str(source)])
        prelude = Path(work, "limpar.sql")
        prelude.write_text(_drop_statements(url), encoding="utf-8")
        run("psql", ["--no-psqlrc", "--quiet", "--single-transaction",
                     "--set=ON_ERROR_STOP=1", f"--file={prelude}", f"--file={script}"], url)
    return aside


def _drop_statements(url: str) -> str:
    """SQL dropping every table, view, sequence and enum type of the public schema."""
    engine = make_engine(url)
    try:
        found = inspect(engine)
        quote = engine.dialect.identifier_preparer.quote
        views = found.get_view_names(schema="public")
        tables = found.get_table_names(schema="public")
        sequences = found.get_sequence_names(schema="public")
        enums = [e["name"] for e in found.get_enums(schema="public")]  # type: ignore[attr-defined]
    finally:
        engine.dispose()
    # A desk still inside a transaction would hold the restore forever: it gives up instead.
    parts = [f"SET lock_timeout = '{LOCK_TIMEOUT}';"]
    parts += [f"DROP VIEW IF EXISTS public.{quote(v)} CASCADE;" for v in views]
    parts += [f"DROP TABLE IF EXISTS public.{quote(t)} CASCADE;" for t in tables]
    parts += [f"DROP SEQUENCE IF EXISTS public.{quote(s)} CASCADE;" for s in sequences]
    parts += [f"DROP TYPE IF EXISTS public.{quote(e)} CASCADE;" for e in enums]
    return "\n".join(parts) + "\n"
