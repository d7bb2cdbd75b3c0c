"""The person form (forms/person_form.ui): fields checked as typed, errors next to the field."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields

from PySide6.QtCore import QStringListModel
from PySide6.QtWidgets import (
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from contoffice.core import municipalities
from contoffice.core.documents import format_document, validate_cnpj, validate_cpf
from contoffice.core.email import validate_email
from contoffice.core.phone import format_phone, validate_phone
from contoffice.core.postal import format_cep, validate_cep
from contoffice.core.validation import ValidationError
from contoffice.core.vocab import PersonKind, Role
from contoffice.errors import ContofficeError
from contoffice.services.admin.cep_lookup import Address
from contoffice.services.people.records import UFS, PersonInput
from contoffice.ui import texts
from contoffice.ui.dialogs.person_access import AccessGroup, AccessPart
from contoffice.ui.first_run.cep_search import CepSearch
from contoffice.ui.forms.person_form_ui import Ui_PersonForm

Submit = Callable[[PersonInput], object]
_ROLE_CHECKS = (("client_check", Role.CLIENT), ("supplier_check", Role.SUPPLIER),
                ("employee_check", Role.EMPLOYEE), ("carrier_check", Role.CARRIER))
_TEXT_FIELDS = ("name", "trade_name", "document", "state_registration",
                "municipal_registration", "email", "email_cc", "phone", "mobile", "street",
                "number", "complement", "district", "city", "postal_code", "city_ibge_code",
                "notes1", "notes2")


class PersonDialog(QDialog):
    """Novo cadastro / Editar: returns what the service saved, or None."""

    def __init__(self, parent: QWidget | None, data: PersonInput | None, submit: Submit, *,
                 access: AccessPart | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_PersonForm()
        self.ui.setupUi(self)
        self._submit = submit
        self._errors: dict[QWidget, QLabel] = {}
        self.result_value: object = None
        ui = self.ui
        for kind in PersonKind:
            ui.kind_combo.addItem(kind.label, kind.value)
        ui.state_combo.addItem("", "")
        for uf in sorted(UFS):
            ui.state_combo.addItem(uf, uf)
        ui.error_label.setObjectName("error_label")
        ui.error_label.hide()
        finish = ui.button_box.button(QDialogButtonBox.StandardButton.Ok)
        finish.setText(texts.FINISH)
        finish.setObjectName("finish_button")
        finish.style().unpolish(finish)  # the style sheet picks Finalizar out by this name
        finish.style().polish(finish)
        ui.button_box.accepted.connect(self._finish)
        ui.button_box.rejected.connect(self.reject)
        self._fill(data or PersonInput(kind=PersonKind.PJ.value, name=""))
        ui.document_edit.textEdited.connect(lambda _t: self._check_document())
        ui.kind_combo.currentIndexChanged.connect(lambda _i: self._check_document())
        ui.postal_code_edit.textEdited.connect(lambda _t: self._check(
            ui.postal_code_edit, validate_cep, 8))
        ui.email_edit.textEdited.connect(lambda _t: self._check(ui.email_edit, validate_email))
        self._city_model = QStringListModel(self)
        self.city_completer = QCompleter(self._city_model, self)
        self.city_completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        ui.city_edit.setCompleter(self.city_completer)
        ui.city_edit.textEdited.connect(self._suggest_cities)
        self.city_completer.activated.connect(self.pick_city)
        # Buscar CEP beside the CEP field, on the button only: editing a CEP never overwrites
        # the address on file by itself. What it found (or why not) on the row under it.
        ui.right_form.removeWidget(ui.postal_code_edit)
        self.cep_search = CepSearch(self, ui.postal_code_edit, on_leave=False)
        ui.right_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.cep_search.row)
        ui.right_form.insertRow(1, "", self.cep_search.status)
        self.cep_search.found.connect(self.fill_address)
        self.widgets_by_field: dict[str, QWidget] = {
            "Tipo de pessoa": ui.kind_combo, "Nome": ui.name_edit, "CPF": ui.document_edit,
            "CNPJ": ui.document_edit, "CPF/CNPJ": ui.document_edit, "E-mail": ui.email_edit,
            "Telefone": ui.phone_edit, "Celular": ui.mobile_edit, "CEP": ui.postal_code_edit,
            "UF": ui.state_combo, "Código IBGE": ui.city_ibge_code_edit,
            "Dia de vencimento": ui.default_due_day_spin, "Classificação": ui.client_check,
        }
        # Informações de acesso: shown, and saved with the person, only when `access` is given.
        self.access_group = AccessGroup(ui, access, lambda error: self._show_general(str(error)))
        self.widgets_by_field.update(self.access_group.widgets_by_field())
        ui.name_edit.setFocus()
        self.resize(max(self.sizeHint().width(), 1040), self.sizeHint().height())

    # -- values --------------------------------------------------------------------
    def _fill(self, data: PersonInput) -> None:
        ui = self.ui
        ui.kind_combo.setCurrentIndex(max(0, ui.kind_combo.findData(data.kind)))
        for name in _TEXT_FIELDS:
            edit: QLineEdit = getattr(ui, f"{name}_edit")
            edit.setText(str(getattr(data, name) or ""))
        ui.state_combo.setCurrentIndex(max(0, ui.state_combo.findData(data.state)))
        # Shown with their masks; the service strips them again on save.
        ui.document_edit.setText(format_document(data.document))
        ui.phone_edit.setText(format_phone(data.phone))
        ui.mobile_edit.setText(format_phone(data.mobile))
        ui.postal_code_edit.setText(format_cep(data.postal_code))
        for check, role in _ROLE_CHECKS:
            getattr(ui, check).setChecked(bool(data.roles & role))
        ui.active_check.setChecked(data.active)
        ui.default_due_day_spin.setValue(data.default_due_day or 0)
        ui.internal_notes_edit.setPlainText(data.internal_notes)
        self._assigned = data.assigned_operator_id

    def value(self) -> PersonInput:
        """What the form holds, as typed."""
        ui = self.ui
        values: dict[str, object] = {
            name: getattr(ui, f"{name}_edit").text() for name in _TEXT_FIELDS}
        roles = 0
        for check, role in _ROLE_CHECKS:
            if getattr(ui, check).isChecked():
                roles |= int(role)
        values.update(
            kind=ui.kind_combo.currentData(), roles=roles, state=ui.state_combo.currentData(),
            active=ui.active_check.isChecked(),
            default_due_day=ui.default_due_day_spin.value() or None,
            internal_notes=ui.internal_notes_edit.toPlainText(),
            assigned_operator_id=self._assigned)
        assert set(values) == {f.name for f in fields(PersonInput)}
        return PersonInput(**values)  # type: ignore[arg-type]

    # -- city from the IBGE list ------------------------------------------------------
    def _suggest_cities(self, text: str) -> None:
        """Municipalities starting with what was typed (accents ignored), in the UF if chosen."""
        state = self.ui.state_combo.currentData() or None
        found = municipalities.search(text, state) if len(text.strip()) >= 2 else []
        self._city_model.setStringList([m.label for m in found])

    def pick_city(self, label: str) -> None:
        """A municipality chosen from the list fills city, UF and its IBGE code."""
        name, _, state = label.rpartition("/")
        found = municipalities.by_name(name, state)
        if found is None:
            return
        ui = self.ui
        ui.city_edit.setText(found.name)
        ui.state_combo.setCurrentIndex(max(0, ui.state_combo.findData(found.state)))
        ui.city_ibge_code_edit.setText(found.code)

    def fill_address(self, address: Address) -> None:
        """What the CEP names: street, district, city, UF and IBGE code; number typed after."""
        ui = self.ui
        for edit, text in ((ui.street_edit, address.street), (ui.district_edit, address.district)):
            if text:  # a city with a single CEP has no street: keep the one typed
                edit.setText(text)
        self.pick_city(address.city_label)
        if self.focusWidget() in (ui.postal_code_edit, self.cep_search.button):
            ui.number_edit.setFocus()

    # -- checks as typed -------------------------------------------------------------
    def _check_document(self, final: bool = False) -> None:
        kind = self.ui.kind_combo.currentData()
        typed = "".join(c for c in self.ui.document_edit.text() if c.isalnum())
        if kind == PersonKind.PF:
            self._check(self.ui.document_edit, validate_cpf, 0 if final else 11)
        elif kind == PersonKind.PJ or len(typed) > 11:
            self._check(self.ui.document_edit, validate_cnpj, 0 if final else 14)
        else:
            self._check(self.ui.document_edit, validate_cpf, 0 if final else 11)

    def check_all(self) -> None:
        """Every check of a typed value, on the whole value (Finalizar: nothing is half-typed)."""
        ui = self.ui
        self._check_document(final=True)
        self._check(ui.postal_code_edit, validate_cep)
        self._check(ui.email_edit, validate_email)
        self._check(ui.phone_edit, validate_phone)
        self._check(ui.mobile_edit, lambda text: validate_phone(text, field="Celular"))

    def _check(self, edit: QLineEdit, validate: Callable[[str], object],
               complete_at: int = 0) -> None:
        text = edit.text().strip()
        significant = sum(c.isalnum() for c in text)
        if not text or significant < complete_at:  # still typing: no error yet
            self.set_error(edit, None)
            return
        try:
            validate(text)
        except ValidationError as error:
            self.set_error(edit, error.message)
        else:
            self.set_error(edit, None)

    def set_error(self, widget: QWidget, message: str | None) -> None:
        """Show (or clear) a message on the row under `widget`."""
        label = self._errors.get(widget)
        if label is None:
            if message is None:
                return
            label = QLabel(self)
            label.setObjectName(f"{widget.objectName()}_error")
            label.setProperty("role", "error")
            label.setWordWrap(True)
            form, row = self._row_of(widget)
            form.insertRow(row + 1, "", label)
            self._errors[widget] = label
        label.setText(message or "")
        label.setVisible(bool(message))
        widget.setProperty("invalid", bool(message))
        widget.style().unpolish(widget)
        widget.style().polish(widget)

    def error_of(self, widget: QWidget) -> str:
        """The message shown under `widget` ("" when none)."""
        label = self._errors.get(widget)
        return label.text() if label is not None and not label.isHidden() else ""

    def _row_of(self, widget: QWidget) -> tuple[QFormLayout, int]:
        ui = self.ui
        if widget is ui.postal_code_edit:  # it sits in a row with its Buscar CEP button
            widget = self.cep_search.row
        for form in (ui.left_form, ui.right_form, ui.access_left_form, ui.access_right_form):
            row, _role = form.getWidgetPosition(widget)
            if row >= 0:
                return form, row
        row, _role = self.ui.left_form.getLayoutPosition(self.ui.roles_layout)
        return self.ui.left_form, row

    # -- Finalizar --------------------------------------------------------------------
    def _finish(self) -> None:
        # The service names only the first wrong field, so every field is checked here
        # too: each one keeps its own message (a wrong CEP stays said beside a wrong CPF).
        for widget in list(self._errors):
            self.set_error(widget, None)
        self.ui.error_label.hide()
        self.check_all()
        try:
            self.result_value = self._save()
        except ValidationError as error:  # InvalidInput, or a typed date that is no date
            widget = self.widgets_by_field.get(error.field or "")
            if widget is None:
                self._show_general(str(error))
            else:
                self.set_error(widget, str(error))
            self._focus_first_error()
            return
        except ContofficeError as error:
            self._show_general(str(error))
            self._focus_first_error()
            return
        self.accept()

    def _save(self) -> object:
        group = self.access_group
        if group.part is None:
            return self._submit(self.value())
        return group.part.save(self.value(), group.value())

    def wrong_fields(self) -> list[QWidget]:
        """The fields showing a message, in the order of the form."""
        order = list(self.widgets_by_field.values())
        shown = [w for w in self._errors if self.error_of(w)]
        return sorted(shown, key=lambda w: order.index(w) if w in order else len(order))

    def _focus_first_error(self) -> None:
        wrong = self.wrong_fields()
        if wrong:
            wrong[0].setFocus()

    def _show_general(self, message: str) -> None:
        self.ui.error_label.setText(message)
        self.ui.error_label.show()

    @classmethod
    def ask(cls, parent: QWidget | None, data: PersonInput | None, submit: Submit, *,
            access: AccessPart | None = None) -> object:
        """Open the form; `submit` (or, with the access group, `access.save`) runs on Finalizar."""
        dialog = cls(parent, data, submit, access=access)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        dialog.access_group.saved(dialog.result_value)
        return dialog.result_value
