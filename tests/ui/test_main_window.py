"""The main window: navigation, tabs, keyboard, state per operator, fonts, pt-BR."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QLabel

from contoffice.db.uow import Database
from contoffice.services.kernel.permissions import Actor
from contoffice.ui import texts
from contoffice.ui.app import install_pt_br, style
from contoffice.ui.client.client_tab import ClientTab
from contoffice.ui.context import WindowContext
from contoffice.ui.main_window import MainWindow
from contoffice.ui.settings import DeskSettings


def _window(qtbot: Any, db: Database, actor: Actor, settings: DeskSettings) -> MainWindow:
    settings.operator = actor.login
    window = MainWindow(WindowContext(db, actor, settings))
    qtbot.addWidget(window)
    window.show()
    return window


def test_fonts_present(qapp: Any) -> None:
    assert any("DejaVu" in family for family in QFontDatabase.families())


def test_pt_br_and_style(qapp: Any) -> None:
    install_pt_br(qapp)
    style(qapp)
    assert QLocale().name() == "pt_BR"
    assert "navigation" in qapp.styleSheet()  # over Fusion (the sheet hides its name)


def test_navigation_tabs_and_keyboard(qtbot: Any, demo_db: Database, demo_actor: Actor,
                                      desk_settings: DeskSettings, featured_id: int) -> None:
    window = _window(qtbot, demo_db, demo_actor, desk_settings)
    count = window.navigation.count()
    assert [window.navigation.item(i).text() for i in range(count)] == list(texts.NAVIGATION)
    assert list(texts.NAVIGATION) == ["Clientes", "Faturamento", "Cobrança bancária",
                                      "Mensagens", "Fiscal", "Relatórios", "Configurações"]
    assert window.tabs.currentWidget() is window.finder
    window.navigation.setCurrentRow(1)
    assert window.tabs.tabText(window.tabs.currentIndex()) == "Faturamento"
    window.navigation.setCurrentRow(0)
    window.activateWindow()
    window.filter_action.trigger()  # Ctrl+F: the finder's one search box (SCENARIOS 2)
    assert window.focusWidget() is window.finder.search_box
    tab = window.open_client(featured_id)
    assert isinstance(window.tabs.currentWidget(), ClientTab)
    assert window.open_client(featured_id) is tab  # one tab per client
    window.refresh_action.trigger()  # F5
    count = window.tabs.count()
    window.close_action.trigger()  # Ctrl+W
    assert window.tabs.count() == count - 1 and featured_id not in window.clients
    assert window.refresh_action.shortcut().toString() == "F5"
    assert window.close_action.shortcut().toString() == "Ctrl+W"


def test_state_is_restored_per_operator(qtbot: Any, demo_db: Database, demo_actor: Actor,
                                        desk_settings: DeskSettings, featured_id: int) -> None:
    window = _window(qtbot, demo_db, demo_actor, desk_settings)
    window.finder.setCurrentIndex(1)
    window.open_client(featured_id)
    header = window.finder.latest.grid.table.horizontalHeader()
    header.resizeSection(2, 333)
    window.close()
    again = _window(qtbot, demo_db, demo_actor, desk_settings)
    assert again.finder.currentIndex() == 1
    assert featured_id in again.clients
    assert again.finder.latest.grid.table.horizontalHeader().sectionSize(2) == 333


def test_every_navigation_row_opens_its_area(qtbot: Any, demo_db: Database, demo_actor: Actor,
                                             desk_settings: DeskSettings) -> None:
    window = _window(qtbot, demo_db, demo_actor, desk_settings)
    for row, name in enumerate(texts.NAVIGATION):
        window.navigation.setCurrentRow(row)
        shown = window.tabs.currentWidget()
        assert window.tabs.tabText(window.tabs.currentIndex()) == name
        assert not isinstance(shown, QLabel), name  # a real screen, never a placeholder


def test_the_active_client_tab_comes_back(qtbot: Any, demo_db: Database, demo_actor: Actor,
                                          desk_settings: DeskSettings, featured_id: int) -> None:
    window = _window(qtbot, demo_db, demo_actor, desk_settings)
    other = next(i for i in range(1, 50) if i != featured_id)
    first = window.open_client(featured_id)
    window.open_client(other)
    window.tabs.setCurrentWidget(first)  # the clerk went back to the Padaria's tab
    window.close()
    again = _window(qtbot, demo_db, demo_actor, desk_settings)
    assert again.open_client_ids() == [featured_id, other]
    current = again.tabs.currentWidget()
    assert isinstance(current, ClientTab) and current.person_id == featured_id
    again.tabs.setCurrentWidget(again.finder)  # the finder in front: the finder comes back
    again.close()
    third = _window(qtbot, demo_db, demo_actor, desk_settings)
    assert third.tabs.currentWidget() is third.finder and len(third.clients) == 2


def test_enter_in_the_finder_opens_the_client(qtbot: Any, demo_db: Database,
                                              demo_actor: Actor, desk_settings: DeskSettings,
                                              featured_id: int) -> None:
    window = _window(qtbot, demo_db, demo_actor, desk_settings)
    panel = window.finder.latest
    panel.grid.filters.edits[0].setText(str(featured_id))
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1)
    panel.grid.table.setCurrentIndex(panel.model.index(0, 0))
    qtbot.keyClick(panel.grid.table, Qt.Key.Key_Return)
    assert featured_id in window.clients
