"""A form whose rows carry their own error line, so a refusal shows next to its field."""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping

from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from contoffice.core.validation import ValidationError

ERROR_STYLE = "color: #b3261e;"


def _plain(text: str) -> str:
    """Lower case without accents: services name fields in pt-BR, banking in English."""
    return "".join(
        c for c in unicodedata.normalize("NFD", text.lower()) if unicodedata.category(c) != "Mn"
    ).strip()


class FieldForm(QWidget):
    """Rows of one or more widgets, each row with an error label under it."""

    def __init__(self, parent: QWidget | None, aliases: Mapping[str, str] | None = None) -> None:
        super().__init__(parent)
        self.layout_ = QFormLayout(self)
        self.general_error = QLabel(self)
        self.general_error.setObjectName("general_error")
        self.general_error.setStyleSheet(ERROR_STYLE)
        self.general_error.setWordWrap(True)
        self.general_error.hide()
        self.layout_.addRow(self.general_error)
        self._aliases = {_plain(k): v for k, v in (aliases or {}).items()}
        self._errors: dict[str, QLabel] = {}
        self._rows: dict[str, QWidget] = {}
        self._widgets: dict[str, QWidget] = {}

    def add(self, label: str, widgets: Mapping[str, QWidget], *, compact: bool = False) -> QWidget:
        """A row: its widgets side by side (key → widget) and one error line for them.

        `compact` keeps every widget at its natural width (a row of check boxes).
        """
        row = QWidget(self)
        # Rows never take the spare height: the form stays packed at the top.
        row.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        outer = QVBoxLayout(row)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(1)
        line = QHBoxLayout()
        error = QLabel(row)
        error.setStyleSheet(ERROR_STYLE)
        error.setWordWrap(True)
        error.hide()
        for index, (key, widget) in enumerate(widgets.items()):
            widget.setObjectName(f"{key}_edit")
            line.addWidget(widget, 0 if index or compact else 1)  # the DV boxes stay narrow
            error.setObjectName(f"{key}_error")
            self._errors[key], self._rows[key], self._widgets[key] = error, row, widget
            self._aliases.setdefault(_plain(key), key)
            self._aliases.setdefault(_plain(label), key)
        if compact:
            line.addStretch(1)
        outer.addLayout(line)
        outer.addWidget(error)
        self.layout_.addRow(label, row)
        return row

    def set_row_visible(self, key: str, visible: bool) -> None:
        """Show or hide the row holding `key` (fields a bank does not use)."""
        self.layout_.setRowVisible(self._rows[key], visible)

    def key_for(self, field: str | None) -> str | None:
        """The form key a service's field name refers to."""
        if not field:
            return None
        return self._aliases.get(_plain(field))

    def show_error(self, error: ValidationError | Exception) -> None:
        """Put the message next to its field (or at the top when no field is named)."""
        self.clear_errors()
        key = self.key_for(getattr(error, "field", None))
        message = getattr(error, "message", None) or str(error)
        if key is None:
            self.general_error.setText(message)
            self.general_error.show()
            return
        self._errors[key].setText(message)
        self._errors[key].show()
        self._widgets[key].setFocus()

    def error_of(self, key: str) -> str:
        """The message shown next to a field ("" when none)."""
        label = self._errors[key]
        return label.text() if not label.isHidden() else ""

    def clear_errors(self) -> None:
        """Hide every error line."""
        self.general_error.hide()
        for label in set(self._errors.values()):
            label.hide()
