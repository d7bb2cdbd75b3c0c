"""Contas não faturadas and contas a pagar: Inserir (two steps), Editar, Faturar (INV-G, INV-H)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TypeVar

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QWidget,
)

from contoffice.services.billing.charges import ChargeInput
from contoffice.services.panels.lookups import ChargeBrief, Choice
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

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class ChargeEdit:
    """Editar conta: each field None when unchanged."""

    amount_cents: int | None = None
    description: str | None = None
    due_date: date | None = None
    period_start: date | None = None
    period_end: date | None = None
    installment: int | None = None
    ledger_account_id: int | None = None


@dataclass(frozen=True, slots=True)
class BillValue:
    method: str  # per_charge | all_in_one
    payment_profile_id: int | None
    due_date: date | None  # None: from the conta (locked fields)
    description: str | None


def _changed(new: T, old: T) -> T | None:
    """None when the clerk left the value as it was."""
    return None if new == old else new


def _date_edit(value: date | None) -> DateEdit:
    return DateEdit(value)


class InsertChargeDialog(ToolDialog):
    """Step 1: the conta; "Avance para a próxima etapa"; step 2: replications, settle, profile."""

    def __init__(
        self,
        parent: QWidget | None,
        person_id: int,
        ledgers: Sequence[Choice],
        profiles: Sequence[Choice],
    ) -> None:
        super().__init__(parent, t.INSERT_CHARGE_TITLE)
        self.person_id = person_id
        self.steps = QStackedWidget(self)
        self.steps.setObjectName("steps")
        self.form.addRow(self.steps)
        first, second = QWidget(self.steps), QWidget(self.steps)
        self.steps.addWidget(first)
        self.steps.addWidget(second)
        one, two = QFormLayout(first), QFormLayout(second)
        self.description_edit = self.field(
            one, t.CHARGE_DESCRIPTION, QLineEdit(), "description_edit"
        )
        self.value_edit = self.field(one, t.VALUE, MoneyEdit(), "value_edit")
        self.due_date_edit = self.field(one, t.DUE_DATE, _date_edit(None), "due_date_edit")
        self.period_check = self.field(one, "", QCheckBox(t.HAS_PERIOD), "period_check")
        self.period_start_edit = self.field(one, t.REF_START, _date_edit(None), "period_start_edit")
        self.period_end_edit = self.field(one, t.REF_END, _date_edit(None), "period_end_edit")
        for edit in (self.period_start_edit, self.period_end_edit):
            edit.setEnabled(False)
            self.period_check.toggled.connect(edit.setEnabled)
        self.installment_spin = self.field(one, t.INSTALLMENT, QSpinBox(), "installment_spin")
        self.installment_spin.setRange(0, 999)
        self.installment_spin.setSpecialValueText("—")
        self.ledger_combo = self.field(one, t.LEDGER, QComboBox(), "ledger_combo")
        fill_combo(self.ledger_combo, ledgers, empty=t.NO_LEDGER)
        self.composition_edit = self.field(one, t.COMPOSITION, QLineEdit(), "composition_edit")
        self.next_button = QPushButton(t.NEXT, first)
        self.next_button.setObjectName("next_button")
        one.addRow(self.next_button)
        self.replications_spin = self.field(two, t.REPLICATIONS, QSpinBox(), "replications_spin")
        self.replications_spin.setRange(0, 360)
        self.interval_spin = self.field(two, t.INTERVAL, QSpinBox(), "interval_spin")
        self.interval_spin.setRange(1, 365)
        self.interval_spin.setValue(30)
        self.interval_unit = self.field(two, "", QComboBox(), "interval_unit")
        self.interval_unit.addItems([t.INTERVAL_DAYS, t.INTERVAL_MONTHS])
        self.settle_now_check = self.field(two, "", QCheckBox(t.SETTLE_NOW), "settle_now_check")
        self.profile_combo = self.field(two, t.PROFILE, QComboBox(), "profile_combo")
        fill_combo(self.profile_combo, profiles, empty="")
        self.back_button = QPushButton(t.BACK, second)
        self.back_button.setObjectName("back_button")
        two.addRow(self.back_button)
        self.next_button.clicked.connect(lambda: self._go(1))
        self.back_button.clicked.connect(lambda: self._go(0))
        self._go(0)

    def _go(self, step: int) -> None:
        self.steps.setCurrentIndex(step)
        self.confirm_check.setVisible(step == 1)
        self.revalidate()

    def first_step_valid(self) -> bool:
        """Step 1 may be left: description and a positive value."""
        return (bool(text_of(self.description_edit)) and (money_cents(self.value_edit) or 0) > 0
                and not self.field_problems(self.steps.widget(0)))

    def is_valid(self) -> bool:
        if not hasattr(self, "back_button"):
            return False
        self.next_button.setEnabled(self.first_step_valid())
        return self.steps.currentIndex() == 1 and self.first_step_valid()

    def value(self) -> ChargeInput:
        """The new conta and its replications."""
        months = self.interval_unit.currentIndex() == 1
        with_period = self.period_check.isChecked()
        return ChargeInput(
            person_id=self.person_id,
            description=text_of(self.description_edit),
            amount_cents=money_cents(self.value_edit) or 0,
            due_date=date_of(self.due_date_edit),
            period_start=date_of(self.period_start_edit) if with_period else None,
            period_end=date_of(self.period_end_edit) if with_period else None,
            installment=self.installment_spin.value() or None,
            ledger_account_id=self.ledger_combo.currentData(),
            composition=text_of(self.composition_edit),
            replications=self.replications_spin.value(),
            interval_days=30 if months else self.interval_spin.value(),
            interval_months=self.interval_spin.value() if months else 0,
            settle_now=self.settle_now_check.isChecked(),
            payment_profile_id=self.profile_combo.currentData(),
        )

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        person_id: int,
        ledgers: Sequence[Choice],
        profiles: Sequence[Choice],
    ) -> ChargeInput | None:
        """Show the dialog; None when cancelled."""
        dialog = cls(parent, person_id, ledgers, profiles)
        return dialog.value() if dialog.exec() == QDialog.DialogCode.Accepted else None


class EditChargeDialog(ToolDialog):
    """Editar conta (a receber, or a pagar without Valor), prefilled with the conta."""

    def __init__(
        self,
        parent: QWidget | None,
        title: str,
        charge: ChargeBrief,
        ledgers: Sequence[Choice],
        *,
        with_value: bool = True,
        warning: str | None = None,
    ) -> None:
        super().__init__(parent, title, confirm_text=t.SURE_APPLY)
        self.charge = charge
        if warning:
            self.show_notice(warning)
        self.value_edit = self.money(t.VALUE, "value_edit", charge.amount_cents)
        self.value_edit.setVisible(with_value)
        self.form.labelForField(self.value_edit).setVisible(with_value)
        self.description_edit = self.line(t.DESCRIPTION, "description_edit", charge.description)
        self.due_date_edit = self.day(t.DUE_DATE, "due_date_edit", charge.due_date)
        self.period_start_edit = self.day(
            t.PERIOD_START, "period_start_edit", charge.period_start or charge.due_date
        )
        self.period_end_edit = self.day(
            t.PERIOD_END, "period_end_edit", charge.period_end or charge.due_date
        )
        self.installment_spin = self.number(
            t.INSTALLMENT, "installment_spin", charge.installment or 0, 0, 999
        )
        self.ledger_combo = self.choice(
            t.LEDGER, "ledger_combo", ledgers, empty=t.NO_LEDGER, current=charge.ledger_account_id
        )
        self.revalidate()

    def is_valid(self) -> bool:
        if not hasattr(self, "ledger_combo"):
            return False
        return bool(text_of(self.description_edit)) and (money_cents(self.value_edit) or 0) > 0

    def value(self) -> ChargeEdit:
        """Only what the clerk changed."""
        c = self.charge
        start, end = date_of(self.period_start_edit), date_of(self.period_end_edit)
        return ChargeEdit(
            amount_cents=_changed(money_cents(self.value_edit), c.amount_cents),
            description=_changed(text_of(self.description_edit), c.description),
            due_date=_changed(date_of(self.due_date_edit), c.due_date),
            period_start=_changed(start, c.period_start or c.due_date),
            period_end=_changed(end, c.period_end or c.due_date),
            installment=_changed(self.installment_spin.value() or None, c.installment),
            ledger_account_id=_changed(self.ledger_combo.currentData(), c.ledger_account_id),
        )

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        title: str,
        charge: ChargeBrief,
        ledgers: Sequence[Choice],
        *,
        with_value: bool = True,
        warning: str | None = None,
    ) -> ChargeEdit | None:
        """Show the dialog; None when cancelled."""
        dialog = cls(parent, title, charge, ledgers, with_value=with_value, warning=warning)
        return dialog.value() if dialog.exec() == QDialog.DialogCode.Accepted else None


class BillChargesDialog(ToolDialog):
    """Faturar contas: Método, Profile, Vencimento and Descrição (locked unless all-in-one)."""

    def __init__(
        self, parent: QWidget | None, charges: Sequence[ChargeBrief], profiles: Sequence[Choice]
    ) -> None:
        super().__init__(parent, t.BILL_TITLE)
        self.charges = list(charges)
        first = self.charges[0]
        self.method_radios = self.radios(t.BILL_METHODS)
        self.profile_combo = self.choice(
            t.BILL_PROFILE, "profile_combo", profiles, empty=t.NO_PROFILE
        )
        self.due_date_edit = self.day(
            t.DUE_DATE, "due_date_edit", max(c.due_date for c in self.charges)
        )
        self.description_edit = self.line(t.DESCRIPTION, "description_edit", first.description)
        for button in self.method_radios.values():
            button.toggled.connect(self._lock)
        self._lock()

    @property
    def free_fields(self) -> bool:
        """The seed's rule: open only for several contas billed all in one invoice."""
        return len(self.charges) > 1 and self.method_radios["all_in_one"].isChecked()

    def _lock(self, *_args: object) -> None:
        free = self.free_fields
        self.due_date_edit.setEnabled(free)
        self.description_edit.setEnabled(free)
        self.due_date_edit.setToolTip("" if free else t.BILL_LOCKED)
        self.revalidate()

    def is_valid(self) -> bool:
        if not hasattr(self, "description_edit"):
            return False
        return not self.free_fields or bool(text_of(self.description_edit))

    def value(self) -> BillValue:
        """How to bill; due date and description only when the fields are open."""
        free = self.free_fields
        method = "all_in_one" if self.method_radios["all_in_one"].isChecked() else "per_charge"
        return BillValue(
            method,
            self.profile_combo.currentData(),
            date_of(self.due_date_edit) if free else None,
            text_of(self.description_edit) if free else None,
        )

    @classmethod
    def ask(
        cls, parent: QWidget | None, charges: Sequence[ChargeBrief], profiles: Sequence[Choice]
    ) -> BillValue | None:
        """Show the dialog; None when cancelled."""
        dialog = cls(parent, charges, profiles)
        return dialog.value() if dialog.exec() == QDialog.DialogCode.Accepted else None
