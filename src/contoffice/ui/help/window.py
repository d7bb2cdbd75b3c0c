"""The help window: contents and search on the left, the section in a QTextBrowser."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from contoffice.ui.help import manual

TITLE = "Ajuda do contoffice"
TITLED = "Ajuda do contoffice — {title}"
SEARCH = "Buscar na ajuda…"
NOT_FOUND = "Nenhuma seção fala de “{words}”."


class HelpWindow(QWidget):
    """The manual, offline: a section per panel, links between them, search over all."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("help_window")
        self.setWindowTitle(TITLE)
        self.search_edit = QLineEdit(self)
        self.search_edit.setObjectName("help_search")
        self.search_edit.setPlaceholderText(SEARCH)
        self.search_edit.setClearButtonEnabled(True)
        self.contents = QListWidget(self)
        self.contents.setObjectName("help_contents")
        for section in manual.sections():
            item = QListWidgetItem(section.title, self.contents)
            item.setData(Qt.ItemDataRole.UserRole, section.key)
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("help_browser")
        self.browser.setOpenLinks(False)  # section anchors are opened here, the web outside
        self.browser.anchorClicked.connect(self.follow)
        side = QWidget(self)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.search_edit)
        side_layout.addWidget(self.contents, 1)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(side)
        split.addWidget(self.browser)
        split.setStretchFactor(1, 1)
        split.setSizes([320, 720])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(split)
        self.search_edit.textChanged.connect(self.filter)
        self.search_edit.returnPressed.connect(self.open_first)
        self.contents.currentItemChanged.connect(
            lambda item, _old: item is not None and self.show_section(
                str(item.data(Qt.ItemDataRole.UserRole)), from_list=True))
        QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self, self.search_edit.setFocus)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Close), self, self.close)
        self.current = ""
        self.resize(1060, 700)

    def show_section(self, key: str, *, from_list: bool = False) -> bool:
        """Show a section (False when the manual has none by that key)."""
        section = manual.section(key)
        if section is None:
            return False
        self.current = key
        self.browser.setMarkdown(section.text)
        self.setWindowTitle(TITLED.format(title=section.title))
        words = self.search_edit.text().strip()
        if words:  # the first place the searched words appear
            self.browser.find(words)
        if not from_list:
            for row in range(self.contents.count()):
                item = self.contents.item(row)
                if item.data(Qt.ItemDataRole.UserRole) == key:
                    self.contents.blockSignals(True)
                    self.contents.setCurrentItem(item)
                    self.contents.blockSignals(False)
        return True

    def follow(self, url: QUrl) -> None:
        """A link: another section of the manual, or a page outside in the browser."""
        if url.scheme() in ("http", "https", "mailto"):
            QDesktopServices.openUrl(url)
            return
        self.show_section(url.fragment() or url.path())

    def filter(self, words: str) -> None:
        """Only the sections that mention the words stay in the contents."""
        hits = {s.key for s in manual.search(words)}
        for row in range(self.contents.count()):
            item = self.contents.item(row)
            item.setHidden(item.data(Qt.ItemDataRole.UserRole) not in hits)

    def visible_keys(self) -> list[str]:
        """The sections the contents list shows (tests read it)."""
        return [str(self.contents.item(r).data(Qt.ItemDataRole.UserRole))
                for r in range(self.contents.count()) if not self.contents.item(r).isHidden()]

    def open_first(self) -> None:
        """Enter in the search box: the best match."""
        hits = manual.search(self.search_edit.text())
        if hits:
            self.show_section(hits[0].key)
        else:
            self.browser.setMarkdown(NOT_FOUND.format(words=self.search_edit.text().strip()))


_window: HelpWindow | None = None


def open_help(key: str = manual.HOME) -> HelpWindow:
    """The help window (one per application), in front, at section `key`."""
    global _window
    if _window is None or not shiboken6.isValid(_window):
        _window = HelpWindow()
    if not _window.show_section(key):
        _window.show_section(manual.HOME)
    _window.show()
    _window.raise_()
    _window.activateWindow()
    return _window


def shown() -> HelpWindow | None:
    """The help window, if one was opened and still exists."""
    return _window if _window is not None and shiboken6.isValid(_window) else None
