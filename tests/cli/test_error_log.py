"""An unexpected error leaves a private log with its stack, but no client data anywhere."""

from __future__ import annotations

import argparse
import stat
from pathlib import Path

import pytest
from sqlalchemy import text

from contoffice.cli import main, people_cmd
from contoffice.db.uow import Database

SECRET = "Maria Sigilosa 123.456.789-09"


def _fail_inside_sql(url: str):
    """A handler whose statement fails with a client's data in its parameters."""

    def handler(_args: argparse.Namespace) -> int:
        db = Database(url)
        try:
            with db.uow() as uow:  # no name: NOT NULL fails, and PostgreSQL quotes the row
                uow.session.execute(text("INSERT INTO operator (login) VALUES (:login)"),
                                    {"login": SECRET})
        finally:
            db.dispose()
        return 0

    return handler


def _run(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path,
         url: str) -> tuple[str, Path]:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert main(["people", "search", "--database", url]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("contoffice: erro inesperado (")
    return err, tmp_path / "data" / "contoffice" / "contoffice-errors.log"


def test_sql_parameters_stay_out_of_the_log(db_url: str, monkeypatch: pytest.MonkeyPatch,
                                            capsys: pytest.CaptureFixture[str],
                                            tmp_path: Path) -> None:
    monkeypatch.setattr(people_cmd, "_search", _fail_inside_sql(db_url))
    err, log = _run(monkeypatch, capsys, tmp_path, db_url)
    content = log.read_text(encoding="utf-8")
    assert "IntegrityError" in content and "INSERT INTO operator (login)" in content
    assert "Traceback" in content and "IntegrityError" in err
    for piece in (SECRET, "Sigilosa", "123.456.789-09"):
        assert piece not in content and piece not in err
    assert stat.S_IMODE(log.stat().st_mode) == 0o600
    assert stat.S_IMODE(log.parent.stat().st_mode) == 0o700


def test_error_messages_stay_out_and_an_old_log_is_made_private(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    log = tmp_path / "data" / "contoffice" / "contoffice-errors.log"
    log.parent.mkdir(parents=True)
    log.write_text("antes\n")
    log.chmod(0o644)

    def boom(_args: argparse.Namespace) -> int:
        raise ValueError(f"documento inválido: {SECRET}")

    monkeypatch.setattr(people_cmd, "_search", boom)
    err, log = _run(monkeypatch, capsys, tmp_path, f"sqlite:///{tmp_path / 'x.sqlite3'}")
    content = log.read_text(encoding="utf-8")
    assert content.startswith("antes\n") and "builtins.ValueError" in content
    assert "in boom" in content  # the frames are there to find the bug
    assert SECRET not in content and SECRET not in err
    assert stat.S_IMODE(log.stat().st_mode) == 0o600
