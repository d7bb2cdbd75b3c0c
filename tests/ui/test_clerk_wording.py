"""A screen speaks to the clerk: no developer words anywhere the clerk can read.

Walks every widget (and action) of the main window with a client's tab open on
each of its pages, the Faturamento area and the Configurações area, and reads
every text, tooltip, placeholder, tab caption, list item and column header.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMenu,
    QPlainTextEdit,
    QTabBar,
    QTableView,
    QWidget,
)

from contoffice.db.uow import Database
from contoffice.services.kernel.permissions import Actor
from contoffice.ui import texts
from contoffice.ui.client.client_tab import ClientTab
from contoffice.ui.client.pages import PAGES
from contoffice.ui.context import WindowContext
from contoffice.ui.main_window import MainWindow
from contoffice.ui.settings import DeskSettings

# Case-insensitive phrases, and English words matched whole ("TODO" only in capitals:
# "todos" is Portuguese).
_PHRASES = ("entrega", "próximas entregas", "chega com", "not implemented")
_WORDS = re.compile(r"\b(issue|issues|stub|stubs|delivery)\b", re.IGNORECASE)
_TODO = re.compile(r"\bTODO\b")


def developer_words(text: str) -> list[str]:
    """The developer words found in a text."""
    lowered = text.lower()
    found = [p for p in _PHRASES if p in lowered]
    found += [m.group(0) for m in _WORDS.finditer(text)]
    found += [m.group(0) for m in _TODO.finditer(text)]
    return found


def _headers(model: QAbstractItemModel | None) -> Iterator[str]:
    if model is None:
        return
    for section in range(model.columnCount()):
        for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            value = model.headerData(section, Qt.Orientation.Horizontal, role)
            if isinstance(value, str):
                yield value


def texts_of(widget: QWidget) -> Iterator[str]:
    """Everything a clerk may read on one widget."""
    yield widget.toolTip()
    yield widget.statusTip()
    yield widget.whatsThis()
    if widget.isWindow():
        yield widget.windowTitle()
    if isinstance(widget, QLabel | QAbstractButton | QLineEdit):
        yield widget.text()
    if isinstance(widget, QLineEdit | QPlainTextEdit):
        yield widget.placeholderText()
    if isinstance(widget, QGroupBox):
        yield widget.title()
    if isinstance(widget, QTabBar):
        for index in range(widget.count()):
            yield widget.tabText(index)
            yield widget.tabToolTip(index)
    if isinstance(widget, QComboBox):
        for index in range(widget.count()):
            yield widget.itemText(index)
    if isinstance(widget, QListWidget):
        for row in range(widget.count()):
            yield widget.item(row).text()
            yield widget.item(row).toolTip()
    if isinstance(widget, QTableView):  # the column headers
        yield from _headers(widget.model())
    if isinstance(widget, QMenu):
        yield widget.title()
    for action in QWidget.actions(widget):  # some widgets name an attribute `actions`
        yield from _action_texts(action)


def _action_texts(action: QAction) -> Iterator[str]:
    yield action.text()
    yield action.toolTip()
    yield action.statusTip()
    menu = action.menu()
    if isinstance(menu, QMenu):
        for inner in menu.actions():
            yield from _action_texts(inner)


def offending(root: QWidget) -> list[str]:
    """'<widget>: <text>' for every readable text of `root` and its children with a dev word."""
    found = []
    for widget in [root, *root.findChildren(QWidget)]:
        for text in texts_of(widget):
            if text and developer_words(text):
                found.append(f"{widget.objectName() or type(widget).__name__}: {text!r}")
    return found


def test_the_words_are_caught() -> None:
    assert developer_words("Esta área chega com as próximas entregas.")
    assert developer_words("sem registros — esta página recebe dados com a entrega de NFS-e.")
    assert developer_words("TODO: ligar") and developer_words("a stub")
    assert not developer_words("Listar todos") and not developer_words("Todos os arquivos")


def test_no_screen_speaks_developer(qtbot: Any, demo_db: Database, demo_actor: Actor,
                                   desk_settings: DeskSettings, featured_id: int) -> None:
    desk_settings.operator = demo_actor.login
    window = MainWindow(WindowContext(demo_db, demo_actor, desk_settings))
    qtbot.addWidget(window)
    window.show()
    tab = window.open_client(featured_id)
    assert isinstance(tab, ClientTab)
    for page in PAGES:  # every page built, its grid loaded
        built = tab.show_page(page.grid)
        qtbot.waitUntil(lambda built=built: bool(built.grid.status.text()), timeout=10_000)
    for row in range(window.navigation.count()):  # Faturamento and Configurações too
        window.navigation.setCurrentRow(row)
    names = {window.tabs.tabText(i) for i in range(window.tabs.count())}
    assert {texts.BILLING_AREA, texts.MESSAGES_AREA, texts.SETTINGS_AREA} <= names
    assert offending(window) == []
    probe = QLabel("Esta área chega com as próximas entregas.", tab)  # the walk reaches it
    probe.setObjectName("probe")
    assert [line.split(":")[0] for line in offending(window)] == ["probe"]


def test_an_empty_grid_says_nenhum_registro(qtbot: Any, demo_db: Database, demo_actor: Actor,
                                           desk_settings: DeskSettings,
                                           featured_id: int) -> None:
    assert texts.NO_ROWS == "Nenhum registro"
    assert texts.NO_MATCH.startswith(texts.NO_ROWS)  # same words, same case
    tab = ClientTab(WindowContext(demo_db, demo_actor, desk_settings), featured_id)
    qtbot.addWidget(tab)
    page = tab.show_page("client.payable")  # the Padaria has nothing to pay
    qtbot.waitUntil(lambda: bool(page.grid.status.text()), timeout=10_000)
    assert page.model.rowCount() == 0
    assert page.grid.status.text() == "Nenhum registro"
