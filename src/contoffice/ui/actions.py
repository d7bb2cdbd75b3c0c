"""Tools are declared as ActionSpecs; a panel turns them into QActions for toolbar and menu."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import QApplication, QMenu, QStyle, QToolBar, QWidget

from contoffice.services.kernel.permissions import Actor


@dataclass(frozen=True, slots=True)
class ActionSpec:
    """One tool of a panel, in the seed's words.

    `permission` None means every operator may use it; `handler` None means the
    tool arrives with its capability issue (shown, disabled).
    """

    id: str
    text: str
    icon: QStyle.StandardPixmap | None = None
    shortcut: str | None = None
    needs_selection: bool = True
    multi: bool = True
    permission: str | None = None
    read_only: bool = False


class PanelActions:
    """The QActions of one panel: enabled by permission, availability and selection."""

    def __init__(self, parent: QWidget, specs: Sequence[ActionSpec], actor: Actor,
                 handlers: dict[str, Callable[[], None]]) -> None:
        self.specs = tuple(s for s in specs if s.permission is None or actor.can(s.permission))
        self.actions: dict[str, QAction] = {}
        self._handlers = handlers
        style = QApplication.style()
        for spec in self.specs:
            action = QAction(spec.text, parent)
            action.setObjectName(f"action_{spec.id}")
            action.setToolTip(spec.text)
            if spec.icon is not None:
                action.setIcon(QIcon(style.standardIcon(spec.icon)))
            if spec.shortcut:
                action.setShortcut(QKeySequence(spec.shortcut))
            handler = handlers.get(spec.id)
            if handler is not None:
                action.triggered.connect(handler)
            self.actions[spec.id] = action
        self.update(0)

    def update(self, selected: int) -> None:
        """Enable what the current selection allows."""
        for spec in self.specs:
            available = spec.id in self._handlers
            if spec.needs_selection:
                available = available and (selected == 1 or (spec.multi and selected > 1))
            self.actions[spec.id].setEnabled(available)

    def fill_toolbar(self, toolbar: QToolBar) -> None:
        """Every action, in declaration order, with its caption beside its icon."""
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for action in self.actions.values():
            toolbar.addAction(action)

    def menu(self, parent: QWidget) -> QMenu:
        """The context menu: the same actions as the toolbar."""
        menu = QMenu(parent)
        for action in self.actions.values():
            menu.addAction(action)
        return menu
