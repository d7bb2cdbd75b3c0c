"""One dialog while the database is unreachable, however many grids and tools notice it."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from contoffice.ui import texts

_box: QMessageBox | None = None


def notify_unavailable(parent: QWidget | None, message: str) -> QMessageBox:
    """Show (or update) the single "banco de dados indisponível" dialog; never blocks."""
    global _box
    if _box is not None and _box.isVisible():
        _box.setText(message)
        return _box
    _box = QMessageBox(
        QMessageBox.Icon.Warning,
        texts.DATABASE_DOWN_TITLE,
        message,
        QMessageBox.StandardButton.Ok,
        parent.window() if parent else None,
    )
    _box.setObjectName("database_down_box")
    _box.open()  # window-modal, not exec(): the event loop and the other widgets go on
    return _box


def current_box() -> QMessageBox | None:
    """The dialog if it is showing (tests read it)."""
    return _box if _box is not None and _box.isVisible() else None
