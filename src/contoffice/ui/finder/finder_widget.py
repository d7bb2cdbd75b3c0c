"""The Clientes tab: one search box over the five finder panels, the last one used reopened."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QTabWidget, QVBoxLayout, QWidget

from contoffice.ui.context import WindowContext
from contoffice.ui.finder.advanced_panel import AdvancedPanel
from contoffice.ui.finder.list_panel import ListPanel, PeopleGridPanel
from contoffice.ui.finder.pivot_panel import PivotPanel
from contoffice.ui.finder.search_box import SearchBox
from contoffice.ui.settings import KEY_FINDER_PANEL

PANEL_TITLES = ("Últimos 1000 novos cadastros ativos", "Cadastros ativos", "Cadastros inativos",
                "Informações sintéticas", "Pesquisa avançada")
SEARCH_MAX_WIDTH = 560  # room for a long name; wider would only stretch the empty space


class FinderWidget(QWidget):
    """The search box on top (SCENARIOS 2), the five panels in the seed's order below it."""

    def __init__(self, ctx: WindowContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("finder")
        self.ctx = ctx
        self.search_box = SearchBox(self)
        self.search_box.setMaximumWidth(SEARCH_MAX_WIDTH)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("finder_tabs")
        self.latest = ListPanel(ctx, "finder.latest", self, fees=True)
        self.active = ListPanel(ctx, "finder.active", self, fees=True)
        self.inactive = ListPanel(ctx, "finder.inactive", self)
        self.pivot = PivotPanel(ctx, self)
        self.advanced = AdvancedPanel(ctx, self)
        panels = (self.latest, self.active, self.inactive, self.pivot, self.advanced)
        for panel, title in zip(panels, PANEL_TITLES, strict=True):
            self.tabs.addTab(panel, title)
        search_row = QHBoxLayout()
        search_row.setContentsMargins(4, 4, 4, 0)
        search_row.addWidget(self.search_box, 1)
        search_row.addStretch(0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(search_row)
        layout.addWidget(self.tabs, 1)
        self.setCurrentIndex(ctx.settings.int_value(KEY_FINDER_PANEL, 0))
        self.currentChanged.connect(lambda i: ctx.settings.set_int(KEY_FINDER_PANEL, i))
        self.search_box.searched.connect(self._search)
        self.search_box.down_pressed.connect(lambda: self._searched_panel().focus_rows())
        self.search_box.entered.connect(lambda: self._searched_panel().open_only_row())
        self.currentChanged.connect(lambda _i: self._follow_search())

    # The panels' QTabWidget, as the window, the billing area and the tests address it.
    @property
    def currentChanged(self) -> Any:
        """The panel shown changed (its index)."""
        return self.tabs.currentChanged

    def currentWidget(self) -> QWidget:
        """The panel shown."""
        return self.tabs.currentWidget()

    def setCurrentWidget(self, panel: QWidget) -> None:
        """Show a panel."""
        self.tabs.setCurrentWidget(panel)

    def currentIndex(self) -> int:
        """The index of the panel shown."""
        return self.tabs.currentIndex()

    def setCurrentIndex(self, index: int) -> None:
        """Show the panel at `index`."""
        self.tabs.setCurrentIndex(index)

    def refresh(self) -> None:
        """F5 on the panel shown."""
        self.currentWidget().refresh()  # type: ignore[attr-defined]

    def focus_filters(self) -> None:
        """Ctrl+F: the search box."""
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    def _searched_panel(self) -> ListPanel:
        """The list panel shown, else "Cadastros ativos" (brought forward)."""
        panel = self.currentWidget()
        if not isinstance(panel, ListPanel):
            self.setCurrentWidget(self.active)
            return self.active
        return panel

    def _search(self, text: str) -> None:
        if text or isinstance(self.currentWidget(), ListPanel):  # clearing leaves other panels
            self._searched_panel().search(text)

    def _follow_search(self) -> None:
        """Another list panel shown: it lists what the box holds."""
        panel = self.currentWidget()
        if isinstance(panel, ListPanel):
            panel.search(self.search_box.text().strip())

    def save_state(self) -> None:
        """Column layout of every list grid."""
        for panel in (self.latest, self.active, self.inactive, self.advanced):
            assert isinstance(panel, PeopleGridPanel)
            panel.grid.save_state()
