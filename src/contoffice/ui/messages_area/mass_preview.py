"""The dry run of a mass sending: who gets what, and who is skipped and why, with counts."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from contoffice.services.messaging.mass import BatchPlan, Line
from contoffice.ui.messages_area import labels as t


def _table(parent: QWidget, name: str, headers: Sequence[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(list(headers))
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _fill(table: QTableWidget, rows: Sequence[Sequence[str]]) -> None:
    table.setRowCount(0)
    table.setRowCount(len(rows))
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            table.setItem(r, c, QTableWidgetItem(value))
    table.resizeColumnsToContents()


def _invoice(line: Line) -> str:
    return str(line.invoice_id) if line.invoice_id is not None else t.NONE


class PlanPreview(QWidget):
    """Two tables under their counts: the messages that go, the ones skipped with the reason."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lines_label = QLabel(self)
        self.lines_label.setObjectName("lines_label")
        self.lines_table = _table(self, "lines_table", t.LINE_COLUMNS)
        self.skipped_label = QLabel(self)
        self.skipped_label.setObjectName("skipped_label")
        self.skipped_table = _table(self, "skipped_table", t.SKIP_COLUMNS)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget, stretch in ((self.lines_label, 0), (self.lines_table, 3),
                                (self.skipped_label, 0), (self.skipped_table, 1)):
            layout.addWidget(widget, stretch)
        self.clear()

    def clear(self) -> None:
        """Nothing simulated yet."""
        self.lines_label.setText(t.TO_SEND.format(n=0))
        self.skipped_label.setText(t.SKIPPED.format(n=0))
        _fill(self.lines_table, [])
        _fill(self.skipped_table, [])
        self.setEnabled(False)

    def show_plan(self, plan: BatchPlan) -> None:
        """The plan's lines and skipped clients."""
        self.setEnabled(True)
        self.lines_label.setText(t.TO_SEND.format(n=len(plan.lines)))
        self.skipped_label.setText(t.SKIPPED.format(n=len(plan.skipped)))
        _fill(self.lines_table, [(line.name, _invoice(line), line.destination, line.subject)
                                 for line in plan.lines])
        _fill(self.skipped_table, [(line.name, _invoice(line), line.reason)
                                   for line in plan.skipped])

    @staticmethod
    def texts(table: QTableWidget) -> list[list[str]]:
        """A table's cells as the clerk reads them (tests)."""
        return [[table.item(r, c).text() for c in range(table.columnCount())]
                for r in range(table.rowCount())]
