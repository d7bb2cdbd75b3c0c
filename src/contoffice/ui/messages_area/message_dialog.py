"""Abrir mensagem: one message as it was queued and what became of it (read-only)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from contoffice.services.panels import grids
from contoffice.ui.messages_area import labels as t

# (row attribute, caption) in the order the dialog shows them; the body goes below.
FIELDS = (("when", t.WHEN), ("channel", "Canal"), ("client", t.CLIENT),
          ("destination", t.DESTINATION), ("copies", t.COPIES), ("subject", t.SUBJECT),
          ("attachments", t.ATTACHMENTS), ("status", t.STATUS), ("error", t.ERROR))
# Dates, channels and states as the grid shows them.
_COLUMNS = {c.key: c for c in grids.grid(t.SENT_GRID).columns}


def shown(row: Any, key: str) -> str:
    """A field of the grid's row in the clerk's words ("—" when empty)."""
    value, column = getattr(row, key, None), _COLUMNS.get(key)
    if column is not None:
        return column.display(value) or t.NONE
    return str(value or "") or t.NONE  # a field the grid has no column for (copies)


class MessageDialog(QDialog):
    """Date, channel, client, destination, copies, subject, attachments, status, body."""

    def __init__(self, parent: QWidget | None, row: Any, body: str) -> None:
        super().__init__(parent)
        self.setObjectName("message_dialog")
        self.setWindowTitle(t.MESSAGE_TITLE.format(code=row.id))
        self.setMinimumSize(560, 480)
        form = QFormLayout()
        self.values: dict[str, QLabel] = {}
        for key, caption in FIELDS:
            label = QLabel(shown(row, key), self)
            label.setObjectName(f"{key}_value")
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.values[key] = label
            form.addRow(caption, label)
        self.body_view = QPlainTextEdit(body, self)
        self.body_view.setObjectName("body_view")
        self.body_view.setReadOnly(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(t.CLOSE)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(t.BODY, self))
        layout.addWidget(self.body_view, 1)
        layout.addWidget(buttons)

    def texts(self) -> dict[str, str]:
        """What the dialog shows, field by field (tests read it)."""
        return {key: label.text() for key, label in self.values.items()} | {
            "body": self.body_view.toPlainText()}
