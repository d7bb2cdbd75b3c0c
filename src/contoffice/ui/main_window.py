"""The main window: it only assembles navigation, tabs, menus and the status bar."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QMainWindow,
    QSplitter,
    QTabWidget,
    QWidget,
)

from contoffice.core.text import is_ascii_digits
from contoffice.ui import idle_lock, texts
from contoffice.ui.about import show_about
from contoffice.ui.bank import BankArea
from contoffice.ui.bank import can_open as can_open_bank
from contoffice.ui.billing.area import BillingArea, finder_selection
from contoffice.ui.client.client_tab import ClientTab
from contoffice.ui.context import WindowContext
from contoffice.ui.finder.finder_widget import FinderWidget
from contoffice.ui.fiscal_area import FiscalArea
from contoffice.ui.fiscal_area import can_open as can_open_fiscal
from contoffice.ui.help import action as help_action
from contoffice.ui.messages_area import MessagesArea
from contoffice.ui.messages_area import can_open as can_open_messages
from contoffice.ui.reports_area import ReportsArea
from contoffice.ui.reports_area import can_open as can_open_reports
from contoffice.ui.settings import KEY_ACTIVE_CLIENT, KEY_GEOMETRY, KEY_OPEN_CLIENTS, KEY_STATE
from contoffice.ui.settings_area import SettingsArea, can_open
from contoffice.ui.settings_area.backups_auto import backup_on_close

MAX_RESTORED_CLIENTS = 10


class MainWindow(QMainWindow):
    """Left navigation, central tabs (finder, client panels, areas), menus, status bar."""

    def __init__(self, ctx: WindowContext) -> None:
        super().__init__()
        self.ctx = ctx
        ctx.open_client = self.open_client
        ctx.notify = lambda message: self.statusBar().showMessage(message, 8000)
        self.setWindowTitle(texts.APP_TITLE)
        self.navigation = QListWidget(self)
        self.navigation.setObjectName("navigation")
        self.navigation.addItems(list(texts.NAVIGATION))
        # Configurações only for operators holding a settings.* key, Cobrança bancária
        # only for those who may generate remittances or import returns, Mensagens for
        # those who may read the sent messages or send in mass, Relatórios for those holding
        # a reports.* key.
        self.navigation.item(texts.NAVIGATION.index(texts.SETTINGS_AREA)).setHidden(
            not can_open(ctx.actor))
        self.navigation.item(texts.NAVIGATION.index(texts.BANK_AREA)).setHidden(
            not can_open_bank(ctx.actor))
        self.navigation.item(texts.NAVIGATION.index(texts.MESSAGES_AREA)).setHidden(
            not can_open_messages(ctx.actor))
        self.navigation.item(texts.NAVIGATION.index(texts.FISCAL_AREA)).setHidden(
            not can_open_fiscal(ctx.actor))
        self.navigation.item(texts.NAVIGATION.index(texts.REPORTS_AREA)).setHidden(
            not can_open_reports(ctx.actor))
        self.navigation.setFixedWidth(180)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("tabs")
        self.tabs.setTabsClosable(True)
        self.tabs.setMovable(True)
        self.tabs.tabCloseRequested.connect(self.close_tab)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.navigation)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(1, 1)
        splitter.setCollapsible(0, False)
        splitter.setSizes([180, 1100])
        self.setCentralWidget(splitter)
        self.finder = FinderWidget(ctx, self.tabs)
        self.areas: dict[str, QWidget] = {texts.NAVIGATION[0]: self.finder}
        self.clients: dict[int, ClientTab] = {}
        self.navigation.currentRowChanged.connect(self.show_area)
        self._menus()
        self.idle_lock = idle_lock.install(self, ctx)
        self.statusBar().addPermanentWidget(QLabel(texts.OPERATOR.format(name=ctx.actor.name)))
        self.statusBar().addPermanentWidget(QLabel(texts.DATABASE.format(
            backend=ctx.db.backend)))
        self.navigation.setCurrentRow(0)
        self.resize(1280, 800)
        self._restore()

    def _menus(self) -> None:
        bar = self.menuBar()

        def add(menu: Any, text: str, shortcut: QKeySequence | str | None, slot: Any,
                name: str) -> QAction:
            action = QAction(text, self)
            action.setObjectName(name)
            if shortcut is not None:
                action.setShortcut(QKeySequence(shortcut))
            action.triggered.connect(slot)
            menu.addAction(action)
            return action

        file_menu = bar.addMenu(texts.MENU_FILE)
        add(file_menu, texts.QUIT, QKeySequence.StandardKey.Quit, self.close, "action_quit")
        view = bar.addMenu(texts.MENU_VIEW)
        self.refresh_action = add(view, texts.REFRESH, "F5", self.refresh, "action_refresh")
        self.filter_action = add(view, texts.FOCUS_FILTER, "Ctrl+F", self.focus_filters,
                                 "action_filter")
        window = bar.addMenu(texts.MENU_WINDOW)
        self.close_action = add(window, texts.CLOSE_TAB, "Ctrl+W",
                                lambda: self.close_tab(self.tabs.currentIndex()),
                                "action_close_tab")
        help_menu = bar.addMenu(texts.MENU_HELP)
        # Acessar ajuda (F1): the manual at the panel shown; its button sits beside the tabs.
        self.help_action = help_action.install(self, help_menu, self.tabs)
        add(help_menu, texts.ABOUT, None,
            lambda: show_about(self, self.ctx), "action_about")

    def show_area(self, row: int) -> None:
        """Open (or bring forward) the tab of a navigation entry."""
        if not 0 <= row < len(texts.NAVIGATION):
            return
        name = texts.NAVIGATION[row]
        widget = self.areas.get(name)
        if widget is None and name == texts.BILLING_AREA:
            widget = BillingArea(self.ctx, finder_selection(self.finder), self.tabs)
            self.areas[name] = widget
        if widget is None and name == texts.BANK_AREA and can_open_bank(self.ctx.actor):
            widget = BankArea(self.ctx, self.tabs)
            self.areas[name] = widget
        if widget is None and name == texts.MESSAGES_AREA and can_open_messages(self.ctx.actor):
            widget = MessagesArea(self.ctx, finder_selection(self.finder), self.tabs)
            self.areas[name] = widget
        if widget is None and name == texts.FISCAL_AREA and can_open_fiscal(self.ctx.actor):
            widget = FiscalArea(self.ctx, self.tabs)
            self.areas[name] = widget
        if widget is None and name == texts.REPORTS_AREA and can_open_reports(self.ctx.actor):
            widget = ReportsArea(self.ctx, self.tabs)
            self.areas[name] = widget
        if widget is None and name == texts.SETTINGS_AREA and can_open(self.ctx.actor):
            widget = SettingsArea(self.ctx, self.tabs)
            self.areas[name] = widget
        if widget is None:  # a hidden area (no permission for it): nothing to open
            return
        if self.tabs.indexOf(widget) < 0:
            self.tabs.addTab(widget, name)
        self.tabs.setCurrentWidget(widget)

    def open_client(self, person_id: int) -> ClientTab:
        """The client's panel as a tab (one per client)."""
        tab = self.clients.get(person_id)
        if tab is None:
            tab = ClientTab(self.ctx, person_id, self.tabs)
            self.clients[person_id] = tab
            self.tabs.addTab(tab, tab.title)
            tab.retitled.connect(lambda title, tab=tab: self._retitle(tab, title))
        self.tabs.setCurrentWidget(tab)
        return tab

    def _retitle(self, tab: ClientTab, title: str) -> None:
        index = self.tabs.indexOf(tab)
        if index >= 0:
            self.tabs.setTabText(index, title)

    def close_tab(self, index: int) -> None:
        """Ctrl+W: close a tab (the finder only hides; the navigation reopens it)."""
        widget = self.tabs.widget(index)
        if widget is None:
            return
        if isinstance(widget, ClientTab):
            widget.save_state()
            self.clients.pop(widget.person_id, None)
            self.tabs.removeTab(index)
            widget.deleteLater()
        else:
            self.tabs.removeTab(index)

    def open_client_ids(self) -> list[int]:
        """The clients whose tabs are open, in the order the tabs stand."""
        tabs = (self.tabs.widget(i) for i in range(self.tabs.count()))
        return [tab.person_id for tab in tabs if isinstance(tab, ClientTab)]

    def refresh(self) -> None:
        """F5 on the tab shown."""
        widget = self.tabs.currentWidget()
        if hasattr(widget, "refresh"):
            widget.refresh()

    def focus_filters(self) -> None:
        """Ctrl+F on the tab shown."""
        widget = self.tabs.currentWidget()
        if hasattr(widget, "focus_filters"):
            widget.focus_filters()

    def _restore(self) -> None:
        settings = self.ctx.settings
        geometry = settings.bytes_value(KEY_GEOMETRY)
        if geometry is not None:
            self.restoreGeometry(geometry)
        state = settings.bytes_value(KEY_STATE)
        if state is not None:
            self.restoreState(state)
        for value in settings.list_value(KEY_OPEN_CLIENTS)[:MAX_RESTORED_CLIENTS]:
            if is_ascii_digits(value):
                self.open_client(int(value))
        # The tab the clerk left in front comes back in front (the finder when it was no
        # client's, or when that client's tab could not be restored).
        active = settings.int_value(KEY_ACTIVE_CLIENT, 0)
        self.tabs.setCurrentWidget(self.clients.get(active, self.finder))

    def closeEvent(self, event: QCloseEvent) -> None:
        backup_on_close(self, self.ctx)  # "ao fechar" in Cópias de segurança
        settings = self.ctx.settings
        settings.set_bytes(KEY_GEOMETRY, self.saveGeometry())
        settings.set_bytes(KEY_STATE, self.saveState())
        settings.set_list(KEY_OPEN_CLIENTS, [str(p) for p in self.open_client_ids()])
        current = self.tabs.currentWidget()
        settings.set_int(KEY_ACTIVE_CLIENT,
                         current.person_id if isinstance(current, ClientTab) else 0)
        self.finder.save_state()
        for tab in self.clients.values():
            tab.save_state()
        settings.sync()
        super().closeEvent(event)
