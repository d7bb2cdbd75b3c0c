"""Liquidação avulsa, Estorno and Incluir cobrança adicional (INV-E-13, INV-E-16, INV-E-19)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from PySide6.QtWidgets import QCheckBox, QDialog, QWidget

from contoffice.services.panels.lookups import Choice
from contoffice.ui.dialogs import labels as t
from contoffice.ui.dialogs.base import ToolDialog
from contoffice.ui.dialogs.fields import date_of, money_cents, text_of


@dataclass(frozen=True, slots=True)
class SettlementValue:
    method: str  # bank_profile | other
    settled_on: date
    value_cents: int | None  # None: the invoice's whole balance
    partial: bool
    payment_profile_id: int | None
    justification: str


@dataclass(frozen=True, slots=True)
class ReversalValue:
    cash_account_id: int
    justification: str


@dataclass(frozen=True, slots=True)
class AdditionalChargeValue:
    description: str
    amount_cents: int
    ledger_account_id: int | None
    justification: str


class SettleDialog(ToolDialog):
    """Método, Data de liquidação (retroactive allowed), Valor, Profile, Justificativa."""

    def __init__(self, parent: QWidget | None, profiles: Sequence[Choice]) -> None:
        super().__init__(parent, t.SETTLE_TITLE)
        self.method_radios = self.radios(t.METHODS)
        self.settled_on_edit = self.day(t.SETTLED_ON, "settled_on_edit")
        self.value_edit = self.money(t.SETTLE_VALUE, "value_edit")
        self.value_edit.setPlaceholderText(t.SETTLE_VALUE_HINT)
        self.partial_check = QCheckBox(t.PARTIAL, self)
        self.add_row("", self.partial_check, "partial_check")
        self.profile_combo = self.choice(t.PROFILE, "profile_combo", profiles, empty="")
        self.justification_edit = self.memo(t.JUSTIFICATION, "justification_edit")
        self.method_radios["bank_profile"].toggled.connect(self.profile_combo.setEnabled)
        self.revalidate()

    @property
    def method(self) -> str:
        """The checked method's key."""
        return next(k for k, b in self.method_radios.items() if b.isChecked())

    def is_valid(self) -> bool:
        if not hasattr(self, "justification_edit") or not text_of(self.justification_edit):
            return False
        typed = bool(self.value_edit.text().strip())
        cents = money_cents(self.value_edit)
        if typed and (cents is None or cents <= 0):
            return False
        if self.partial_check.isChecked() and cents is None:
            return False
        return self.method != "bank_profile" or self.profile_combo.currentData() is not None

    def value(self) -> SettlementValue:
        """The settlement asked for."""
        bank = self.method == "bank_profile"
        return SettlementValue(
            self.method,
            date_of(self.settled_on_edit),
            money_cents(self.value_edit),
            self.partial_check.isChecked(),
            self.profile_combo.currentData() if bank else None,
            text_of(self.justification_edit),
        )

    @classmethod
    def ask(cls, parent: QWidget | None, profiles: Sequence[Choice]) -> SettlementValue | None:
        """Show the dialog; None when cancelled."""
        dialog = cls(parent, profiles)
        return dialog.value() if dialog.exec() == QDialog.DialogCode.Accepted else None


class ReverseDialog(ToolDialog):
    """Justifique brevemente o estorno; Origem/Destino dos valores; Data evento (today)."""

    def __init__(self, parent: QWidget | None, accounts: Sequence[Choice]) -> None:
        super().__init__(parent, t.REVERSE_TITLE)
        self.justification_edit = self.memo(t.REVERSE_JUSTIFICATION, "justification_edit")
        self.account_combo = self.choice(t.CASH_ACCOUNT, "account_combo", accounts, empty="")
        # The reversal is posted on the day it is made (seed), so the date is shown, fixed.
        self.event_date_edit = self.day(t.EVENT_DATE, "event_date_edit")
        self.event_date_edit.setEnabled(False)
        self.revalidate()

    def is_valid(self) -> bool:
        return (
            hasattr(self, "account_combo")
            and bool(text_of(self.justification_edit))
            and self.account_combo.currentData() is not None
        )

    def value(self) -> ReversalValue:
        """The reversal asked for."""
        return ReversalValue(
            int(self.account_combo.currentData()), text_of(self.justification_edit)
        )

    @classmethod
    def ask(cls, parent: QWidget | None, accounts: Sequence[Choice]) -> ReversalValue | None:
        """Show the dialog; None when cancelled."""
        dialog = cls(parent, accounts)
        return dialog.value() if dialog.exec() == QDialog.DialogCode.Accepted else None


class AdditionalChargeDialog(ToolDialog):
    """A conta added to each selected invoice (which is then reissued)."""

    def __init__(self, parent: QWidget | None, ledgers: Sequence[Choice]) -> None:
        super().__init__(parent, t.ADDITIONAL_TITLE)
        self.description_edit = self.line(t.DESCRIPTION, "description_edit")
        self.value_edit = self.money(t.VALUE, "value_edit")
        self.ledger_combo = self.choice(t.LEDGER, "ledger_combo", ledgers, empty=t.NO_LEDGER)
        self.justification_edit = self.memo(t.JUSTIFICATION, "justification_edit")
        self.revalidate()

    def is_valid(self) -> bool:
        return (
            hasattr(self, "justification_edit")
            and bool(text_of(self.description_edit))
            and (money_cents(self.value_edit) or 0) > 0
            and bool(text_of(self.justification_edit))
        )

    def value(self) -> AdditionalChargeValue:
        """The extra conta asked for."""
        return AdditionalChargeValue(
            text_of(self.description_edit),
            money_cents(self.value_edit) or 0,
            self.ledger_combo.currentData(),
            text_of(self.justification_edit),
        )

    @classmethod
    def ask(cls, parent: QWidget | None, ledgers: Sequence[Choice]) -> AdditionalChargeValue | None:
        """Show the dialog; None when cancelled."""
        dialog = cls(parent, ledgers)
        return dialog.value() if dialog.exec() == QDialog.DialogCode.Accepted else None
