"""The SQLite file: missing, empty or damaged is refused before any write; private modes."""

from __future__ import annotations

import hashlib
import os
import random
import shutil
import sqlite3
import stat
from contextlib import closing
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import text

from contoffice.cli import main
from contoffice.db import integrity, migrate
from contoffice.db.uow import Database
from contoffice.errors import DatabaseDamaged, DatabaseUnavailable
from contoffice.services.admin.setup import open_database
from tests.support.cli_login import demo_login  # noqa: F401  (the CLI logs in)

posix_only = pytest.mark.skipif(os.name != "posix", reason="modos de arquivo POSIX")


def url(path: Path) -> str:
    return f"sqlite:///{path}"


def checkpoint(path: Path) -> None:
    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def damage(path: Path) -> None:
    """64 KB of garbage at 40% of the closed file, WAL folded in, as a failing disk leaves it."""
    checkpoint(path)
    offset = int(path.stat().st_size * 0.4) // 4096 * 4096
    with path.open("r+b") as fh:
        fh.seek(offset)
        fh.write(random.Random(15).randbytes(64 * 1024))
    assert integrity.check(path) is not None  # the file really is damaged


def one_line(err: str) -> str:
    assert err.count("\n") == 1 and err.startswith("contoffice: "), err
    return err


def open_invoice(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        row = conn.execute("SELECT id FROM invoice WHERE status = 'open' LIMIT 1").fetchone()
        return int(row[0])
    finally:
        conn.close()


def settle(path: Path, invoice: int) -> int:
    return main(["invoices", "settle", str(invoice), "--method", "other", "--yes",
                 "--justification", "pago no balcão", "--database", url(path)])


@pytest.fixture(scope="module")
def office_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("office") / "office.sqlite3"
    assert main(["demo", "--people", "300", "--seed", "3", "--database", url(path)]) == 0
    checkpoint(path)
    return path


@pytest.fixture
def office(office_template: Path, tmp_path: Path) -> Path:
    target = tmp_path / "office.sqlite3"
    shutil.copyfile(office_template, target)
    return target


@pytest.mark.usefixtures("demo_login")
def test_writing_on_a_damaged_file_is_refused_and_writes_nothing(
    office: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    invoice = open_invoice(office)
    healthy = tmp_path / "healthy.sqlite3"
    shutil.copyfile(office, healthy)
    assert settle(healthy, invoice) == 0  # the same settlement goes through on a sound file
    damage(office)
    before = digest(office)
    capsys.readouterr()
    assert settle(office, invoice) == 2
    err = one_line(capsys.readouterr().err)
    assert "está danificado" in err and "db restore" in err and "office.sqlite3.*.bak" in err
    assert digest(office) == before
    assert not Path(f"{office}-wal").exists()


def test_backup_of_a_damaged_file_is_refused_and_leaves_no_copy(
    office: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    damage(office)
    target = tmp_path / "copias" / "office.bak"
    assert main(["db", "backup", str(target), "--database", url(office)]) == 2
    assert "está danificado" in one_line(capsys.readouterr().err)
    assert not target.exists() and not list(target.parent.glob("*"))


def test_upgrade_of_a_damaged_file_makes_no_backup(
    office: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    command.downgrade(migrate.alembic_config(url(office)), "0001")  # an upgrade is due
    # Rebuilt tables leave free pages behind; garbage there is no damage, so pack the file.
    with closing(sqlite3.connect(office)) as conn:
        conn.execute("VACUUM")
    damage(office)
    before = digest(office)
    assert main(["db", "upgrade", "--database", url(office)]) == 2
    assert "está danificado" in one_line(capsys.readouterr().err)
    assert not list(tmp_path.glob("*.bak")) and digest(office) == before


def test_a_copy_failing_integrity_check_never_takes_the_backup_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Damage quick_check cannot see (an index that lost its rows) is caught on the copy."""
    source = tmp_path / "indice.sqlite3"
    conn = sqlite3.connect(source)
    conn.execute("CREATE TABLE t (a INTEGER, b INTEGER)")
    conn.execute("CREATE INDEX t_a ON t (a)")
    conn.executemany("INSERT INTO t VALUES (?, ?)", [(i, 1000 - i) for i in range(200)])
    conn.commit()
    conn.execute("PRAGMA writable_schema=ON")
    conn.execute("UPDATE sqlite_schema SET sql = 'CREATE INDEX t_a ON t (b)' WHERE name = 't_a'")
    conn.commit()
    conn.close()
    assert integrity.check(source, "quick_check") is None
    assert integrity.check(source) is not None
    target = tmp_path / "anterior.bak"
    target.write_bytes(b"a good backup made yesterday")
    assert main(["db", "backup", str(target), "--database", url(source)]) == 2
    assert "está danificado" in one_line(capsys.readouterr().err)
    with pytest.raises(DatabaseDamaged):
        migrate.backup_sqlite(source, target)  # the routine the pre-upgrade backup uses
    assert target.read_bytes() == b"a good backup made yesterday"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["anterior.bak", "indice.sqlite3"]


def test_an_empty_file_is_refused_not_made_a_new_office(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "office.sqlite3"
    path.touch()
    assert main(["people", "search", "--database", url(path)]) == 2
    assert "está vazio" in one_line(capsys.readouterr().err)
    with pytest.raises(DatabaseUnavailable, match="está vazio"):
        open_database(url(path), create=True)  # the window's first run does not take it either
    assert path.stat().st_size == 0
    assert main(["db", "upgrade", "--database", url(path)]) == 0  # asked for by name: a new one
    assert main(["people", "search", "--database", url(path)]) == 0


def test_a_missing_file_is_not_created(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "nao" / "existe"
    path = folder / "office.sqlite3"
    assert main(["people", "search", "--database", url(path)]) == 2
    err = one_line(capsys.readouterr().err)
    assert "não existe" in err and str(path) in err and "contoffice db upgrade" in err
    assert main(["invoices", "list", "--person", "1", "--database", url(path)]) == 2
    with pytest.raises(DatabaseUnavailable, match="não existe"):
        Database(url(path))
    assert not (tmp_path / "nao").exists()


def test_in_memory_databases_still_open() -> None:
    db = Database("sqlite:///:memory:")
    with db.uow() as uow:
        assert uow.session.execute(text("SELECT 1")).scalar_one() == 1
    db.dispose()


@posix_only
def test_created_database_backups_and_folders_are_private(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def mode(path: Path) -> int:
        return stat.S_IMODE(path.stat().st_mode)

    path = tmp_path / "dados" / "escritorio" / "office.sqlite3"
    assert main(["db", "upgrade", "--database", url(path)]) == 0
    assert mode(path) == 0o600
    assert mode(tmp_path / "dados") == mode(path.parent) == 0o700
    copy = tmp_path / "copias" / "office.bak"
    assert main(["db", "backup", str(copy), "--database", url(path)]) == 0
    assert "verificado" in capsys.readouterr().out
    assert mode(copy) == 0o600 and mode(copy.parent) == 0o700
    command.downgrade(migrate.alembic_config(url(path)), "0001")
    assert main(["db", "upgrade", "--database", url(path)]) == 0
    (before_upgrade,) = path.parent.glob("office.sqlite3.*.0001.bak")
    assert mode(before_upgrade) == 0o600 and integrity.check(before_upgrade) is None


@pytest.mark.usefixtures("demo_login")
def test_restore_puts_a_verified_backup_in_place_and_keeps_the_old_file(
    office: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = tmp_path / "ontem.bak"
    assert main(["db", "backup", str(copy), "--database", url(office)]) == 0
    damage(office)
    damaged = digest(office)
    bad_copy = tmp_path / "ruim.bak"
    shutil.copyfile(office, bad_copy)
    capsys.readouterr()
    assert main(["db", "restore", str(bad_copy), "--database", url(office)]) == 2
    assert "também está danificada" in one_line(capsys.readouterr().err)
    assert digest(office) == damaged
    assert main(["db", "restore", str(copy), "--database", url(office)]) == 0
    (aside,) = tmp_path.glob("office.sqlite3.*.substituido")
    assert digest(aside) == damaged and integrity.check(office) is None
    invoice = open_invoice(office)
    assert settle(office, invoice) == 0


def test_damage_met_after_opening_is_reported_as_damage(office: Path) -> None:
    db = Database(url(office))  # sound when opened
    db.dispose()
    with office.open("r+b") as fh:  # then the header is overwritten under it
        fh.write(b"\0" * 100)
    with pytest.raises(DatabaseDamaged, match="está danificado"), db.uow() as uow:
        uow.session.execute(text("SELECT COUNT(*) FROM person")).scalar_one()
    db.dispose()
