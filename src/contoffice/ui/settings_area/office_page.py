"""Configurações → Configuração Básica: the office identity, its money bounds, its founding."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from contoffice.core.documents import format_document, normalize_document, validate_cnpj
from contoffice.core.format import format_date, format_decimal_cents, parse_date
from contoffice.core.money import Money
from contoffice.core.validation import ValidationError
from contoffice.errors import ContofficeError
from contoffice.services.admin import office
from contoffice.services.kernel import money_limits
from contoffice.ui import texts
from contoffice.ui.context import WindowContext
from contoffice.ui.first_run import labels as first_run_labels
from contoffice.ui.first_run.reopen import reopen
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
# The bounds every typed amount and date meets (services/money_limits.py).
LIMIT_FIELDS = (
    ("ceiling", money_limits.CEILING_FIELD, money_limits.CEILING_KEY),
    ("confirm", money_limits.CONFIRM_FIELD, money_limits.CONFIRM_KEY),
    ("founded", money_limits.FOUNDED_FIELD, money_limits.FOUNDED_KEY),
)
# Read-only commands of the command line log in too when the office asks (cli/common.py).
LOGIN_FOR_READS = office.LOGIN_FOR_READS


class OfficePage(QWidget):
    """The identity fields and Salvar (office-wide: every desk sees the change)."""

    def __init__(self, ctx: WindowContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("office_page")
        self.form = FieldForm(self, {label: key for key, label, _s in LIMIT_FIELDS})
        self.edits = {key: QLineEdit() for key, _label in FIELDS}
        self.edits.update({key: QLineEdit() for key, _label, _s in LIMIT_FIELDS})
        for key, label in FIELDS:
            self.form.add(label, {key: self.edits[key]})
        for key, label, _setting in LIMIT_FIELDS:
            self.form.add(label, {key: self.edits[key]})
        self.edits["state"].setMaxLength(2)
        self.login_for_reads = QCheckBox(texts.LOGIN_FOR_READS, self)
        self.login_for_reads.setObjectName("login_for_reads_check")
        self.form.add("", {"login_for_reads": self.login_for_reads})
        self.status = QLabel(self)
        self.status.setObjectName("status_label")
        self.save_button = QPushButton(texts.SAVE_CHANGES, self)
        self.save_button.setObjectName("save_button")
        self.save_button.clicked.connect(self.save)
        # The first-run wizard again: the office data, or moving to another database.
        self.wizard_button = QPushButton(first_run_labels.BUTTON, self)
        self.wizard_button.setObjectName("wizard_button")
        self.wizard_button.clicked.connect(self.open_wizard)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.wizard_button)
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
                bounds = money_limits.limits(uow)
                uow_settings = office.settings(uow)
        except ContofficeError as error:
            show_error(self, error)
            return
        self.edits["ceiling"].setText(format_decimal_cents(bounds.ceiling_cents))
        self.edits["confirm"].setText(format_decimal_cents(bounds.confirm_cents))
        self.edits["founded"].setText(format_date(bounds.founded_on))
        self.login_for_reads.setChecked(office.login_for_reads(uow_settings))
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
        values[LOGIN_FOR_READS] = "sim" if self.login_for_reads.isChecked() else "não"
        for key, label, setting in LIMIT_FIELDS:
            text = self.edits[key].text().strip()
            if not text:
                continue  # blank keeps what is stored
            if key == "founded":
                values[setting] = parse_date(text, label).isoformat()
            else:
                values[setting] = str(Money.parse(text, label).cents)
        return values

    def open_wizard(self) -> None:
        """Assistente de configuração; the fields show what it saved."""
        if reopen(self, self.ctx) is not None:
            self.refresh()

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
