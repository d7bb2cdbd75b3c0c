"""Configurações → Configuração Básica: the office identity printed on boletos and receipts."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from contoffice.core.documents import format_document, normalize_document, validate_cnpj
from contoffice.core.validation import ValidationError
from contoffice.errors import ContofficeError
from contoffice.services import office
from contoffice.ui import texts
from contoffice.ui.context import WindowContext
from contoffice.ui.operations import show_error
from contoffice.ui.settings_area.form_fields import FieldForm

FIELDS = (
    ("name", "Nome do escritório"),
    ("document", "CNPJ"),
    ("address", "Endereço"),
    ("city", "Cidade"),
    ("state", "UF"),
    ("phone", "Telefone"),
    ("site", "Site"),
)


class OfficePage(QWidget):
    """The identity fields and Salvar (office-wide: every desk sees the change)."""

    def __init__(self, ctx: WindowContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("office_page")
        self.form = FieldForm(self)
        self.edits = {key: QLineEdit() for key, _label in FIELDS}
        for key, label in FIELDS:
            self.form.add(label, {key: self.edits[key]})
        self.edits["state"].setMaxLength(2)
        self.status = QLabel(self)
        self.status.setObjectName("status_label")
        self.save_button = QPushButton(texts.SAVE_CHANGES, self)
        self.save_button.setObjectName("save_button")
        self.save_button.clicked.connect(self.save)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.refresh()

    def refresh(self) -> None:
        """Read the identity."""
        try:
            with self.ctx.db.uow() as uow:
                identity = office.identity(uow)
        except ContofficeError as error:
            show_error(self, error)
            return
        for key, _label in FIELDS:
            value = getattr(identity, key)
            self.edits[key].setText(
                format_document(value) if key == "document" and value else value
            )

    def values(self) -> dict[str, str]:
        """The settings to store; a CNPJ is checked as typed (format only)."""
        document = self.edits["document"].text().strip()
        if document:
            validate_cnpj(document)
        values = {f"office.{key}": self.edits[key].text().strip() for key, _l in FIELDS}
        values["office.document"] = normalize_document(document)
        values["office.state"] = values["office.state"].upper()
        return values

    def save(self) -> None:
        """Salvar."""
        self.form.clear_errors()
        try:
            values = self.values()
            with self.ctx.db.uow() as uow:
                office.save_settings(uow, self.ctx.actor, values)
        except ValidationError as error:
            self.form.show_error(error)
            return
        except ContofficeError as error:
            show_error(self, error)
            return
        self.status.setText(texts.SAVED)
