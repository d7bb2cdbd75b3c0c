"""Faturamento: the billing run and the cancellation manager, one tab each."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QTabWidget, QWidget

from contoffice.ui.billing.cancellations import CancellationsPanel
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

    def refresh(self) -> None:
        """F5: the cancellation list (the run panel has nothing to reload)."""
        self.cancellations.refresh()
