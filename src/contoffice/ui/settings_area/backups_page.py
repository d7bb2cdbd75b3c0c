"""Configurações → Cópias de segurança: the schedule, a backup now, the list and Restaurar…."""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QProcess
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from contoffice.core.format import format_date, format_datetime
from contoffice.core.validation import ValidationError
from contoffice.errors import ContofficeError
from contoffice.services.backups import naming, schedule, service
from contoffice.services.backups.schedule import BackupSchedule
from contoffice.ui import texts
from contoffice.ui.context import WindowContext
from contoffice.ui.idle_lock import IdleLock
from contoffice.ui.operations import Operation, show_error
from contoffice.ui.settings_area import backups_texts as t
from contoffice.ui.settings_area.backups_schedule_form import ScheduleForm
from contoffice.ui.settings_area.list_table import ListTable


def relaunch() -> None:
    """Start the program again (the same command line), detached from this one."""
    frozen = getattr(sys, "frozen", False)
    QProcess.startDetached(sys.executable, sys.argv[1:] if frozen else sys.argv)


class BackupsPage(QWidget):
    """The office's backup settings, its backups, and the way back to one of them."""

    def __init__(self, ctx: WindowContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("backups_page")
        self.plan = BackupSchedule()
        self.form = ScheduleForm(self)
        self.last = QLabel(self)
        self.status = QLabel(self)
        self.status.setObjectName("status_label")
        self.status.setWordWrap(True)
        self.save_button = self._button(texts.SAVE_CHANGES, "save_button", self.save)
        self.backup_button = self._button(t.BACKUP_NOW, "backup_button", self.backup_now)
        self.restore_button = self._button(t.RESTORE, "restore_button", self.restore_selected)
        self.other_button = self._button(t.RESTORE_OTHER, "other_button", self.restore_other)
        self.table = ListTable(t.HEADERS, self)
        self.table.setObjectName("backups_table")
        self.backups: list[naming.BackupFile] = []
        top = QHBoxLayout()
        top.addWidget(self.last, 1)
        top.addWidget(self.save_button)
        actions = QHBoxLayout()
        actions.addWidget(self.backup_button)
        actions.addStretch(1)
        actions.addWidget(self.other_button)
        actions.addWidget(self.restore_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addLayout(top)
        layout.addLayout(actions)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        self.refresh()

    def _button(self, text: str, name: str, slot: Any) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.clicked.connect(slot)
        return button

    def refresh(self) -> None:
        """Read the schedule and list the folder's backups."""
        try:
            with self.ctx.db.uow() as uow:
                self.plan = schedule.load(uow)
                idle = schedule.idle_minutes(uow)
        except ContofficeError as error:
            show_error(self, error)
            return
        self.form.show_values(self.plan, idle)
        when = self.plan.last_at
        self.last.setText(t.LAST.format(when=format_datetime(when)) if when else t.LAST_NONE)
        self.backups = naming.list_backups(self.plan.folder_path())
        self.table.fill([(n, (f"{format_date(b.taken_at.date())} {b.taken_at:%H:%M}",
                              b.version, _size(b.size), b.path.name))
                         for n, b in enumerate(self.backups)], 0 if self.backups else None)

    def save(self) -> None:
        """Salvar: the schedule and the idle minutes (the lock of this window follows at once)."""
        self.form.clear_errors()
        plan, idle = self.form.values()
        try:
            with self.ctx.db.uow() as uow:
                schedule.save(uow, self.ctx.actor, plan, idle)
        except ValidationError as error:
            self.form.show_error(error)
            return
        except ContofficeError as error:
            show_error(self, error)
            return
        lock = self.window().findChild(IdleLock)
        if lock is not None:
            lock.set_minutes(idle)
        self.status.setText(texts.SAVED)
        self.refresh()

    def backup_now(self) -> Operation:
        """Fazer cópia agora, in a worker; the list shows it when done."""
        db = self.ctx.db
        operation = Operation(self, lambda _p: service.backup_now(db, datetime.now(UTC)),
                              title=t.WORKING_BACKUP)
        operation.on_success(self._backed_up)
        operation.run()
        return operation

    def _backed_up(self, path: Path) -> None:
        self.refresh()
        self.status.setText(t.DONE_BACKUP.format(path=path))

    def restore_selected(self) -> Operation | None:
        """Restaurar… the backup selected in the list."""
        row = self.table.current_id()
        if row is None or row >= len(self.backups):
            self.status.setText(t.NONE_SELECTED)
            return None
        return self.restore(self.backups[row].path)

    def restore_other(self) -> Operation | None:
        """Restaurar de outro arquivo…: a backup kept elsewhere (a pen drive, the server)."""
        chosen, _filter = QFileDialog.getOpenFileName(
            self, t.OPEN_TITLE, str(self.plan.folder_path()), t.OPEN_FILTER)
        return self.restore(Path(chosen)) if chosen else None

    def restore(self, path: Path) -> Operation | None:
        """Check the file, confirm, restore in a worker, then offer to reopen the program."""
        url, folder = self.ctx.db.url, self.plan.folder_path()
        try:
            service.check(url, path)  # refused before the question when it is no good
        except ContofficeError as error:
            show_error(self, error)
            return None
        answer = QMessageBox.question(self, t.CONFIRM_TITLE, t.CONFIRM.format(name=path.name))
        if answer != QMessageBox.StandardButton.Yes:
            return None
        # This window lets go of the database: the file (or the tables) change under it.
        self.ctx.db.dispose()
        operation = Operation(
            self, lambda _p: service.restore(url, path, datetime.now(UTC), folder),
            title=t.WORKING_RESTORE)
        operation.on_success(self._restored)
        operation.run()
        return operation

    def _restored(self, result: service.RestoreResult) -> None:
        QMessageBox.information(self, t.CONFIRM_TITLE, t.RESTORED.format(
            name=result.source.name, previous=result.previous))
        if QMessageBox.question(self, t.CONFIRM_TITLE, t.RESTART) == \
                QMessageBox.StandardButton.Yes:
            relaunch()
            self.window().close()
        else:
            self.refresh()


def _size(size: int) -> str:
    if size >= 1_000_000:
        return f"{size / 1_000_000:.1f} MB".replace(".", ",")
    return f"{max(size // 1000, 1)} kB"
