"""Configurações → Dados fiscais: what the office's NFS-e carries, how it is sent, the A1."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from contoffice.core import municipalities
from contoffice.core.format import format_competence, parse_competence
from contoffice.core.validation import ValidationError
from contoffice.errors import ContofficeError, InvalidInput
from contoffice.services.fiscal import certificates, settings
from contoffice.services.fiscal.settings import FiscalSettings
from contoffice.ui import texts
from contoffice.ui.context import WindowContext
from contoffice.ui.operations import show_error
from contoffice.ui.settings_area import fiscal_choices as c
from contoffice.ui.settings_area.fiscal_certificate import CertificateBox
from contoffice.ui.settings_area.form_fields import FieldForm

TITLE, LABELS = c.TITLE, c.LABELS


class FiscalPage(QScrollArea):
    """The office's fiscal data with Salvar, beside its certificate box."""

    def __init__(self, ctx: WindowContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("fiscal_page")
        self.setWidgetResizable(True)
        body = QWidget(self)
        self.form = FieldForm(body, {label: key for key, label in LABELS.items()})
        e = self.edits = {key: QLineEdit() for key in (
            "municipal_registration", "service_code", "municipal_code", "nbs", "description",
            "iss_rate_bp", "simples_total_rate_bp", "first_competence", "city_code")}
        self.city_edit = QLineEdit()
        self.city_edit.setPlaceholderText(c.CITY_HINT)
        self.combos = {
            "simples_option": c.fill(QComboBox(), c.SIMPLES),
            "simples_regime": c.fill(QComboBox(), c.SIMPLES_REGIMES),
            "special_regime": c.fill(QComboBox(), c.SPECIAL),
            "environment": c.fill(QComboBox(), c.ENVIRONMENTS),
            "transmission": c.fill(QComboBox(), c.TRANSMISSIONS),
            "signature_profile": c.fill(QComboBox(), c.PROFILES),
        }
        self.series_spin = QSpinBox()
        self.series_spin.setRange(1, 49999)
        self.checks = {"iss_withheld": QCheckBox(c.WITHHELD), "on_settled": QCheckBox(c.ON_SETTLED)}
        e["first_competence"].setPlaceholderText("mm/aaaa")
        e["city_code"].setMaxLength(7)
        e["city_code"].setMaximumWidth(90)
        add = self.form.add
        add(LABELS["municipal_registration"], {"municipal_registration": e[
            "municipal_registration"]})
        for key in ("simples_option", "simples_regime", "special_regime"):
            add(LABELS[key], {key: self.combos[key]})
        add(LABELS["service_code"], {"service_code": e["service_code"]})
        self.form.add("", {"service_hint": QLabel(c.SERVICE_HINT)})
        add(LABELS["city_code"], {"city": self.city_edit, "city_code": e["city_code"]})
        for key in ("municipal_code", "nbs", "description", "iss_rate_bp"):
            add(LABELS[key], {key: e[key]})
        add(LABELS["iss_withheld"], {"iss_withheld": self.checks["iss_withheld"]})
        add(LABELS["simples_total_rate_bp"], {"simples_total_rate_bp": e[
            "simples_total_rate_bp"]})
        add(LABELS["series"], {"series": self.series_spin})
        for key in ("environment", "transmission", "signature_profile"):
            add(LABELS[key], {key: self.combos[key]})
        add(LABELS["first_competence"], {"first_competence": e["first_competence"]})
        add(LABELS["on_settled"], {"on_settled": self.checks["on_settled"]})
        self.city = c.CityLookup(self.city_edit, e["city_code"], self)
        self.combos["simples_option"].currentIndexChanged.connect(self._regime_changed)
        self.certificate = CertificateBox(ctx, body)
        self.status = QLabel(body)
        self.status.setObjectName("status_label")
        self.save_button = QPushButton(texts.SAVE_CHANGES, body)
        self.save_button.setObjectName("save_button")
        self.save_button.clicked.connect(self.save)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.save_button)
        top = QHBoxLayout()
        top.addWidget(self.form, 3)
        top.addWidget(self.certificate, 2)
        layout = QVBoxLayout(body)
        layout.addLayout(top)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.setWidget(body)
        self.stored = FiscalSettings()
        self.refresh()

    def _regime_changed(self, _index: int) -> None:
        self.combos["simples_regime"].setEnabled(
            self.combos["simples_option"].currentData() == 3)

    # -- read and save ----------------------------------------------------------------
    def refresh(self) -> None:
        """Read the settings and the certificate."""
        try:
            with self.ctx.db.uow() as uow:
                values = settings.read(uow)
                info = certificates.info(uow)
        except ContofficeError as error:
            show_error(self, error)
            return
        self.stored = values
        for key in ("municipal_registration", "service_code", "municipal_code", "nbs",
                    "description", "city_code"):
            self.edits[key].setText(str(getattr(values, key)))
        self.city.code_typed(values.city_code)
        self.edits["iss_rate_bp"].setText(c.format_rate(values.iss_rate_bp))
        self.edits["simples_total_rate_bp"].setText(c.format_rate(values.simples_total_rate_bp))
        self.edits["first_competence"].setText(format_competence(values.first_competence))
        for key, combo in self.combos.items():
            c.pick(combo, getattr(values, key))
        self.series_spin.setValue(values.series)
        for key, check in self.checks.items():
            check.setChecked(bool(getattr(values, key)))
        self._regime_changed(0)
        self.certificate.show_info(info)

    def values(self) -> FiscalSettings:
        """What the form holds; a wrong percentage, month or city is refused by its field."""
        e = self.edits
        code = e["city_code"].text().strip()
        if code and municipalities.by_code(code) is None:
            raise InvalidInput(c.CITY_UNKNOWN, field="city_code")
        competence = e["first_competence"].text().strip()
        option = int(self.combos["simples_option"].currentData())
        try:
            first = parse_competence(competence, LABELS["first_competence"]) if competence else None
        except ValidationError as error:
            raise InvalidInput(getattr(error, "message", str(error)),
                               field="first_competence") from None
        return replace(
            self.stored,
            municipal_registration=e["municipal_registration"].text().strip(),
            simples_option=option,
            simples_regime=(int(self.combos["simples_regime"].currentData())
                            if option == 3 else None),
            special_regime=int(self.combos["special_regime"].currentData()),
            service_code=e["service_code"].text().strip(),
            municipal_code=e["municipal_code"].text().strip(),
            nbs=e["nbs"].text().strip(),
            description=e["description"].text().strip(),
            city_code=code,
            iss_rate_bp=c.parse_rate(e["iss_rate_bp"].text(), "iss_rate_bp",
                                     LABELS["iss_rate_bp"]),
            iss_withheld=self.checks["iss_withheld"].isChecked(),
            simples_total_rate_bp=c.parse_rate(e["simples_total_rate_bp"].text(),
                                               "simples_total_rate_bp",
                                               LABELS["simples_total_rate_bp"]),
            series=self.series_spin.value(),
            environment=int(self.combos["environment"].currentData()),
            transmission=str(self.combos["transmission"].currentData()),
            signature_profile=str(self.combos["signature_profile"].currentData()),
            first_competence=first,
            on_settled=self.checks["on_settled"].isChecked(),
        )

    def save(self) -> None:
        """Salvar: checked by the service, each refusal shown by its field."""
        self.form.clear_errors()
        self.status.clear()
        try:
            values = self.values()
            with self.ctx.db.uow() as uow:
                settings.save(uow, self.ctx.actor, values)
        except ValidationError as error:
            self.form.show_error(error)
            return
        except ContofficeError as error:
            show_error(self, error)
            return
        self.stored = values
        self.status.setText(texts.SAVED)
