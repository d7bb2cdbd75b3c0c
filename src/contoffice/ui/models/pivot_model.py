"""The table of "Informações sintéticas": row headings, one column per heading, counts."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from contoffice.services.panels.pivot import TOTAL, PivotTable

Index = QModelIndex | QPersistentModelIndex
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class PivotModel(QAbstractTableModel):
    """Counts of a PivotTable with a total row and a total column."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.table: PivotTable | None = None

    def set_table(self, table: PivotTable) -> None:
        """Show another pivot result."""
        self.beginResetModel()
        self.table = table
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or self.table is None:
            return 0
        return len(self.table.rows) + 1

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or self.table is None:
            return 0
        return len(self.table.columns) + 1

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        table = self.table
        if role != Qt.ItemDataRole.DisplayRole or table is None:
            return None
        headings = table.columns if orientation == Qt.Orientation.Horizontal else table.rows
        if not 0 <= section <= len(headings):
            return None
        return TOTAL if section == len(headings) else " / ".join(headings[section])

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        table = self.table
        if table is None or not index.isValid():
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return f"{self.count(index.row(), index.column()):,}".replace(",", ".")

    def count(self, row: int, column: int) -> int:
        """The count at a cell, totals included."""
        table = self.table
        if table is None:
            return 0
        n_rows, n_cols = len(table.rows), len(table.columns)
        if row == n_rows and column == n_cols:
            return table.total
        if row == n_rows:
            return sum(r[column] for r in table.counts)
        if column == n_cols:
            return sum(table.counts[row])
        return table.counts[row][column]

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
