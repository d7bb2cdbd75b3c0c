"""The lines of a return's report as a table model (a return may hold thousands of records)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from contoffice.services.bank_files.report import PROBLEMS, ReportLine
from contoffice.services.bank_files.report_export import COLUMNS

Index = QModelIndex | QPersistentModelIndex
_PROBLEM = QColor("#b3261e")
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


def cell(line: ReportLine, key: str) -> Any:
    """The raw value of one column of a line (the outcome by its pt-BR label)."""
    if key == "outcome":
        return line.outcome.label
    return getattr(line, key)


class ReportLinesModel(QAbstractTableModel):
    """Read-only: one row per record, the export's columns, problems in red."""

    def __init__(self, lines: tuple[ReportLine, ...], parent: Any = None) -> None:
        super().__init__(parent)
        self.lines = lines

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(COLUMNS):
            return COLUMNS[section].header
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.lines):
            return None
        line, column = self.lines[index.row()], COLUMNS[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return column.display(cell(line, column.key)) or None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if column.numeric else _LEFT
        if role == Qt.ItemDataRole.ForegroundRole and line.outcome in PROBLEMS:
            return _PROBLEM
        return None

    def text(self, row: int, key: str) -> str:
        """What the clerk reads in a cell (tests)."""
        column = next(c for c in COLUMNS if c.key == key)
        return column.display(cell(self.lines[row], key))
