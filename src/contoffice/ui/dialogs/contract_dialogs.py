"""Contratos: Cadastrar novo contrato, Cancelar, Ativar, Gerenciar agrupamentos (INV-D)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from PySide6.QtWidgets import QCheckBox, QComboBox, QDialog, QLabel, QWidget

from contoffice.services.contracts.records import ContractInput
from contoffice.services.panels.lookups import Choice
from contoffice.ui.dialogs import labels as t
from contoffice.ui.dialogs.base import ToolDialog
from contoffice.ui.dialogs.fields import date_of, money_cents, text_of


@dataclass(frozen=True, slots=True)
class CancelValue:
    reason: str
    ends_on: date
    remove_open_invoices: bool = True


def rule_combo(parent: QWidget, current: str | None = None) -> QComboBox:
    """Regra de vencimento: fixed day or N-th business day."""
    combo = QComboBox(parent)
    for key, caption in t.DUE_RULES:
        combo.addItem(caption, key)
    if current is not None:
        combo.setCurrentIndex(max(combo.findData(current), 0))
    return combo


def offset_combo(parent: QWidget, current: int = 1) -> QComboBox:
    """The month the fee of a competência falls due in."""
    combo = QComboBox(parent)
    combo.addItems(list(t.DUE_OFFSETS))
    combo.setCurrentIndex(current)
    return combo


class NewContractDialog(ToolDialog):
    """Plan and fee, due rule, profile, start, ledger, description, grouping."""

    def __init__(
        self,
        parent: QWidget | None,
        person_id: int,
        profiles: Sequence[Choice],
        ledgers: Sequence[Choice],
    ) -> None:
        super().__init__(parent, t.NEW_CONTRACT_TITLE)
        self.person_id = person_id
        self.plan_edit = self.line(t.PLAN, "plan_edit")
        self.fee_edit = self.money(t.FEE, "fee_edit")
        self.starts_on_edit = self.day(t.STARTS_ON, "starts_on_edit", date.today().replace(day=1))
        self.rule_combo = self.add_row(t.DUE_RULE, rule_combo(self), "rule_combo")
        self.due_day_spin = self.number(t.DUE_DAY, "due_day_spin", 10, 1, 31)
        self.offset_combo = self.add_row(t.DUE_OFFSET, offset_combo(self), "offset_combo")
        self.move_check = QCheckBox(t.MOVE_BUSINESS, self)
        self.move_check.setChecked(True)
        self.add_row("", self.move_check, "move_check")
        self.profile_combo = self.choice(t.PROFILE, "profile_combo", profiles, empty="")
        self.ledger_combo = self.choice(t.LEDGER, "ledger_combo", ledgers, empty=t.NO_LEDGER)
        self.description_edit = self.line(t.CONTRACT_DESCRIPTION, "description_edit")
        self.grouping_edit = self.line(t.GROUPING, "grouping_edit")
        self.awaiting_check = QCheckBox(t.AWAITING, self)
        self.add_row("", self.awaiting_check, "awaiting_check")
        self.months_spin = self.number(t.GENERATE_MONTHS, "generate_months_spin", 12, 0, 120)
        self.awaiting_check.toggled.connect(lambda on: self.months_spin.setEnabled(not on))
        self.revalidate()

    def is_valid(self) -> bool:
        if not hasattr(self, "awaiting_check"):
            return False
        return bool(text_of(self.plan_edit)) and (money_cents(self.fee_edit) or 0) > 0

    def value(self) -> ContractInput:
        """The new contract."""
        return ContractInput(
            person_id=self.person_id,
            plan=text_of(self.plan_edit),
            fee_cents=money_cents(self.fee_edit) or 0,
            starts_on=date_of(self.starts_on_edit),
            due_day=self.due_day_spin.value(),
            due_rule=str(self.rule_combo.currentData()),
            move_to_business_day=self.move_check.isChecked(),
            due_month_offset=self.offset_combo.currentIndex(),
            payment_profile_id=self.profile_combo.currentData(),
            ledger_account_id=self.ledger_combo.currentData(),
            description=text_of(self.description_edit),
            grouping=text_of(self.grouping_edit),
            awaiting_activation=self.awaiting_check.isChecked(),
            generate_months=0 if self.awaiting_check.isChecked() else self.months_spin.value(),
        )

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        person_id: int,
        profiles: Sequence[Choice],
        ledgers: Sequence[Choice],
    ) -> ContractInput | None:
        """Show the dialog; None when cancelled."""
        dialog = cls(parent, person_id, profiles, ledgers)
        return dialog.value() if dialog.exec() == QDialog.DialogCode.Accepted else None


class CancelContractDialog(ToolDialog):
    """Cancelar contrato: Motivo and the end date (unbilled fees after it are dropped)."""

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent, t.CANCEL_CONTRACT_TITLE)
        self.reason_edit = self.memo(t.REASON, "reason_edit")
        self.ends_on_edit = self.day(t.ENDS_ON, "ends_on_edit")
        self.remove_invoices_check = QCheckBox(t.REMOVE_LATER_INVOICES, self)
        self.remove_invoices_check.setChecked(True)
        self.add_row("", self.remove_invoices_check, "remove_invoices_check")
        self.revalidate()

    def is_valid(self) -> bool:
        return hasattr(self, "remove_invoices_check") and bool(text_of(self.reason_edit))

    @classmethod
    def ask(cls, parent: QWidget | None) -> CancelValue | None:
        """Show the dialog; None when cancelled."""
        dialog = cls(parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return CancelValue(text_of(dialog.reason_edit), date_of(dialog.ends_on_edit),
                           dialog.remove_invoices_check.isChecked())


class MonthsDialog(ToolDialog):
    """Ativar contrato aguardando ativação: how many months of parcelas to generate."""

    def __init__(self, parent: QWidget | None, title: str, value: int) -> None:
        super().__init__(parent, title)
        self.months_spin = self.number(t.ACTIVATE_MONTHS, "months_spin", value, 0, 120)

    @classmethod
    def ask(
        cls, parent: QWidget | None, title: str = t.ACTIVATE_TITLE, value: int = 12
    ) -> int | None:
        """The number of months, or None when cancelled."""
        dialog = cls(parent, title, value)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.months_spin.value()


class GroupingDialog(ToolDialog):
    """Gerenciar agrupamentos: the group name for the selected contracts (empty: none)."""

    def __init__(self, parent: QWidget | None, current: str) -> None:
        super().__init__(parent, t.GROUPING_TITLE)
        self.form.addRow(QLabel(t.GROUPING_HINT, self))
        self.grouping_edit = self.line(t.GROUPING, "grouping_edit", current)

    @classmethod
    def ask(cls, parent: QWidget | None, current: str = "") -> str | None:
        """The group name, or None when cancelled."""
        dialog = cls(parent, current)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return text_of(dialog.grouping_edit)
