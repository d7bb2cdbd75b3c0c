"""The mapping step: one line per column of the sheet, with the field it fills (guessed)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QComboBox, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from contoffice.services.people.importing import SheetData
from contoffice.ui.people_import import labels as t


class MappingTable(QTableWidget):
    """Column of the sheet, an example value, and a combo of our fields ("" ignores it)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, len(t.MAPPING_HEADERS), parent)
        self.setObjectName("mapping_table")
        self.setHorizontalHeaderLabels(list(t.MAPPING_HEADERS))
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.verticalHeader().hide()
        self.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)

    def show_sheet(self, sheet: SheetData, columns: Sequence[str],
                   fields: Sequence[tuple[str, str]]) -> None:
        """One line per column of the sheet, each combo on the guessed (or given) field."""
        first = sheet.rows[0].cells if sheet.rows else ("",) * len(sheet.headers)
        self.setRowCount(len(sheet.headers))
        for index, (header, example, key) in enumerate(
                zip(sheet.headers, first, columns, strict=True)):
            self.setItem(index, 0, QTableWidgetItem(header))
            self.setItem(index, 1, QTableWidgetItem(example))
            combo = QComboBox(self)
            combo.setObjectName(f"field_{index}")
            combo.addItem(t.IGNORE, "")
            for key_, label in fields:
                combo.addItem(label, key_)
            combo.setCurrentIndex(max(0, combo.findData(key)))
            self.setCellWidget(index, 2, combo)

    def combo(self, index: int) -> QComboBox:
        """The field combo of the sheet's column at `index`."""
        widget = self.cellWidget(index, 2)
        assert isinstance(widget, QComboBox)
        return widget

    def choose(self, index: int, key: str) -> None:
        """Set the field of a column by its key ("" ignores the column)."""
        combo = self.combo(index)
        combo.setCurrentIndex(combo.findData(key))

    def columns(self) -> tuple[str, ...]:
        """The field key each column fills, as chosen."""
        return tuple(str(self.combo(i).currentData() or "") for i in range(self.rowCount()))
