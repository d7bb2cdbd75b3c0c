"""`contoffice gui --selftest` opens the first window on a database and closes it."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from contoffice.cli import main
from contoffice.ui.selftest import missing_parts, run_selftest


def test_nothing_is_missing_from_the_source_tree(qtbot: QtBot) -> None:
    assert missing_parts() == []


def test_selftest_migrates_the_database_and_shows_the_first_admin_window(
        qtbot: QtBot, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "escritorio.sqlite3"
    assert run_selftest(f"sqlite:///{target}") == 0
    assert "“Primeiro administrador” aberta" in capsys.readouterr().out
    with sqlite3.connect(target) as conn:
        assert conn.execute("SELECT count(*) FROM alembic_version").fetchone() == (1,)


def test_hidden_gui_flag_runs_it_on_a_throwaway_database(
        qtbot: QtBot, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["gui", "--selftest"]) == 0
    assert "autoteste: janela" in capsys.readouterr().out
