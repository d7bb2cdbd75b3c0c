"""SCENARIOS 2 with the keyboard: Ctrl+F, part of the CNPJ, ↓, Enter opens the client panel."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt

from contoffice.db.uow import Database
from contoffice.services.kernel.permissions import Actor
from contoffice.ui import texts
from contoffice.ui.client.client_tab import ClientTab
from contoffice.ui.context import WindowContext
from contoffice.ui.finder.list_panel import ListPanel
from contoffice.ui.main_window import MainWindow
from contoffice.ui.models.table_model import ID_ROLE
from contoffice.ui.settings import DeskSettings

PADARIA = "Padaria Pão Quente Ltda"


@pytest.fixture
def window(qtbot: Any, demo_db: Database, demo_actor: Actor,
           desk_settings: DeskSettings) -> MainWindow:
    desk_settings.operator = demo_actor.login
    main = MainWindow(WindowContext(demo_db, demo_actor, desk_settings))
    qtbot.addWidget(main)
    main.finder.setCurrentWidget(main.finder.active)  # "Cadastros ativos", as Ana left it
    main.show()
    main.activateWindow()
    qtbot.waitUntil(main.isActiveWindow)
    return main


def _names(panel: ListPanel) -> list[str]:
    return [panel.model.row_at(r).name for r in range(panel.model.rowCount())]


def test_ctrl_f_cnpj_part_down_enter_opens_the_client_panel(
    qtbot: Any, window: MainWindow, featured_id: int
) -> None:
    panel = window.finder.active
    assert panel.model.rowCount() == 0  # modo pesquisa: nothing before a search
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_F,
                   Qt.KeyboardModifier.ControlModifier)
    box = window.finder.search_box
    assert window.focusWidget() is box
    qtbot.keyClicks(box, "12.abc.34")  # the first digits, punctuation, letters in lower case
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1)
    assert _names(panel) == [PADARIA]
    qtbot.keyClick(box, Qt.Key.Key_Down)
    assert window.focusWidget() is panel.grid.table
    assert panel.grid.selected_ids() == [featured_id]
    qtbot.keyClick(panel.grid.table, Qt.Key.Key_Return)
    tab = window.tabs.currentWidget()
    assert isinstance(tab, ClientTab) and tab.person_id == featured_id


def test_the_grid_narrows_as_typed_by_any_part(qtbot: Any, window: MainWindow) -> None:
    panel = window.finder.active
    window.filter_action.trigger()
    box = window.finder.search_box
    qtbot.keyClicks(box, "que")
    qtbot.waitUntil(lambda: panel.model.rowCount() > 0)
    wide = panel.model.rowCount()
    assert PADARIA in _names(panel)
    qtbot.keyClicks(box, "nte ltda")  # "quente ltda": the middle and the end of the name
    qtbot.waitUntil(lambda: panel.model.rowCount() < wide or wide == 1)
    assert _names(panel) == [PADARIA]
    qtbot.keyClick(box, Qt.Key.Key_Escape)  # cleared: back to modo pesquisa
    qtbot.waitUntil(lambda: panel.model.rowCount() == 0)
    assert panel.grid.status.text() == texts.SEARCH_MODE
    qtbot.keyClicks(box, "xyzzy%")
    qtbot.waitUntil(lambda: panel.grid.status.text() == texts.NO_MATCH)


def test_enter_in_the_box_opens_the_one_row_left(
    qtbot: Any, window: MainWindow, featured_id: int
) -> None:
    window.filter_action.trigger()
    qtbot.keyClicks(window.finder.search_box, "pao quente")  # QTest types ASCII only
    qtbot.keyClick(window.finder.search_box, Qt.Key.Key_Return)  # before the pause: searched now
    tab = window.tabs.currentWidget()
    assert isinstance(tab, ClientTab) and tab.person_id == featured_id


def test_enter_with_several_rows_goes_to_the_grid(qtbot: Any, window: MainWindow) -> None:
    panel = window.finder.active
    window.filter_action.trigger()
    qtbot.keyClicks(window.finder.search_box, "ltda")
    qtbot.keyClick(window.finder.search_box, Qt.Key.Key_Return)
    assert panel.model.rowCount() > 1
    assert window.tabs.currentWidget() is window.finder  # nothing opened
    assert window.focusWidget() is panel.grid.table
    first = panel.model.data(panel.model.index(0, 0), ID_ROLE)
    assert panel.grid.selected_ids() == [first]


def test_the_search_follows_the_list_panels(qtbot: Any, window: MainWindow) -> None:
    finder = window.finder
    window.filter_action.trigger()
    finder.search_box.insert("Pão Quente")  # as pasted: accents and capitals
    qtbot.waitUntil(lambda: _names(finder.active) == [PADARIA])
    finder.setCurrentWidget(finder.latest)  # the newest registrations, searched the same way
    assert _names(finder.latest) == [PADARIA]
    finder.setCurrentWidget(finder.inactive)
    assert finder.inactive.model.rowCount() == 0  # the Padaria is active
    finder.setCurrentWidget(finder.pivot)
    finder.search_box.clear()
    qtbot.keyClicks(finder.search_box, "12ABC")  # typed on another panel: Cadastros ativos
    qtbot.waitUntil(lambda: finder.currentWidget() is finder.active)
    qtbot.waitUntil(lambda: _names(finder.active) == [PADARIA])
