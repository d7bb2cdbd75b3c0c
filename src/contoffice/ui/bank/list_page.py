"""A Cobrança bancária page: the registry's toolbar over a grid of a service's short list."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QToolBar, QVBoxLayout, QWidget

from contoffice.core.grids import ColumnSpec
from contoffice.core.paging import Page, PageRequest
from contoffice.core.text import fold
from contoffice.services.kernel.results import Changes
from contoffice.services.kernel.toolbox import REGISTRY
from contoffice.ui.actions import PanelActions
from contoffice.ui.client.pages import tool_action
from contoffice.ui.context import WindowContext
from contoffice.ui.models.table_model import PagedTableModel
from contoffice.ui.operations import Operation
from contoffice.ui.widgets.grid_view import GridView


class ListSource:
    """The grid's fetch over a list a service returns whole (remittances and returns are few).

    The first page re-reads the list; the filters and the sort work on it in memory.
    """

    def __init__(self, columns: Sequence[ColumnSpec], load: Callable[[], list[Any]]) -> None:
        self.columns = {c.key: c for c in columns}
        self._load = load
        self.rows: list[Any] | None = None

    def __call__(self, request: PageRequest) -> Page[Any]:
        if request.offset == 0 or self.rows is None:
            self.rows = self._load()
        rows = [r for r in self.rows if self._matches(r, request.filters)]
        for sort in reversed(request.sort):
            rows.sort(key=lambda r, k=sort.key: _sort_key(getattr(r, k, None)),
                      reverse=sort.descending)
        return Page(rows[request.offset:request.offset + request.limit], len(rows),
                    request.offset)

    def _matches(self, row: Any, filters: Any) -> bool:
        for key, text in filters.items():
            column = self.columns.get(key)
            if column is None:
                continue
            if fold(str(text)) not in fold(column.display(getattr(row, key, None))):
                return False
        return True


def _sort_key(value: Any) -> tuple[bool, Any]:
    """Empty values last, whatever their type."""
    return (value is None, value if value is not None else 0)


class ListPage(QWidget):
    """Toolbar and context menu from REGISTRY.on_page(grid), the grid, F5, the change channel."""

    def __init__(self, ctx: WindowContext, grid: str, columns: Sequence[ColumnSpec],
                 load: Callable[[], list[Any]], handlers: dict[str, Callable[[], None]],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.grid_id = ctx, grid
        self.source = ListSource(columns, load)
        self.model = PagedTableModel(columns, self.source, parent=self)
        self.grid = GridView(self.model, grid_id=grid, settings=ctx.settings, parent=self)
        specs = tuple(tool_action(tool) for tool in REGISTRY.on_page(grid))
        self.actions = PanelActions(self, specs, ctx.actor, handlers)
        self.toolbar = QToolBar(self)
        self.actions.fill_toolbar(self.toolbar)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.grid, 1)
        self.grid.selection_changed.connect(
            lambda: self.actions.update(len(self.grid.selected_rows())))
        self.grid.table.customContextMenuRequested.connect(self._menu)
        self.last_operation: Operation | None = None
        self.last_flow: Any = None  # the last tool flow (a ToolFlow or a page's own flow)
        self._loaded = False
        # Our own jobs publish with this page as initiator: it refreshes at once.
        self.subscription = ctx.changes.subscribe(self, self.apply_changes)

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if not self._loaded:  # queried when first shown
            self.refresh()

    def refresh(self) -> None:
        """F5: the list read again, the same filters and selection."""
        self._loaded = True
        self.model.reload()

    def focus_filters(self) -> None:
        """Ctrl+F."""
        self.grid.focus_filters()

    def selected_ids(self) -> list[int]:
        """Ids of the selected rows."""
        return self.grid.selected_ids()

    def selected_rows(self) -> list[Any]:
        """The selected row objects."""
        return [row for r in self.grid.selected_rows()
                if (row := self.model.row_at(r)) is not None]

    def publish(self, changes: Changes) -> None:
        """Tell the window (open client panels, this page) what a job changed."""
        self.ctx.changes.publish(changes, self)

    def apply_changes(self, changes: Changes) -> None:
        """Invoices changed (here or elsewhere): the list may say something new."""
        if self._loaded and (changes.invoices or changes.settlements):
            self.refresh()

    def _menu(self, pos: QPoint) -> None:
        self.actions.menu(self).popup(self.grid.map_to_global(pos))
