"""One page of the client panel: toolbar + context menu from ActionSpecs over a lazy grid."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QToolBar, QVBoxLayout, QWidget

from contoffice.services.invoices.actions import invoice_history
from contoffice.services.kernel.results import BatchResult, Changes
from contoffice.services.panels import grids
from contoffice.ui import texts
from contoffice.ui.actions import PanelActions
from contoffice.ui.client.invoice_model import InvoiceTableModel
from contoffice.ui.client.pages import PageSpec
from contoffice.ui.client.tools_attachments import AttachmentTools
from contoffice.ui.client.tools_charges import ChargeTools
from contoffice.ui.client.tools_clearances import ClearanceTools
from contoffice.ui.client.tools_contracts import ContractTools
from contoffice.ui.client.tools_fiscal import FiscalTools
from contoffice.ui.client.tools_invoices import InvoiceTools
from contoffice.ui.context import WindowContext
from contoffice.ui.dialogs.history_dialog import HistoryDialog
from contoffice.ui.export import export_view
from contoffice.ui.messages_area.tools import MessageTools
from contoffice.ui.models.table_model import PagedTableModel
from contoffice.ui.operations import Operation, show_error
from contoffice.ui.tool_flow import SimpleFlow, ToolCall, ToolFlow
from contoffice.ui.widgets.grid_view import GridView

T = TypeVar("T")
_OVERDUE_IN_RED = {"client.receivable", "client.payable"}


class GridPage(QWidget):
    """A page's grid of one client's rows, its tools and their enabled state."""

    def __init__(
        self,
        ctx: WindowContext,
        page: PageSpec,
        person_id: int,
        parent: QWidget | None = None,
        *,
        on_changes: Callable[[Changes], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx, self.page, self.person_id = ctx, page, person_id
        # A tool's outcome goes on the window's channel: every panel of this client
        # (this one included) and every area refresh from there.
        self.on_changes = on_changes or ctx.changes.publisher(self, (person_id,))
        self.spec = grids.grid(page.grid)
        empty = texts.NO_ROWS
        model_class = InvoiceTableModel if page.grid in _OVERDUE_IN_RED else PagedTableModel
        self.model = model_class(self.spec.columns, ctx.fetcher(page.grid, person_id), parent=self)
        self.grid = GridView(
            self.model, grid_id=page.grid, settings=ctx.settings, empty_text=empty, parent=self
        )
        self.tools = (
            InvoiceTools(self),
            ChargeTools(self),
            ContractTools(self),
            AttachmentTools(self),
            MessageTools(self),
            ClearanceTools(self),
            FiscalTools(self),
        )
        handlers = {"export": self.export, "history": self.history}
        for tools in self.tools:
            handlers.update(tools.handlers(page.grid))
        self.actions = PanelActions(self, page.actions, ctx.actor, handlers)
        self.toolbar = QToolBar(self)
        self.actions.fill_toolbar(self.toolbar)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.grid, 1)
        self.grid.selection_changed.connect(
            lambda: self.actions.update(len(self.grid.selected_rows()))
        )
        self.grid.table.customContextMenuRequested.connect(self._menu)
        if "history" in self.actions.actions:
            self.grid.activated.connect(lambda _id: self.history())
        self.last_operation: Operation | None = None
        self.last_flow: ToolFlow | SimpleFlow | None = None
        self.model.reload()

    # -- what the tool slots use -------------------------------------------------------
    def selected_ids(self) -> list[int]:
        """Ids of the selected rows."""
        return self.grid.selected_ids()

    def read(self, fn: Callable[[], T]) -> T | None:
        """A quick read for a dialog (combo boxes, prefill); None after showing the error."""
        try:
            return fn()
        except Exception as error:
            show_error(self, error)
            return None

    def run_tool(self, key: str, ids: list[int] | None = None, *, title: str | None = None,
                 answered: frozenset[str] = frozenset(), **values: Any) -> ToolFlow:
        """Run the registered tool `key` on the selection (or `ids`); then refresh."""
        chosen = self.selected_ids() if ids is None else ids
        call = ToolCall(self.ctx, key, chosen, values, answered)
        self.last_flow = ToolFlow(
            self, title or call.tool.label, call, on_changes=self.on_changes
        ).start()
        return self.last_flow

    def run_simple(
        self, title: str, fn: Callable[..., Any], changes: Changes, *, confirmable: bool = False
    ) -> SimpleFlow:
        """Run a service that returns a plain value; then refresh (confirmable: see SimpleFlow)."""
        self.last_flow = SimpleFlow(
            self, title, fn, changes=changes, on_changes=self.on_changes, confirmable=confirmable
        ).start()
        return self.last_flow

    def last_result(self) -> BatchResult | None:
        """The outcome of the last mass tool (tests and the status bar read it)."""
        flow = self.last_flow
        return flow.result if isinstance(flow, ToolFlow) else None

    def refresh(self) -> None:
        """F5: the same filters, fresh rows."""
        self.model.reload()

    def focus_filters(self) -> None:
        """Ctrl+F."""
        self.grid.focus_filters()

    def _menu(self, pos: QPoint) -> None:
        self.actions.menu(self).popup(self.grid.map_to_global(pos))

    def export(self) -> None:
        """Exportar planilha: visible columns, current filter."""
        self.last_operation = export_view(
            self, self.ctx, self.grid, self.page.grid, self.page.title, self.person_id
        )

    def history(self) -> None:
        """Histórico da fatura of the selected invoice."""
        ids = self.grid.selected_ids() or self.grid.model.ids_for(
            [self.grid.table.currentIndex().row()]
        )
        if not ids:
            return
        invoice_id = ids[0]
        try:
            entries = invoice_history(self.ctx.db.uow(), invoice_id)
        except Exception as error:
            show_error(self, error)
            return
        HistoryDialog.show_for(self, invoice_id, entries, db=self.ctx.db)
