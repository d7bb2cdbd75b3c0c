"""The schedule part of Cópias de segurança: daily, on close, how many, where, idle minutes."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from contoffice.services.backups import schedule
from contoffice.services.backups.schedule import BackupSchedule
from contoffice.ui.settings_area import backups_texts as t
from contoffice.ui.settings_area.form_fields import FieldForm


class ScheduleForm(FieldForm):
    """The fields of the schedule and the idle lock."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, {"Guardar": "keep", "Bloqueio": "idle"})
        self.daily = QCheckBox(t.DAILY, self)
        self.on_close = QCheckBox(t.ON_CLOSE, self)
        self.keep = QSpinBox(self)
        self.keep.setRange(0, schedule.MAX_KEEP)
        self.keep.setSuffix(t.KEEP_SUFFIX)
        self.keep.setSpecialValueText(t.KEEP_ALL)
        self.folder = QLineEdit(self)
        self.folder.setPlaceholderText(str(schedule.BackupSchedule().folder_path()))
        self.choose = QPushButton(t.CHOOSE, self)
        self.choose.clicked.connect(self.choose_folder)
        self.idle = QSpinBox(self)
        self.idle.setRange(0, schedule.MAX_IDLE_MINUTES)
        self.idle.setSuffix(t.IDLE_SUFFIX)
        self.idle.setSpecialValueText(t.IDLE_OFF)
        self.add("", {"daily": self.daily}, compact=True)
        self.add("", {"on_close": self.on_close}, compact=True)
        self.add(t.KEEP, {"keep": self.keep}, compact=True)
        self.add(t.FOLDER, {"folder": self.folder, "choose": self.choose})
        self.add(t.IDLE, {"idle": self.idle}, compact=True)

    def show_values(self, plan: BackupSchedule, idle: int) -> None:
        """Put the saved schedule in the fields."""
        self.daily.setChecked(plan.daily)
        self.on_close.setChecked(plan.on_close)
        self.keep.setValue(plan.keep)
        self.folder.setText(plan.folder)
        self.idle.setValue(idle)

    def values(self) -> tuple[BackupSchedule, int]:
        """The schedule and idle minutes as typed."""
        plan = BackupSchedule(daily=self.daily.isChecked(), on_close=self.on_close.isChecked(),
                              keep=self.keep.value(), folder=self.folder.text().strip())
        return plan, self.idle.value()

    def choose_folder(self) -> None:
        """Escolher…: a folder dialog starting at the current folder."""
        start = self.folder.text().strip() or str(Path.home())
        chosen = QFileDialog.getExistingDirectory(self, t.CHOOSE_TITLE, start)
        if chosen:
            self.folder.setText(chosen)
