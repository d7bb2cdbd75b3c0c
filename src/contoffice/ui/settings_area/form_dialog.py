"""A settings form in its own dialog: Salvar hands it to a service, Cancelar leaves it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from contoffice.errors import ContofficeError, InvalidInput
from contoffice.ui.operations import show_error
from contoffice.ui.settings_area import sending_texts as t
from contoffice.ui.settings_area.form_fields import FieldForm


class FormDialog(QDialog):
    """A form with Salvar and Cancelar; Salvar calls `save`, a refusal shows at its field."""

    def __init__(self, parent: QWidget, title: str, form: FieldForm,
                 save: Callable[[], int]) -> None:
        super().__init__(parent)
        self.setObjectName("record_dialog")
        self.setWindowTitle(title)
        self.setMinimumWidth(520)
        self.form, self._save = form, save
        self.saved_id: int | None = None
        self.save_button = QPushButton(t.SAVE, self)
        self.save_button.setObjectName("save_button")
        self.save_button.setDefault(True)
        self.cancel_button = QPushButton(t.CANCEL, self)
        self.cancel_button.setObjectName("cancel_button")
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(form)
        layout.addLayout(buttons)
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.reject)

    def save(self) -> None:
        """Salvar: closes only when the service took it."""
        try:
            self.saved_id = self._save()
        except InvalidInput as error:
            self.form.show_error(error)
            return
        except ContofficeError as error:
            show_error(self, error)
            return
        self.accept()
