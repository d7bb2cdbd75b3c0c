"""Pesquisa avançada: every one of the 13 filters of INV-A-8, Finalizar, the result grid."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from contoffice.core.format import parse_date
from contoffice.core.validation import ValidationError
from contoffice.core.vocab import CLASSIFICATIONS, PersonKind
from contoffice.ui import texts
from contoffice.ui.context import WindowContext
from contoffice.ui.finder.list_panel import PeopleGridPanel

# (object name, seed caption, filter key); dates are parsed, the rest is passed as typed.
_TEXT_FILTERS = (
    ("code_edit", "Código de cadastro", "code"),
    ("client_edit", "Cliente", "name_contains"),
    ("trade_name_edit", "Nome Fantasia", "trade_name"),
    ("document_edit", "Documento (CPF/CNPJ)", "document"),
    ("email_edit", "E-mail", "email"),
    ("city_edit", "Cidade", "city"),
    ("district_edit", "Bairro", "district"),
    ("street_edit", "Logradouro", "street"),
    ("postal_code_edit", "Por CEP", "postal_code"),
    ("street_only_edit", "Por endereços (somente logradouro)", "street"),
)
_DATE_FILTERS = (
    ("registered_from_edit", "registered_from"), ("registered_to_edit", "registered_to"),
    ("email_tested_from_edit", "email_tested_from"), ("email_tested_to_edit", "email_tested_to"),
)


class AdvancedPanel(PeopleGridPanel):
    """The filters on top, the finder grid below; nothing is listed before Finalizar."""

    def __init__(self, ctx: WindowContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, "finder.advanced", parent, fees=True)
        self.model.armed = False
        self.edits: dict[str, QLineEdit] = {}
        box = QGroupBox("Filtros", self)
        grid = QGridLayout(box)
        left, right = QFormLayout(), QFormLayout()
        grid.addLayout(left, 0, 0)
        grid.addLayout(right, 0, 1)
        left.addRow("Intervalo de data de cadastro", self._range("registered"))
        for name, caption, _key in _TEXT_FILTERS[:5]:
            left.addRow(caption, self._edit(name))
        self.kind_combo = QComboBox(self)
        self.kind_combo.setObjectName("kind_combo")
        self.kind_combo.addItem("", None)
        for kind in PersonKind:
            self.kind_combo.addItem(kind.label, kind.value)
        left.addRow("Tipo de pessoa", self.kind_combo)
        self.classification_combo = QComboBox(self)
        self.classification_combo.setObjectName("classification_combo")
        self.classification_combo.addItem("", None)
        for key, (label, _roles) in CLASSIFICATIONS.items():
            self.classification_combo.addItem(label, key)
        left.addRow("Classificação de pessoa", self.classification_combo)
        address = QHBoxLayout()
        for name, caption, _key in _TEXT_FILTERS[5:8]:
            edit = self._edit(name)
            edit.setPlaceholderText(caption)
            address.addWidget(edit)
        right.addRow("Por endereços", address)
        for name, caption, _key in _TEXT_FILTERS[8:]:
            right.addRow(caption, self._edit(name))
        self.with_email_and_phone_check = QCheckBox("Cadastros ativos com e-mail e fone", self)
        self.with_email_and_phone_check.setObjectName("with_email_and_phone_check")
        right.addRow("", self.with_email_and_phone_check)
        right.addRow("Histórico de teste de e-mail por data", self._range("email_tested"))
        self.error_label = QLabel(self)
        self.error_label.setObjectName("error_label")
        self.error_label.setProperty("role", "error")
        self.error_label.hide()
        buttons = QHBoxLayout()
        buttons.addWidget(self.error_label, 1)
        clear = QPushButton(texts.CLEAR, self)
        clear.setObjectName("clear_button")
        clear.clicked.connect(self.clear)
        self.finish_button = QPushButton(texts.FINISH, self)
        self.finish_button.setObjectName("finish_button")
        self.finish_button.setDefault(True)
        self.finish_button.clicked.connect(self.finish)
        buttons.addWidget(clear)
        buttons.addWidget(self.finish_button)
        grid.addLayout(buttons, 1, 0, 1, 2)
        self.layout().insertWidget(0, box)

    def _edit(self, name: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(name)
        edit.setClearButtonEnabled(True)
        edit.returnPressed.connect(self.finish)
        self.edits[name] = edit
        return edit

    def _range(self, prefix: str) -> QHBoxLayout:
        row = QHBoxLayout()
        for side, hint in (("from", "data inicial"), ("to", "data final")):
            edit = self._edit(f"{prefix}_{side}_edit")
            edit.setPlaceholderText(f"{hint} (dd/mm/aaaa)")
            row.addWidget(edit)
        return row

    def showEvent(self, event: Any) -> None:
        self._shown = True  # nothing to list before Finalizar
        super().showEvent(event)

    def filters(self) -> dict[str, Any]:
        """The filters as the query wants them (raises ValidationError on a bad date)."""
        result: dict[str, Any] = {}
        for name, _caption, key in _TEXT_FILTERS:
            text = self.edits[name].text().strip()
            if text:
                result[key] = text
        for name, key in _DATE_FILTERS:
            text = self.edits[name].text().strip()
            if text:
                result[key] = parse_date(text)
        if self.kind_combo.currentData():
            result["kind"] = self.kind_combo.currentData()
        if self.classification_combo.currentData():
            result["classification"] = self.classification_combo.currentData()
        if self.with_email_and_phone_check.isChecked():
            result["with_email_and_phone"] = True
        return result

    def finish(self) -> None:
        """Finalizar: run the search with every filter filled."""
        try:
            filters = self.filters()
        except ValidationError as error:
            self.error_label.setText(error.message)
            self.error_label.show()
            return
        self.error_label.hide()
        self.model.armed = True
        self.model.base_filters = filters
        self.model.reload()
        self.grid.table.setFocus()

    def clear(self) -> None:
        """Empty every filter (the grid keeps its rows until Finalizar)."""
        for edit in self.edits.values():
            edit.clear()
        self.kind_combo.setCurrentIndex(0)
        self.classification_combo.setCurrentIndex(0)
        self.with_email_and_phone_check.setChecked(False)
