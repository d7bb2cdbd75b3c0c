"""Histórico da fatura: every comment and change, who and when (read-only)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from contoffice.core.format import format_datetime
from contoffice.services.admin.setup import Database
from contoffice.services.invoices.actions import HistoryItem
from contoffice.services.panels.table_export import Sheet, history_sheet
from contoffice.ui import texts
from contoffice.ui.operations import Operation
from contoffice.ui.table_export import export_sheet, headers, visible_sections

_HEADERS = ("Data e hora", "Operador", "Ação", "Descrição")


class HistoryDialog(QDialog):
    """A table of the invoice's history entries."""

    def __init__(self, parent: QWidget | None, invoice_id: int,
                 entries: Sequence[HistoryItem], db: Database | None = None) -> None:
        super().__init__(parent)
        self.entries, self.db = list(entries), db  # db: the office name in the title row
        self.last_export: Operation | None = None
        self.setWindowTitle(texts.HISTORY_TITLE.format(id=invoice_id))
        self.resize(960, 420)
        self.table = QTableWidget(len(entries), len(_HEADERS), self)
        self.table.setObjectName("history_table")
        self.table.setHorizontalHeaderLabels(_HEADERS)
        for row, entry in enumerate(entries):
            values = (format_datetime(entry.at), entry.operator, entry.label, entry.text)
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(value)  # a long sentence stays readable when the column cuts it
                self.table.setItem(row, column, item)
        header = self.table.horizontalHeader()
        for column in range(len(_HEADERS) - 1):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        # The sentence takes the rest of the width and wraps, so it is read whole.
        header.setSectionResizeMode(len(_HEADERS) - 1, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        self.export_button = buttons.addButton(texts.EXPORT,
                                               QDialogButtonBox.ButtonRole.ActionRole)
        self.export_button.setObjectName("export_button")
        self.export_button.setEnabled(bool(entries))
        self.export_button.clicked.connect(self.export)
        self.status_label = QLabel(self)
        self.status_label.setObjectName("status_label")
        layout = QVBoxLayout(self)
        if not entries:
            layout.addWidget(QLabel(texts.HISTORY_EMPTY, self))
        layout.addWidget(self.table)
        layout.addWidget(self.status_label)
        layout.addWidget(buttons)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Wrapped sentences take the height they need at the width they now have."""
        super().resizeEvent(event)
        QTimer.singleShot(0, self.table.resizeRowsToContents)

    def sheet(self) -> Sheet:
        """The entries listed, with the visible columns in their order."""
        full = history_sheet(self.windowTitle(), headers(self.table), self.entries)
        return full.select(visible_sections(self.table))

    def export(self) -> None:
        """Exportar planilha: the history as shown, XLSX or CSV."""
        self.last_export = export_sheet(self, self.sheet, db=self.db,
                                        notify=self.status_label.setText)

    @classmethod
    def show_for(cls, parent: QWidget | None, invoice_id: int,
                 entries: Sequence[HistoryItem], db: Database | None = None) -> None:
        """Show the history (modal)."""
        cls(parent, invoice_id, entries, db).exec()
