"""Fiscal: a competência's invoices without a note (Simular, Gerar notas) and its notes."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from contoffice.core.paging import Page, PageRequest
from contoffice.services.kernel.permissions import Actor
from contoffice.services.kernel.results import Changes
from contoffice.services.kernel.toolbox_fiscal import GENERATE, PRINT
from contoffice.services.panels import grids
from contoffice.ui import texts
from contoffice.ui.context import WindowContext
from contoffice.ui.fiscal_area import labels as t
from contoffice.ui.fiscal_area.batch import BatchPanel
from contoffice.ui.models.table_model import PagedTableModel
from contoffice.ui.widgets.grid_view import GridView


def can_open(actor: Actor) -> bool:
    """Whether the operator may issue notes or see them (else the entry is hidden)."""
    return actor.can(GENERATE) or actor.can(PRINT)


def _month(today: date) -> date:
    """The competência billed last: the previous month."""
    first = today.replace(day=1)
    return first.replace(year=first.year - 1, month=12) if first.month == 1 else first.replace(
        month=first.month - 1)


class FiscalArea(QWidget):
    """The navigation's Fiscal entry: the competência, its pending invoices and its notes."""

    def __init__(self, ctx: WindowContext, parent: QWidget | None = None, *,
                 today: date | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("fiscal_area")
        self.ctx = ctx
        self.competence = _month(today or date.today())
        self.competence_edit = QDateEdit(self)
        self.competence_edit.setObjectName("competence_edit")
        self.competence_edit.setDisplayFormat("MM/yyyy")
        self.competence_edit.setCalendarPopup(True)
        self.competence_edit.setDate(QDate(self.competence.year, self.competence.month, 1))
        self.competence_edit.dateChanged.connect(self._competence_changed)
        self.pending_model = PagedTableModel(grids.grid(t.PENDING_GRID).columns,
                                             self._fetcher(t.PENDING_GRID), parent=self)
        self.pending_grid = GridView(self.pending_model, grid_id=t.PENDING_GRID,
                                     settings=ctx.settings, empty_text=texts.NO_ROWS,
                                     parent=self)
        self.issued_model = PagedTableModel(grids.grid(t.ISSUED_GRID).columns,
                                            self._fetcher(t.ISSUED_GRID), parent=self)
        self.issued_grid = GridView(self.issued_model, grid_id=t.ISSUED_GRID,
                                    settings=ctx.settings, empty_text=texts.NO_ROWS, parent=self)
        self.batch = BatchPanel(ctx, lambda: self.competence, self)
        self.batch.setVisible(ctx.actor.can(GENERATE))
        pending = QWidget(self)
        pending_layout = QVBoxLayout(pending)
        pending_layout.setContentsMargins(0, 0, 0, 0)
        pending_layout.addWidget(self.pending_grid, 2)
        pending_layout.addWidget(self.batch, 1)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("fiscal_tabs")
        self.tabs.addTab(pending, t.PENDING_TAB)
        self.tabs.addTab(self.issued_grid, t.ISSUED_TAB)
        top = QHBoxLayout()
        top.addWidget(QLabel(t.COMPETENCE, self))
        top.addWidget(self.competence_edit)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        self._loaded = False
        # Notes generated, cancelled or annulled in a client panel (or here) change both lists.
        self.subscription = ctx.changes.subscribe(self, self.apply_changes)

    def _fetcher(self, key: str) -> Any:
        db = self.ctx.db

        def fetch(request: PageRequest) -> Page[Any]:
            filters = {**request.filters, "competence_is": self.competence}
            return grids.fetch_page(db.uow(), key, PageRequest(filters, request.sort,
                                                              request.offset, request.limit))

        return fetch

    def _competence_changed(self, value: QDate) -> None:
        self.competence = date(value.year(), value.month(), 1)
        self.batch.reset()
        self.refresh()

    def apply_changes(self, changes: Changes) -> None:
        """Notes or invoices changed somewhere in the window: both lists may differ."""
        if self._loaded and (changes.fiscal or changes.invoices):
            self.refresh()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if not self._loaded:  # queried when first shown
            self.refresh()

    def refresh(self) -> None:
        """F5: both lists of the competência."""
        self._loaded = True
        self.pending_model.reload()
        self.issued_model.reload()

    def focus_filters(self) -> None:
        """Ctrl+F on the list shown."""
        grid = self.pending_grid if self.tabs.currentIndex() == 0 else self.issued_grid
        grid.focus_filters()
