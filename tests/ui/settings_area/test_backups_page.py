"""Configurações → Cópias de segurança: schedule, backup now, Restaurar…, automatic backups."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from contoffice.db.uow import Database
from contoffice.services.backups import checks, naming, schedule
from contoffice.services.kernel.permissions import Actor
from contoffice.ui.context import WindowContext
from contoffice.ui.operations import Operation
from contoffice.ui.settings import DeskSettings
from contoffice.ui.settings_area import SettingsArea
from contoffice.ui.settings_area import backups_texts as t
from contoffice.ui.settings_area.backups_auto import backup_on_close, backup_on_start
from contoffice.ui.settings_area.backups_page import BackupsPage
from tests.services.backups.support import marker, set_marker


class Boxes:
    """QMessageBox's questions answered as the test says; every text shown kept."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, answers: list[bool]) -> None:
        self.shown: list[str] = []
        self.answers = answers

        def question(_parent: Any, _title: str, text: str, *_a: Any) -> Any:
            self.shown.append(text)
            yes = self.answers.pop(0)
            return QMessageBox.StandardButton.Yes if yes else QMessageBox.StandardButton.No

        def say(_parent: Any, _title: str, text: str, *_a: Any) -> Any:
            self.shown.append(text)
            return QMessageBox.StandardButton.Ok

        monkeypatch.setattr(QMessageBox, "question", question)
        monkeypatch.setattr(QMessageBox, "information", say)
        monkeypatch.setattr(QMessageBox, "warning", say)


def _ctx(db: Database, actor: Actor, desk: DeskSettings) -> WindowContext:
    return WindowContext(db, actor, desk)


def _use_folder(db: Database, actor: Actor, folder: Path, **fields: Any) -> None:
    with db.uow() as uow:
        schedule.save(uow, actor, schedule.BackupSchedule(folder=str(folder), **fields), 15)


def _finish(qtbot: Any, operation: Operation | None) -> Operation:
    assert operation is not None
    if operation.result is None and operation.error is None:
        with qtbot.waitSignal(operation.finished, timeout=120_000):
            pass
    assert operation.error is None, operation.error
    return operation


@pytest.fixture
def page(qtbot: Any, db: Database, actor: Actor, desk_settings: DeskSettings,
         tmp_path: Path) -> BackupsPage:
    _use_folder(db, actor, tmp_path / "copias")
    widget = BackupsPage(_ctx(db, actor, desk_settings))
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_the_schedule_is_saved_as_the_office_settings(
    page: BackupsPage, qtbot: Any, db: Database, tmp_path: Path
) -> None:
    page.form.on_close.setChecked(True)
    page.form.daily.setChecked(False)
    page.form.keep.setValue(3)
    page.form.folder.setText(str(tmp_path / "pendrive"))
    page.form.idle.setValue(5)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    with db.uow() as uow:
        plan, idle = schedule.load(uow), schedule.idle_minutes(uow)
    assert (plan.on_close, plan.daily, plan.keep, plan.folder, idle) == (
        True, False, 3, str(tmp_path / "pendrive"), 5)
    assert page.status.text() == "Alterações salvas."


def test_backup_now_then_restore_it_from_the_list(
    page: BackupsPage, qtbot: Any, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    set_marker(db.url, "antes")
    qtbot.mouseClick(page.backup_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(page.findChild(Operation).finished, timeout=120_000):
        pass
    assert page.table.rowCount() == 1 and page.status.text().startswith("Cópia gravada em ")
    name = page.table.item(0, 3).text()
    assert name.startswith("contoffice-copia-") and page.last.text() != t.LAST_NONE
    set_marker(db.url, "depois")
    boxes = Boxes(monkeypatch, [True, False])  # restore: yes; reopen now: not in a test

    _finish(qtbot, page.restore_selected())

    assert marker(db.url) == "antes"
    confirm, restored, _reopen = boxes.shown
    assert name in confirm and "os dados atuais são guardados" in confirm
    assert "foi restaurada" in restored and "antes-da-restauracao" in restored


def test_a_file_of_another_application_is_refused_before_any_question(
    page: BackupsPage, db: Database, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    other = tmp_path / "clientes.csv"
    other.write_text("nome;cpf\nAna;123\n", encoding="utf-8")
    set_marker(db.url, "intacto")
    boxes = Boxes(monkeypatch, [])
    assert page.restore(other) is None
    assert boxes.shown == [checks.NOT_OURS] and marker(db.url) == "intacto"


def test_the_page_is_a_settings_tab_for_who_holds_its_key(
    qtbot: Any, db: Database, actor: Actor, desk_settings: DeskSettings
) -> None:
    area = SettingsArea(_ctx(db, actor, desk_settings))
    qtbot.addWidget(area)
    assert isinstance(area.pages["settings.backups"], BackupsPage)
    clerk = Actor(id=actor.id, login="x", name="X", permissions=frozenset({"settings.office"}))
    other = SettingsArea(_ctx(db, clerk, desk_settings))
    qtbot.addWidget(other)
    assert "settings.backups" not in other.pages


def test_the_daily_backup_runs_when_a_day_passed_and_on_close_when_asked(
    qtbot: Any, db: Database, actor: Actor, desk_settings: DeskSettings, tmp_path: Path
) -> None:
    folder = tmp_path / "copias"
    _use_folder(db, actor, folder, daily=True, on_close=False)
    ctx = _ctx(db, actor, desk_settings)
    page = BackupsPage(ctx)
    qtbot.addWidget(page)
    now = datetime(2026, 11, 29, 8, 0, tzinfo=UTC)
    _finish(qtbot, backup_on_start(page, ctx, now))
    assert len(naming.list_backups(folder)) == 1
    assert backup_on_start(page, ctx, now + timedelta(hours=23)) is None  # not due yet
    assert backup_on_close(page, ctx, now) is True  # "ao fechar" not set: nothing made
    assert len(naming.list_backups(folder)) == 1
    _finish(qtbot, backup_on_start(page, ctx, now + timedelta(days=1)))
    _use_folder(db, actor, folder, daily=False, on_close=True)
    assert backup_on_start(page, ctx, now + timedelta(days=5)) is None  # daily is off
    assert backup_on_close(page, ctx, now + timedelta(days=5, minutes=1)) is True
    assert len(naming.list_backups(folder)) == 3
