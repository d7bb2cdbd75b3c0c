"""A small read-only table of settings rows (a handful of profiles or operators)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)


class ListTable(QTableWidget):
    """Rows of text with the record id kept in the first cell; single selection."""

    def __init__(self, headers: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(0, len(headers), parent)
        self.setHorizontalHeaderLabels(list(headers))
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().hide()
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.horizontalHeader().setStretchLastSection(True)

    def fill(self, rows: Sequence[tuple[int, Sequence[str]]], select_id: int | None) -> None:
        """Replace the rows, keeping `select_id` selected when it is still there."""
        self.blockSignals(True)
        self.setRowCount(len(rows))
        for r, (record_id, cells) in enumerate(rows):
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, record_id)
                self.setItem(r, c, item)
        self.blockSignals(False)
        for r, (record_id, _cells) in enumerate(rows):
            if record_id == select_id:
                self.selectRow(r)

    def current_id(self) -> int | None:
        """The id of the selected row."""
        rows = self.selectionModel().selectedRows()
        if not rows:
            return None
        return int(self.item(rows[0].row(), 0).data(Qt.ItemDataRole.UserRole))

    def select_id(self, record_id: int) -> None:
        """Select the row of a record."""
        for r in range(self.rowCount()):
            if self.item(r, 0).data(Qt.ItemDataRole.UserRole) == record_id:
                self.selectRow(r)
                return
