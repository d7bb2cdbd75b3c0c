"""Gerenciador de cancelamentos (INV-D-9): record the retention attempt, then keep or cancel."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from contoffice.core.format import format_datetime
from contoffice.services.contracts import status as contract_status
from contoffice.services.contracts.status import CancellationRow
from contoffice.services.kernel.results import Changes
from contoffice.services.panels.table_export import Sheet, cancellations_sheet
from contoffice.ui import texts
from contoffice.ui.context import WindowContext
from contoffice.ui.dialogs import labels as t
from contoffice.ui.dialogs.simple_dialogs import TextDialog
from contoffice.ui.operations import Operation, show_error
from contoffice.ui.table_export import export_sheet, headers, visible_sections
from contoffice.ui.tool_flow import SimpleFlow, ToolCall, ToolFlow


class CancellationsPanel(QWidget):
    """The open cancellation requests, oldest first, with their tools."""

    def __init__(self, ctx: WindowContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list[CancellationRow] = []
        self.table = QTableWidget(0, len(t.CANCELLATION_COLUMNS), self)
        self.table.setObjectName("requests_table")
        self.table.setHorizontalHeaderLabels(t.CANCELLATION_COLUMNS)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.retention_button = QPushButton(t.RETENTION, self)
        self.retention_button.setObjectName("retention_button")
        self.keep_button = QPushButton(t.KEEP, self)
        self.keep_button.setObjectName("keep_button")
        self.cancel_button = QPushButton(t.CANCEL_FOR_REAL, self)
        self.cancel_button.setObjectName("cancel_contract_button")
        buttons = QHBoxLayout()
        for button in (self.retention_button, self.keep_button, self.cancel_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.export_button = QPushButton(texts.EXPORT, self)
        self.export_button.setObjectName("export_button")
        buttons.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        self.retention_button.clicked.connect(self.record_retention)
        self.keep_button.clicked.connect(lambda: self.resolve(keep=True))
        self.cancel_button.clicked.connect(lambda: self.resolve(keep=False))
        self.export_button.clicked.connect(self.export)
        self.table.itemSelectionChanged.connect(self._enable)
        self.last_flow: ToolFlow | SimpleFlow | None = None
        self.last_export: Operation | None = None
        self._loaded = False
        self._enable()
        self.subscription = ctx.changes.subscribe(self, self.apply_changes)

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if not self._loaded:  # queried when first shown
            self.refresh()

    def refresh(self) -> None:
        """Read the open requests again."""
        self._loaded = True
        try:
            self.rows = contract_status.cancellation_requests(self.ctx.db.uow())
        except Exception as error:
            show_error(self, error)
            return
        self.table.setRowCount(len(self.rows))
        for row, r in enumerate(self.rows):
            values = (
                str(r.id),
                str(r.contract_id),
                r.person_name,
                r.plan,
                r.reason,
                format_datetime(r.requested_at),
                r.retention_notes,
            )
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))
        self.table.resizeColumnsToContents()
        self._enable()

    def sheet(self) -> Sheet:
        """The requests listed now, with the visible columns in their order."""
        full = cancellations_sheet(t.CANCELLATIONS_TAB, headers(self.table), self.rows)
        return full.select(visible_sections(self.table))

    def export(self) -> None:
        """Exportar planilha: the list as shown, XLSX or CSV."""
        self.last_export = export_sheet(self, self.sheet, db=self.ctx.db, notify=self.ctx.notify)

    def selected_ids(self) -> list[int]:
        """The ids of the selected requests."""
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.rows[r].id for r in rows]

    def _enable(self) -> None:
        count = len(self.selected_ids())
        self.retention_button.setEnabled(count == 1)
        self.keep_button.setEnabled(count > 0)
        self.cancel_button.setEnabled(count > 0)

    def apply_changes(self, changes: Changes) -> None:
        """A contract changed anywhere (a client panel asked for a cancellation…): re-read."""
        if changes.contracts and self._loaded:
            self.refresh()

    def _publisher(self, request_ids: list[int]) -> Callable[[Changes], None]:
        """This panel's outcome on the window's channel, scoped to the requests' clients."""
        people = [r.person_id for r in self.rows if r.id in set(request_ids)]
        return self.ctx.changes.publisher(self, people)

    def record_retention(self) -> None:
        """Registrar tratativa: what was tried to keep the client."""
        request_id = self.selected_ids()[0]
        notes = TextDialog.ask(self, t.RETENTION, t.RETENTION_LABEL)
        if notes is None:
            return
        ctx = self.ctx
        self.last_flow = SimpleFlow(
            self,
            t.RETENTION,
            lambda: contract_status.record_retention(
                ctx.db.uow(), ctx.actor, request_id=request_id, notes=notes
            ),
            changes=Changes(contracts=True),
            on_changes=self._publisher([request_id]),
        ).start()

    def resolve(self, *, keep: bool) -> None:
        """Manter contrato (retained) or Cancelar contrato, with observações."""
        ids = self.selected_ids()
        title = t.KEEP if keep else t.CANCEL_FOR_REAL
        notes = TextDialog.ask(self, title, t.RESOLUTION_NOTES)
        if notes is None:
            return
        self.last_flow = ToolFlow(
            self,
            title,
            ToolCall(self.ctx, "contracts.resolve_keep" if keep else "contracts.resolve_cancel",
                     ids, {"notes": notes}),
            on_changes=self._publisher(ids),
        ).start()
