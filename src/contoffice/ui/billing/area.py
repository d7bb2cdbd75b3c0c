"""Faturamento: the billing run and the cancellation manager, one tab each; batch clearances."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QPushButton, QTabWidget, QWidget

from contoffice.ui.billing import clearance_labels
from contoffice.ui.billing.cancellations import CancellationsPanel
from contoffice.ui.billing.clearance_batch import (
    PERMISSION,
    ClearanceBatchDialog,
    open_clearance_batch,
)
from contoffice.ui.billing.run_panel import RunPanel
from contoffice.ui.context import WindowContext
from contoffice.ui.dialogs import labels as t


def finder_selection(finder: QTabWidget) -> Callable[[], list[int]]:
    """The people selected in the finder panel shown (none when it has no grid)."""

    def selected() -> list[int]:
        grid = getattr(finder.currentWidget(), "grid", None)
        return list(grid.selected_ids()) if grid is not None else []

    return selected


class BillingArea(QTabWidget):
    """The navigation's Faturamento entry."""

    def __init__(
        self,
        ctx: WindowContext,
        selected_people: Callable[[], list[int]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("billing_area")
        self.run_panel = RunPanel(ctx, selected_people, self)
        self.cancellations = CancellationsPanel(ctx, self)
        self.addTab(self.run_panel, t.RUN_TAB)
        self.addTab(self.cancellations, t.CANCELLATIONS_TAB)
        self.clearance_dialog: ClearanceBatchDialog | None = None
        self.clearance_button: QPushButton | None = None
        if ctx.actor.can(PERMISSION):  # hidden, not greyed, for an operator without it
            self.clearance_button = QPushButton(clearance_labels.BUTTON, self)
            self.clearance_button.setObjectName("clearance_batch_button")
            self.clearance_button.clicked.connect(lambda: self.open_clearances(ctx))
            self.setCornerWidget(self.clearance_button)

    def open_clearances(self, ctx: WindowContext) -> ClearanceBatchDialog | None:
        """Negativas de débito em lote: the dialog (one at a time, brought forward)."""
        if self.clearance_dialog is not None and self.clearance_dialog.isVisible():
            self.clearance_dialog.raise_()
            self.clearance_dialog.activateWindow()
            return self.clearance_dialog
        self.clearance_dialog = open_clearance_batch(self, ctx)
        return self.clearance_dialog

    def refresh(self) -> None:
        """F5: the cancellation list (the run panel has nothing to reload)."""
        self.cancellations.refresh()
