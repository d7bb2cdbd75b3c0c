"""Buscar CEP: the address a CEP names, asked on a worker and said beside the field.

Shared by the wizard's office step and the person form: the owner connects `found` and
fills its own fields; whatever goes wrong, the clerk keeps typing the address by hand.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from contoffice.core.postal import normalize_cep, validate_cep
from contoffice.core.validation import ValidationError
from contoffice.services.admin import cep_lookup
from contoffice.ui.first_run import labels as t
from contoffice.ui.operations import Operation, error_text


class CepSearch(QObject):
    """The "Buscar CEP" button of a CEP field; `found(Address)` when the service answers."""

    found = Signal(object)

    def __init__(self, parent: QWidget, cep_edit: QLineEdit, *, on_leave: bool = True) -> None:
        super().__init__(parent)
        self._parent, self.cep_edit = parent, cep_edit
        self.button = QPushButton(t.CEP_SEARCH, parent)
        self.button.setObjectName("cep_search_button")
        self.button.setToolTip(t.CEP_SEARCH_HINT)
        self.status = QLabel(parent)
        self.status.setObjectName("cep_status")
        self.status.setWordWrap(True)
        self.status.hide()  # no empty row under the field until there is something to say
        self.row = QWidget(parent)  # the CEP field and its button, as one form row
        layout = QHBoxLayout(self.row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(cep_edit, 1)
        layout.addWidget(self.button)
        self.operation: Operation | None = None
        self._edited = False
        self.button.clicked.connect(self.search)
        if on_leave:  # also when the clerk leaves a CEP just typed, not only on the button
            cep_edit.textEdited.connect(self._mark_edited)
            cep_edit.editingFinished.connect(self._typed)

    def search(self) -> bool:
        """Ask the service for the CEP typed; False when it is malformed or already asked."""
        try:
            cep = validate_cep(self.cep_edit.text(), t.CEP)
        except ValidationError as error:
            self._say(error.message)
            return False
        operation = Operation(self._parent, lambda _progress: cep_lookup.lookup(cep),
                              title=t.CEP_SEARCH)
        operation.on_success(self._found).on_error(self._failed)
        if not operation.run():
            return False
        self._edited = False
        self.operation = operation
        self._say(t.CEP_SEARCHING)
        return True

    def _mark_edited(self, _text: str) -> None:
        self._edited = True

    def _typed(self) -> None:
        # Leaving the field looks up a complete CEP once, not again on every focus change.
        digits = normalize_cep(self.cep_edit.text())
        if self._edited and len(digits) == 8 and digits.isascii() and digits.isdigit():
            self.search()

    def _found(self, address: cep_lookup.Address) -> None:
        self._say(t.CEP_FOUND)
        self.found.emit(address)

    def _failed(self, error: BaseException) -> None:
        self._say(error_text(error))

    def _say(self, text: str) -> None:
        self.status.setText(text)
        self.status.setVisible(bool(text))
