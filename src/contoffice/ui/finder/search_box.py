"""The finder's one search box: a name, trade name, CPF/CNPJ, e-mail or phone, by any part."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QLineEdit, QWidget

PLACEHOLDER = "Pesquisar: nome, nome fantasia, CPF/CNPJ, e-mail ou telefone  (Ctrl+F)"
TOOLTIP = ("Qualquer parte do nome, do nome fantasia, do CPF/CNPJ (com ou sem pontuação), "
           "do e-mail ou do telefone. ↓ vai para a lista; Enter abre o cadastro quando só "
           "resta um; Esc limpa.")
# Typing pauses this long before the grid asks again: a word typed costs one query, not five.
SEARCH_DELAY_MS = 120


class SearchBox(QLineEdit):
    """Emits the text typed once typing pauses; ↓ and Enter hand the keyboard to the grid."""

    searched = Signal(str)  # the text, stripped, after the pause (or at once on ↓/Enter)
    down_pressed = Signal()
    entered = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("finder_search")
        self.setPlaceholderText(PLACEHOLDER)
        self.setToolTip(TOOLTIP)
        self.setClearButtonEnabled(True)
        self._sent: str | None = None
        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.flush)
        self.textChanged.connect(self._timer.start)

    def flush(self) -> None:
        """Send the text now if it changed since the last search."""
        self._timer.stop()
        text = self.text().strip()
        if text != self._sent:
            self._sent = text
            self.searched.emit(text)

    def keyPressEvent(self, event: Any) -> None:
        key = event.key()
        if key == Qt.Key.Key_Down:
            self.flush()  # the rows the clerk sees are those of what was typed
            self.down_pressed.emit()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.flush()
            self.entered.emit()
        elif key == Qt.Key.Key_Escape and self.text():
            self.clear()
            self.flush()
        else:
            super().keyPressEvent(event)
