"""Acessar ajuda (F1): the menu entry and the button in the corner of the window's tabs."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QStyle, QTabWidget, QToolButton, QWidget

from contoffice.ui.help.keys import section_for
from contoffice.ui.help.window import HelpWindow, open_help

ACCESS = "Acessar ajuda"  # the seed's tool, on every panel


def open_for(tabs: QTabWidget) -> HelpWindow:
    """The manual at the section of the panel shown in `tabs`."""
    return open_help(section_for(tabs))


def install(window: QWidget, menu: QMenu, tabs: QTabWidget) -> QAction:
    """Add Acessar ajuda (F1) to `menu` and as a button beside `tabs`' tab bar."""
    action = QAction(ACCESS, window)
    action.setObjectName("action_help")
    action.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
    action.setIcon(window.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxQuestion))
    action.setToolTip(f"{ACCESS} (F1)")
    action.triggered.connect(lambda: open_for(tabs))
    menu.addAction(action)
    window.addAction(action)  # F1 even with the menu bar hidden
    button = QToolButton(tabs)
    button.setObjectName("help_button")
    button.setDefaultAction(action)
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    button.setAutoRaise(True)
    tabs.setCornerWidget(button, Qt.Corner.TopRightCorner)
    return action
