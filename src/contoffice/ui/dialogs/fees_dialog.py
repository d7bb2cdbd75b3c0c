"""Gerar honorários (INV-D-13): the clients with their last scheduled fee, start, repetition."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from contoffice.core.format import format_competence, format_date, format_money, month_name
from contoffice.services.billing.fees import LastFee
from contoffice.ui.dialogs import labels as t
from contoffice.ui.dialogs.base import ToolDialog


@dataclass(frozen=True, slots=True)
class FeesValue:
    start: date  # first day of the start month
    times: int  # 1: "Não" (only the chosen month)


@dataclass(frozen=True, slots=True)
class FeeClient:
    """A client of the generation screen."""

    person_id: int
    name: str
    last: LastFee


class FeesDialog(ToolDialog):
    """The selected clients, Mês e ano de início, Repetição de honorários."""

    def __init__(
        self, parent: QWidget | None, clients: Sequence[FeeClient], start: date | None = None
    ) -> None:
        super().__init__(parent, t.FEES_TITLE)
        self.setMinimumWidth(640)
        self.finish_button.setText(t.FEES_TITLE)
        table = QTableWidget(len(clients), len(t.FEES_COLUMNS), self)
        table.setObjectName("clients_table")
        table.setHorizontalHeaderLabels(t.FEES_COLUMNS)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        for row, client in enumerate(clients):
            last = client.last
            values = (
                str(client.person_id),
                client.name,
                format_competence(last.competence) if last.competence else t.NO_FEE_YET,
                format_date(last.due_date) if last.due_date else "",
                format_money(last.amount_cents) if last.amount_cents is not None else "",
            )
            for column, value in enumerate(values):
                table.setItem(row, column, QTableWidgetItem(value))
        table.resizeColumnsToContents()
        self.clients_table = table
        self.form.addRow(table)
        start = start or date.today().replace(day=1)
        self.month_combo = QComboBox(self)
        self.month_combo.addItems([month_name(m) for m in range(1, 13)])
        self.month_combo.setCurrentIndex(start.month - 1)
        self.add_row(t.START_MONTH, self.month_combo, "month_combo")
        self.year_spin = self.number(t.START_YEAR, "year_spin", start.year, 2000, 2100)
        self.repeat_radios = self.radios(t.REPEAT_OPTIONS)
        self.times_spin: QSpinBox = self.number(t.TIMES, "times_spin", 12, 2, 120)
        self.repeat_radios["yes"].toggled.connect(self.times_spin.setEnabled)

    def value(self) -> FeesValue:
        """Start month and how many months."""
        start = date(self.year_spin.value(), self.month_combo.currentIndex() + 1, 1)
        times = self.times_spin.value() if self.repeat_radios["yes"].isChecked() else 1
        return FeesValue(start, times)

    @classmethod
    def ask(
        cls, parent: QWidget | None, clients: Sequence[FeeClient], start: date | None = None
    ) -> FeesValue | None:
        """Show the dialog; None when cancelled."""
        dialog = cls(parent, clients, start)
        return dialog.value() if dialog.exec() == QDialog.DialogCode.Accepted else None
