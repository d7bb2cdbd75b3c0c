"""Ajuda → Sobre: version, database without its password, data, log and backup folders."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox

from contoffice.config import data_dir
from contoffice.db.uow import Database
from contoffice.services.backups import about, schedule
from contoffice.services.backups.logfile import log_dir
from contoffice.services.backups.naming import app_version
from contoffice.services.kernel.permissions import Actor
from contoffice.ui.about import about_html
from contoffice.ui.context import WindowContext
from contoffice.ui.main_window import MainWindow
from contoffice.ui.settings import DeskSettings


def test_sobre_shows_version_database_and_folders(
    qtbot: Any, demo_db: Database, demo_actor: Actor, desk_settings: DeskSettings,
    monkeypatch: pytest.MonkeyPatch, tmp_path: Any,
) -> None:
    with demo_db.uow() as uow:
        schedule.save(uow, demo_actor, schedule.BackupSchedule(folder=str(tmp_path)), 15)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "about", lambda _p, title, text: shown.append(text))
    window = MainWindow(WindowContext(demo_db, demo_actor, desk_settings))
    qtbot.addWidget(window)
    window.findChild(QAction, "action_about").trigger()
    (text,) = shown
    for value in (app_version(), demo_db.url, str(data_dir()), str(log_dir()), str(tmp_path)):
        assert value in text


def test_a_password_in_the_database_url_is_never_shown() -> None:
    info = about.About("0.1.0", about.shown_database(
        "postgresql+psycopg://escritorio:s3gredo@servidor/contoffice"), data_dir(), log_dir(),
        data_dir())
    text = about_html(info)
    assert "s3gredo" not in text and "escritorio:***@servidor" in text
