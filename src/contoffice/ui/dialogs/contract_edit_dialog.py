"""Editar contrato: the four alteration tools, and the tab of the contract's contas (INV-D-3/4).

A tool of the contas tab closes the dialog and returns a `ChargeToolRequest`;
the page then runs that tool with its own dialog (a dialog never writes).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from contoffice.core.format import format_date, format_decimal_cents, format_money
from contoffice.core.vocab import ChargeStatus
from contoffice.services.panels.lookups import ChargeBrief, Choice, ContractBrief
from contoffice.ui.dialogs import labels as t
from contoffice.ui.dialogs.base import ToolDialog
from contoffice.ui.dialogs.contract_dialogs import offset_combo, rule_combo
from contoffice.ui.dialogs.fields import MoneyEdit, fill_combo, money_cents, text_of


@dataclass(frozen=True, slots=True)
class ContractEdit:
    """One alteration tool with its values (only those of `tool` matter)."""

    tool: str  # a key of labels.ALTERATION_TOOLS
    justification: str
    due_rule: str = ""
    due_day: int = 10
    move_to_business_day: bool = True
    due_month_offset: int = 1
    payment_profile_id: int | None = None
    plan: str = ""
    fee_cents: int = 0
    description: str = ""
    grouping: str = ""
    ledger_account_id: int | None = None


@dataclass(frozen=True, slots=True)
class ChargeToolRequest:
    """A tool of the contas tab, on the selected contas of the contract."""

    tool: str  # a key of labels.CONTRACT_CHARGE_TOOLS
    charge_ids: list[int]
    invoice_ids: list[int]


class EditContractDialog(ToolDialog):
    """Two tabs: "Alterar contrato" (Finalizar) and "Contas associadas ao contrato"."""

    def __init__(
        self,
        parent: QWidget | None,
        contract: ContractBrief,
        charges: Sequence[ChargeBrief],
        profiles: Sequence[Choice],
        ledgers: Sequence[Choice],
    ) -> None:
        super().__init__(
            parent, t.EDIT_CONTRACT_TITLE.format(code=contract.id), confirm_text=t.SURE_APPLY
        )
        self.setMinimumWidth(720)
        self.contract, self.charges = contract, list(charges)
        self.request: ChargeToolRequest | None = None
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("contract_tabs")
        self.form.addRow(self.tabs)
        alteration = QWidget(self.tabs)
        top = QFormLayout(alteration)
        self.tabs.addTab(alteration, t.ALTERATION_TAB)
        self.tool_combo = self.field(top, t.WHAT_TO_ALTER, QComboBox(), "tool_combo")
        for key, caption in t.ALTERATION_TOOLS:
            self.tool_combo.addItem(caption, key)
        self.pages = QStackedWidget(alteration)
        top.addRow(self.pages)
        forms = []
        for _key in t.ALTERATION_TOOLS:
            page = QWidget(self.pages)
            forms.append(QFormLayout(page))
            self.pages.addWidget(page)
        self.tool_combo.currentIndexChanged.connect(self.pages.setCurrentIndex)
        rule, prof, plan, general = forms
        c = contract
        self.rule_combo = self.field(rule, t.DUE_RULE, rule_combo(self, c.due_rule), "rule_combo")
        self.due_day_spin = self.field(rule, t.DUE_DAY, QSpinBox(), "due_day_spin")
        self.due_day_spin.setRange(1, 31)
        self.due_day_spin.setValue(c.due_day)
        self.offset_combo = self.field(
            rule, t.DUE_OFFSET, offset_combo(self, c.due_month_offset), "offset_combo"
        )
        self.move_check = self.field(rule, "", QCheckBox(t.MOVE_BUSINESS), "move_check")
        self.move_check.setChecked(c.move_to_business_day)
        self.profile_combo = self.field(prof, t.PROFILE, QComboBox(), "profile_combo")
        fill_combo(self.profile_combo, profiles, empty="", current=c.payment_profile_id)
        self.plan_edit = self.field(plan, t.PLAN, QLineEdit(c.plan), "plan_edit")
        self.fee_edit = self.field(
            plan, t.FEE, MoneyEdit(format_decimal_cents(c.fee_cents)), "fee_edit"
        )
        self.description_edit = self.field(
            general, t.CONTRACT_DESCRIPTION, QLineEdit(c.description), "description_edit"
        )
        self.grouping_edit = self.field(general, t.GROUPING, QLineEdit(c.grouping), "grouping_edit")
        self.ledger_combo = self.field(general, t.LEDGER, QComboBox(), "ledger_combo")
        fill_combo(self.ledger_combo, ledgers, empty=t.NO_LEDGER, current=c.ledger_account_id)
        self.justification_edit = self.field(
            top, t.JUSTIFICATION, QLineEdit(), "justification_edit"
        )
        self.tabs.addTab(self._charges_tab(), t.CONTRACT_CHARGES_TAB)
        self.revalidate()

    def _charges_tab(self) -> QWidget:
        holder = QWidget(self.tabs)
        self.charges_table = QTableWidget(len(self.charges), len(t.CHARGE_COLUMNS), holder)
        self.charges_table.setObjectName("charges_table")
        self.charges_table.setHorizontalHeaderLabels(t.CHARGE_COLUMNS)
        self.charges_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.charges_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.charges_table.verticalHeader().hide()
        for row, ch in enumerate(self.charges):
            values = (
                str(ch.id),
                ch.description,
                format_money(ch.amount_cents),
                format_date(ch.due_date),
                ChargeStatus(ch.status).label,
                str(ch.invoice_id or ""),
            )
            for column, value in enumerate(values):
                self.charges_table.setItem(row, column, QTableWidgetItem(value))
        self.charges_table.resizeColumnsToContents()
        buttons = QHBoxLayout()
        self.charge_buttons: dict[str, QPushButton] = {}
        for key, caption in t.CONTRACT_CHARGE_TOOLS:
            button = QPushButton(caption, holder)
            button.setObjectName(f"charges_{key}_button")
            button.clicked.connect(lambda _checked=False, k=key: self._charge_tool(k))
            buttons.addWidget(button)
            self.charge_buttons[key] = button
        layout = QVBoxLayout(holder)
        layout.addLayout(buttons)
        layout.addWidget(self.charges_table)
        self.charges_table.itemSelectionChanged.connect(self._charge_selection)
        self._charge_selection()
        return holder

    def selected_charges(self) -> list[ChargeBrief]:
        """The contas selected in the tab."""
        rows = sorted({i.row() for i in self.charges_table.selectionModel().selectedRows()})
        return [self.charges[r] for r in rows]

    def _charge_selection(self) -> None:
        chosen = self.selected_charges()
        for key, button in self.charge_buttons.items():
            if key == "print":
                button.setEnabled(any(c.invoice_id for c in chosen))
            elif key == "edit":
                button.setEnabled(len(chosen) == 1)
            elif key not in ("insert", "renew"):
                button.setEnabled(bool(chosen))

    def _charge_tool(self, key: str) -> None:
        chosen = self.selected_charges()
        invoices = sorted({c.invoice_id for c in chosen if c.invoice_id})
        self.request = ChargeToolRequest(key, [c.id for c in chosen], invoices)
        self.accept()

    @property
    def tool(self) -> str:
        """The chosen alteration tool's key."""
        return str(self.tool_combo.currentData())

    def is_valid(self) -> bool:
        if not hasattr(self, "charges_table") or not text_of(self.justification_edit):
            return False
        if self.tool == "profile":
            return self.profile_combo.currentData() is not None
        if self.tool == "plan":
            return bool(text_of(self.plan_edit)) and (money_cents(self.fee_edit) or 0) > 0
        return True

    def value(self) -> ContractEdit | ChargeToolRequest:
        """The alteration asked for, or the contas tool pressed."""
        if self.request is not None:
            return self.request
        return ContractEdit(
            tool=self.tool,
            justification=text_of(self.justification_edit),
            due_rule=str(self.rule_combo.currentData()),
            due_day=self.due_day_spin.value(),
            move_to_business_day=self.move_check.isChecked(),
            due_month_offset=self.offset_combo.currentIndex(),
            payment_profile_id=self.profile_combo.currentData(),
            plan=text_of(self.plan_edit),
            fee_cents=money_cents(self.fee_edit) or 0,
            description=text_of(self.description_edit),
            grouping=text_of(self.grouping_edit),
            ledger_account_id=self.ledger_combo.currentData(),
        )

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        contract: ContractBrief,
        charges: Sequence[ChargeBrief],
        profiles: Sequence[Choice],
        ledgers: Sequence[Choice],
    ) -> ContractEdit | ChargeToolRequest | None:
        """Show the dialog; None when cancelled."""
        dialog = cls(parent, contract, charges, profiles, ledgers)
        return dialog.value() if dialog.exec() == QDialog.DialogCode.Accepted else None
