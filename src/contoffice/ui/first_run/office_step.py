"""Step 2: the office identity (CNPJ checked, CEP checked, the city from the IBGE list)."""

from __future__ import annotations

from PySide6.QtCore import QStringListModel
from PySide6.QtWidgets import (
    QCompleter,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from contoffice.core import municipalities
from contoffice.core.documents import format_cnpj, validate_cnpj
from contoffice.core.messages import required
from contoffice.core.phone import format_phone, validate_phone
from contoffice.core.postal import format_cep, normalize_cep, validate_cep
from contoffice.core.validation import ValidationError
from contoffice.services.admin.cep_lookup import Address
from contoffice.ui.first_run import labels as t
from contoffice.ui.first_run.cep_search import CepSearch
from contoffice.ui.first_run.plan import OfficeData


class OfficeStep(QWizardPage):
    """Razão social, CNPJ, address, CEP, city, phone and site."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(t.OFFICE_TITLE)
        self.setSubTitle(t.OFFICE_HINT)
        form = QFormLayout()
        self.edits: dict[str, QLineEdit] = {}
        for key, label in (("name", t.NAME), ("document", t.CNPJ), ("street", t.STREET),
                           ("district", t.DISTRICT), ("cep", t.CEP), ("city", t.CITY),
                           ("phone", t.PHONE), ("site", t.SITE)):
            edit = QLineEdit(self)
            edit.setObjectName(f"{key}_edit")
            self.edits[key] = edit
            if key == "cep":  # the field with its Buscar CEP button, the answer under them
                self.cep_search = CepSearch(self, edit)
                form.addRow(label, self.cep_search.row)
                form.addRow("", self.cep_search.status)
            else:
                form.addRow(label, edit)
        self.cep_search.found.connect(self.fill_address)
        self.edits["city"].setPlaceholderText(t.CITY_HINT)
        self._cities = QStringListModel(self)
        self.city_completer = QCompleter(self._cities, self)
        self.city_completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.edits["city"].setCompleter(self.city_completer)
        self.edits["city"].textEdited.connect(self._suggest)
        self.city_completer.activated.connect(self.pick_city)
        self.city_code = ""
        self.error_label = QLabel(self)
        self.error_label.setObjectName("office_error")
        self.error_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addStretch(1)

    def _suggest(self, text: str) -> None:
        self.city_code = ""  # typing again drops the municipality picked before
        found = municipalities.search(text) if len(text.strip()) >= 2 else []
        self._cities.setStringList([m.label for m in found])

    def pick_city(self, label: str) -> bool:
        """A municipality from the list ("São Paulo/SP") brings its IBGE code."""
        name, _, state = label.rpartition("/")
        found = municipalities.by_name(name, state) if name else None
        if found is None:
            return False
        self.edits["city"].setText(found.label)
        self.city_code = found.code
        return True

    def fill_address(self, address: Address) -> None:
        """What the CEP names: street, district and the IBGE city; the number is typed after."""
        if address.street:  # a city with a single CEP has no street: keep the one typed
            self.edits["street"].setText(address.street)
        if address.district:
            self.edits["district"].setText(address.district)
        self.edits["city"].setText(address.city_label)
        self.city_code = address.ibge_code
        if self.focusWidget() in (self.edits["cep"], self.cep_search.button):
            self.edits["street"].setFocus()  # not when the clerk already went on typing
            self.edits["street"].end(False)

    def fill(self, settings: dict[str, str]) -> None:
        """The identity an office's database already has (reopened, or a second desk)."""
        get = settings.get
        self.edits["name"].setText(get("office.name", ""))
        document = get("office.document", "")
        self.edits["document"].setText(format_cnpj(document) if document else "")
        street, district, cep = _address_parts(get("office.address", ""))
        self.edits["street"].setText(get("office.street") or street)
        self.edits["district"].setText(get("office.district") or district)
        self.edits["cep"].setText(format_cep(get("office.cep") or cep))
        city = municipalities.by_code(get("office.city_code", "")) or municipalities.by_name(
            get("office.city", ""), get("office.state", ""))
        self.edits["city"].setText(city.label if city else get("office.city", ""))
        self.city_code = city.code if city else ""
        self.edits["phone"].setText(get("office.phone", ""))
        self.edits["site"].setText(get("office.site", ""))

    def data(self) -> OfficeData:
        """The identity as checked; raises ValidationError naming the first bad field."""
        text = {key: edit.text().strip() for key, edit in self.edits.items()}
        if not text["name"]:
            raise required(t.NAME)
        document = validate_cnpj(text["document"], t.CNPJ)
        if not text["street"]:
            raise required(t.STREET)
        cep = validate_cep(text["cep"], t.CEP)
        if not self.city_code and not self.pick_city(text["city"]):
            raise ValidationError(t.CITY_UNKNOWN, t.CITY)
        phone = validate_phone(text["phone"], t.PHONE) if text["phone"] else ""
        return OfficeData(text["name"], document, text["street"], text["district"], cep,
                          self.city_code, format_phone(phone) if phone else "", text["site"])

    def validatePage(self) -> bool:
        """Avançar: every field checked as a whole; the first problem shown under the form."""
        try:
            self.data()
        except ValidationError as error:
            self.error_label.setText(error.message)
            field = next((e for k, e in self.edits.items() if _label(k) == error.field), None)
            if field is not None:
                field.setFocus()
            return False
        self.error_label.clear()
        return True


def _label(key: str) -> str:
    return {"name": t.NAME, "document": t.CNPJ, "street": t.STREET, "cep": t.CEP,
            "city": t.CITY, "phone": t.PHONE}.get(key, "")


def _address_parts(address: str) -> tuple[str, str, str]:
    """Street, district and CEP of an address line written "rua — bairro — cidade/UF — CEP"."""
    parts = [p.strip() for p in address.split(" — ") if p.strip()]
    cep = ""
    if parts and normalize_cep(parts[-1]).isdigit() and len(normalize_cep(parts[-1])) == 8:
        cep = normalize_cep(parts.pop())
    if parts and "/" in parts[-1] and municipalities.by_name(*parts[-1].rsplit("/", 1)):
        parts.pop()  # the city comes from its own setting
    street = parts[0] if parts else ""
    return street, " — ".join(parts[1:]), cep
