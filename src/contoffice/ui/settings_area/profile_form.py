"""The payment-profile form: bank fields, CNAB layout, fine/interest/discount, PIX, counter."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QRegularExpression
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from contoffice.services.boletos.profiles import MAX_PROTEST_DAYS, ProfileInput, banks
from contoffice.ui.settings_area.form_fields import FieldForm

# Fields only some banks read (research/boleto.md §1.6); the others hide these rows.
BANK_EXTRAS: dict[str, tuple[str, ...]] = {
    "001": ("variation", "modality"),
    "756": ("modality", "variation"),
    "748": ("post", "byte_idt"),
}
EXTRAS = ("variation", "modality", "post", "byte_idt")
# Names the services use for a field, besides the form's labels and keys.
ALIASES = {
    "Nome": "name",
    "bank": "bank_code",
    "Layout CNAB": "cnab_layout",
    "Multa": "fine_bp",
    "Juros": "interest_month_bp",
    "Desconto": "discount_cents",
    "Nosso número": "next_our_number",
    "our_number": "next_our_number",
    "PIX": "pix_key",
    "Chave PIX": "pix_key",
}


def _short(width: int = 50) -> QLineEdit:
    edit = QLineEdit()
    edit.setMaximumWidth(width)
    return edit


def _percent(maximum: float, suffix: str) -> QDoubleSpinBox:
    box = QDoubleSpinBox()
    box.setRange(0, maximum)
    box.setDecimals(2)
    box.setSuffix(suffix)
    return box


def _to_hundredths(value: float) -> int:
    """2.5 (% or R$) → 250 (basis points or cents), without float drift."""
    return int(Decimal(f"{value:.2f}") * 100)


class ProfileForm(FieldForm):
    """Edits one ProfileInput; remembers the counter it loaded (see save_profile)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, ALIASES)
        self.name = QLineEdit()
        self.bank = QComboBox()
        for code, name in banks():
            self.bank.addItem(f"{code} — {name}", code)
        self.agency, self.agency_dv = QLineEdit(), _short()
        self.account, self.account_dv = QLineEdit(), _short()
        self.wallet, self.agreement = QLineEdit(), QLineEdit()
        self.extras = {key: QLineEdit() for key in EXTRAS}
        self.cnab = QComboBox()
        self.cnab.addItems(["400", "240"])
        self.instructions = QPlainTextEdit()
        self.instructions.setMaximumHeight(80)
        self.fine = _percent(10, " %")
        self.interest = _percent(10, " % a.m.")
        self.discount = QDoubleSpinBox()
        self.discount.setRange(0, 1_000_000)
        self.discount.setPrefix("R$ ")
        self.discount_days = QSpinBox()
        self.discount_days.setRange(0, 60)
        self.discount_days.setSuffix(" dia(s) antes")
        self.protest_days = QSpinBox()
        self.protest_days.setRange(0, MAX_PROTEST_DAYS)
        self.protest_days.setSpecialValueText("não protestar")
        self.protest_days.setSuffix(" dia(s) após o vencimento")
        self.pix_key = QLineEdit()
        self.next_our_number = QLineEdit()
        self.next_our_number.setValidator(
            QRegularExpressionValidator(QRegularExpression(r"[0-9]{1,18}"), self)
        )
        self.baixa = QCheckBox("Baixa automática habilitada")
        self.active = QCheckBox("Ativo")
        self.add("Nome", {"name": self.name})
        self.add("Banco", {"bank_code": self.bank})
        self.add("Agência / DV", {"agency": self.agency, "agency_dv": self.agency_dv})
        self.add("Conta / DV", {"account": self.account, "account_dv": self.account_dv})
        self.add("Carteira", {"wallet": self.wallet})
        self.add("Convênio", {"agreement": self.agreement})
        for key, label in (
            ("variation", "Variação"),
            ("modality", "Modalidade"),
            ("post", "Posto"),
            ("byte_idt", "Byte de identificação"),
        ):
            self.add(label, {key: self.extras[key]})
        self.add("Layout CNAB", {"cnab_layout": self.cnab})
        self.add("Instruções", {"instructions": self.instructions})
        self.add("Multa", {"fine_bp": self.fine})
        self.add("Juros", {"interest_month_bp": self.interest})
        self.add("Desconto", {"discount_cents": self.discount, "discount_days": self.discount_days})
        self.add("Dias para protesto", {"protest_days": self.protest_days})
        self.add("Chave PIX", {"pix_key": self.pix_key})
        self.add("Próximo nosso número", {"next_our_number": self.next_our_number})
        self.add("", {"baixa_enabled": self.baixa, "active": self.active}, compact=True)
        self.bank.currentIndexChanged.connect(self._bank_changed)
        self.profile_id: int | None = None
        self.loaded_next_our_number: int | None = None
        self.load(self.empty(), None)

    @staticmethod
    def empty() -> ProfileInput:
        """A new profile's starting values (the service's defaults, first bank)."""
        return ProfileInput(name="", bank_code=banks()[0][0])

    def _bank_changed(self) -> None:
        wanted = BANK_EXTRAS.get(self.bank.currentData() or "", ())
        for key in EXTRAS:
            self.set_row_visible(key, key in wanted or bool(self.extras[key].text()))

    def load(self, data: ProfileInput, profile_id: int | None) -> None:
        """Show a profile (profile_id None: a new one)."""
        self.clear_errors()
        self.profile_id = profile_id
        self.loaded_next_our_number = data.next_our_number if profile_id is not None else None
        self.name.setText(data.name)
        index = self.bank.findData(data.bank_code)
        self.bank.setCurrentIndex(max(index, 0))
        for edit, value in (
            (self.agency, data.agency),
            (self.agency_dv, data.agency_dv),
            (self.account, data.account),
            (self.account_dv, data.account_dv),
            (self.wallet, data.wallet),
            (self.agreement, data.agreement),
            (self.pix_key, data.pix_key),
        ):
            edit.setText(value)
        for key in EXTRAS:
            self.extras[key].setText(getattr(data, key))
        self.cnab.setCurrentText(data.cnab_layout)
        self.instructions.setPlainText(data.instructions)
        self.fine.setValue(data.fine_bp / 100)
        self.interest.setValue(data.interest_month_bp / 100)
        self.discount.setValue(data.discount_cents / 100)
        self.discount_days.setValue(data.discount_days)
        self.protest_days.setValue(data.protest_days)
        self.next_our_number.setText(str(data.next_our_number))
        self.baixa.setChecked(data.baixa_enabled)
        self.active.setChecked(data.active)
        self._bank_changed()

    def value(self) -> ProfileInput:
        """The form as the service's input."""
        return ProfileInput(
            name=self.name.text(),
            bank_code=self.bank.currentData() or "",
            agency=self.agency.text().strip(),
            agency_dv=self.agency_dv.text().strip(),
            account=self.account.text().strip(),
            account_dv=self.account_dv.text().strip(),
            wallet=self.wallet.text().strip(),
            agreement=self.agreement.text().strip(),
            **{key: self.extras[key].text().strip() for key in EXTRAS},
            cnab_layout=self.cnab.currentText(),
            instructions=self.instructions.toPlainText(),
            fine_bp=_to_hundredths(self.fine.value()),
            interest_month_bp=_to_hundredths(self.interest.value()),
            discount_cents=_to_hundredths(self.discount.value()),
            discount_days=self.discount_days.value(),
            protest_days=self.protest_days.value(),
            pix_key=self.pix_key.text().strip(),
            next_our_number=int(self.next_our_number.text() or 0),
            baixa_enabled=self.baixa.isChecked(),
            active=self.active.isChecked(),
        )
