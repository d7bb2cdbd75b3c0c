"""The Clientes tab: the five finder panels, the last one used reopened per operator."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QWidget

from contoffice.ui.context import WindowContext
from contoffice.ui.finder.advanced_panel import AdvancedPanel
from contoffice.ui.finder.list_panel import ListPanel, PeopleGridPanel
from contoffice.ui.finder.pivot_panel import PivotPanel
from contoffice.ui.settings import KEY_FINDER_PANEL

PANEL_TITLES = ("Últimos 1000 novos cadastros ativos", "Cadastros ativos", "Cadastros inativos",
                "Informações sintéticas", "Pesquisa avançada")


class FinderWidget(QTabWidget):
    """Five panels in the seed's order; each queries on its first show."""

    def __init__(self, ctx: WindowContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("finder")
        self.ctx = ctx
        self.latest = ListPanel(ctx, "finder.latest", self, fees=True)
        self.active = ListPanel(ctx, "finder.active", self, fees=True)
        self.inactive = ListPanel(ctx, "finder.inactive", self)
        self.pivot = PivotPanel(ctx, self)
        self.advanced = AdvancedPanel(ctx, self)
        panels = (self.latest, self.active, self.inactive, self.pivot, self.advanced)
        for panel, title in zip(panels, PANEL_TITLES, strict=True):
            self.addTab(panel, title)
        self.setCurrentIndex(ctx.settings.int_value(KEY_FINDER_PANEL, 0))
        self.currentChanged.connect(lambda i: ctx.settings.set_int(KEY_FINDER_PANEL, i))

    def refresh(self) -> None:
        """F5 on the panel shown."""
        self.currentWidget().refresh()  # type: ignore[attr-defined]

    def focus_filters(self) -> None:
        """Ctrl+F on the panel shown."""
        self.currentWidget().focus_filters()  # type: ignore[attr-defined]

    def save_state(self) -> None:
        """Column layout of every list grid."""
        for panel in (self.latest, self.active, self.inactive, self.advanced):
            assert isinstance(panel, PeopleGridPanel)
            panel.grid.save_state()
