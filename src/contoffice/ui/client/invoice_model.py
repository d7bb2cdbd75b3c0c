"""The invoice grids' model: overdue rows (open or partial, past due) in red."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from contoffice.ui.models.table_model import Index, PagedTableModel

OVERDUE = QColor("#b3261e")
_OWED = ("open", "partial")


class InvoiceTableModel(PagedTableModel):
    """A PagedTableModel whose overdue invoices read in red."""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and index.isValid():
            row = self.row_at(index.row())
            due = getattr(row, "due_date", None)
            if row is not None and row.status in _OWED and due is not None and due < date.today():
                return OVERDUE
            return None
        return super().data(index, role)
