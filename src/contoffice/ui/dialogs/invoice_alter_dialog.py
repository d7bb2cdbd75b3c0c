"""Alterar Fatura (INV-E-10): Justificativa and "O que alterar", one of seven options."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QWidget,
)

from contoffice.core.format import format_decimal_cents, format_money
from contoffice.services.panels.lookups import ChargeBrief, Choice, InvoiceBrief
from contoffice.ui.dialogs import labels as t
from contoffice.ui.dialogs.base import ToolDialog
from contoffice.ui.dialogs.fields import (
    DateEdit,
    MoneyEdit,
    date_of,
    fill_combo,
    money_cents,
    text_of,
)


@dataclass(frozen=True, slots=True)
class InvoiceAlteration:
    """What the clerk asked to change; only the fields of `option` matter."""

    option: str  # a key of labels.ALTER_OPTIONS
    justification: str
    versions: dict[int, int]  # invoice id → version read when the dialog opened
    description: str = ""
    due_date: date | None = None
    surcharge_cents: int = 0
    charge_id: int | None = None
    charge_amount_cents: int | None = None
    charge_description: str | None = None
    ledger_account_id: int | None = None
    value_cents: int | None = None
    discount_cents: int = 0
    discount_until: date | None = None
    instruction: str = ""


class AlterInvoiceDialog(ToolDialog):
    """One page of fields per option; the due date and value options reissue the invoice."""

    def __init__(
        self,
        parent: QWidget | None,
        invoices: Sequence[InvoiceBrief],
        charges: Sequence[ChargeBrief],
        ledgers: Sequence[Choice],
    ) -> None:
        super().__init__(parent, t.ALTER_TITLE)
        self.invoices, self.charges = list(invoices), list(charges)
        first = self.invoices[0]
        self.justification_edit = self.memo(t.JUSTIFICATION, "justification_edit")
        self.what_combo = QComboBox(self)
        for key, caption in t.ALTER_OPTIONS:
            self.what_combo.addItem(caption, key)
        self.add_row(t.WHAT_TO_ALTER, self.what_combo, "what_combo")
        self.pages = QStackedWidget(self)
        self.form.addRow(self.pages)
        self._forms: dict[str, QFormLayout] = {}
        for key, _caption in t.ALTER_OPTIONS:
            page = QWidget(self.pages)
            self._forms[key] = QFormLayout(page)
            self.pages.addWidget(page)
        self.what_combo.currentIndexChanged.connect(self.pages.setCurrentIndex)
        self.description_edit = self._field(
            "description", t.INVOICE_DESCRIPTION, QLineEdit(first.description), "description_edit"
        )
        self.due_date_edit = self._field(
            "due_date", t.NEW_DUE_DATE, DateEdit(max(first.due_date, date.today())), "due_date_edit"
        )
        self.surcharge_check = self._field(
            "due_date", "", QCheckBox(t.ADD_SURCHARGE), "surcharge_check"
        )
        self.surcharge_edit = self._field("due_date", t.SURCHARGE, MoneyEdit(), "surcharge_edit")
        self.surcharge_check.toggled.connect(self.surcharge_edit.setEnabled)
        self.surcharge_edit.setEnabled(False)
        self.charge_combo = self._field("charges", t.CHARGE, QComboBox(), "charge_combo")
        for charge in self.charges:
            self.charge_combo.addItem(
                f"{charge.id} — {charge.description} ({format_money(charge.amount_cents)})",
                charge.id,
            )
        self.charge_value_edit = self._field("charges", t.VALUE, MoneyEdit(), "charge_value_edit")
        self.charge_description_edit = self._field(
            "charges", t.DESCRIPTION, QLineEdit(), "charge_description_edit"
        )
        self.charge_ledger_combo = self._field(
            "charges", t.LEDGER, QComboBox(), "charge_ledger_combo"
        )
        fill_combo(self.charge_ledger_combo, ledgers, empty=t.NO_LEDGER)
        self.charge_combo.currentIndexChanged.connect(self._charge_chosen)
        self._charge_chosen()
        for key in ("mark", "unmark"):
            hint = QLabel(t.UNMARK_HINT if key == "unmark" else "", self)
            hint.setWordWrap(True)
            self._forms[key].addRow(hint)
        self.value_edit = self._field("value", t.INVOICE_VALUE, MoneyEdit(), "value_edit")
        self.value_edit.setPlaceholderText(format_money(first.amount_cents))
        self.discount_edit = self._field(
            "discount", t.DISCOUNT, MoneyEdit(positive=False), "discount_edit"
        )
        self.discount_edit.setText(format_decimal_cents(first.discount_cents))
        self.discount_until_check = self._field(
            "discount", "", QCheckBox(t.DISCOUNT_UNTIL), "discount_until_check"
        )
        self.discount_until_edit = self._field(
            "discount", t.DISCOUNT_UNTIL, DateEdit(first.discount_until or first.due_date),
            "discount_until_edit",
        )
        self.discount_until_check.setChecked(first.discount_until is not None)
        self.discount_until_edit.setEnabled(first.discount_until is not None)
        self.discount_until_check.toggled.connect(self.discount_until_edit.setEnabled)
        self.instruction_edit = self._field(
            "discount", t.INSTRUCTION, QLineEdit(first.instruction), "instruction_edit"
        )
        hint = QLabel(t.REISSUE_HINT, self)
        hint.setWordWrap(True)
        self.form.addRow(hint)
        if len(self.invoices) != 1:  # the contas of several invoices cannot be listed at once
            index = self.what_combo.findData("charges")
            self.what_combo.model().item(index).setEnabled(False)  # type: ignore[attr-defined]
        self.revalidate()

    def _field(self, page: str, label: str, widget: QWidget, name: str):  # type: ignore[no-untyped-def]
        widget.setParent(self.pages.widget([k for k, _ in t.ALTER_OPTIONS].index(page)))
        widget.setObjectName(name)
        self._forms[page].addRow(label, widget)
        self.watch(widget)
        return widget

    def _charge_chosen(self, *_args: object) -> None:
        charge = next((c for c in self.charges if c.id == self.charge_combo.currentData()), None)
        if charge is not None:
            self.charge_value_edit.setText(format_decimal_cents(charge.amount_cents))
            self.charge_description_edit.setText(charge.description)
            index = self.charge_ledger_combo.findData(charge.ledger_account_id)
            self.charge_ledger_combo.setCurrentIndex(max(index, 0))

    @property
    def option(self) -> str:
        """The key of the chosen "O que alterar"."""
        return str(self.what_combo.currentData())

    def is_valid(self) -> bool:
        if not hasattr(self, "instruction_edit") or not text_of(self.justification_edit):
            return False
        option = self.option
        if option == "description":
            return bool(text_of(self.description_edit))
        if option == "due_date":
            return not self.surcharge_check.isChecked() or bool(money_cents(self.surcharge_edit))
        if option == "charges":
            return (
                self.charge_combo.currentIndex() >= 0
                and (money_cents(self.charge_value_edit) or 0) > 0
                and bool(text_of(self.charge_description_edit))
            )
        if option == "value":
            return (money_cents(self.value_edit) or 0) > 0
        if option == "discount":
            return money_cents(self.discount_edit) is not None
        return True

    def value(self) -> InvoiceAlteration:
        """The alteration asked for."""
        until = date_of(self.discount_until_edit) if self.discount_until_check.isChecked() else None
        surcharge = money_cents(self.surcharge_edit) if self.surcharge_check.isChecked() else 0
        charge = next((c for c in self.charges if c.id == self.charge_combo.currentData()), None)
        charge_value = money_cents(self.charge_value_edit)
        return InvoiceAlteration(
            option=self.option,
            justification=text_of(self.justification_edit),
            versions={i.id: i.version_id for i in self.invoices},
            description=text_of(self.description_edit),
            due_date=date_of(self.due_date_edit),
            surcharge_cents=surcharge or 0,
            charge_id=charge.id if charge else None,
            charge_amount_cents=(
                charge_value if charge and charge_value != charge.amount_cents else None
            ),
            charge_description=text_of(self.charge_description_edit) or None,
            ledger_account_id=self.charge_ledger_combo.currentData(),
            value_cents=money_cents(self.value_edit),
            discount_cents=money_cents(self.discount_edit) or 0,
            discount_until=until,
            instruction=text_of(self.instruction_edit),
        )

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        invoices: Sequence[InvoiceBrief],
        charges: Sequence[ChargeBrief],
        ledgers: Sequence[Choice],
    ) -> InvoiceAlteration | None:
        """Show the dialog; None when cancelled."""
        dialog = cls(parent, invoices, charges, ledgers)
        return dialog.value() if dialog.exec() == QDialog.DialogCode.Accepted else None
