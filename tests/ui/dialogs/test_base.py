"""The tool dialogs' fields: a wrong date or amount says why beside it, and keeps saying it."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import QDate, QEvent, Qt
from PySide6.QtGui import QColor, QFocusEvent
from PySide6.QtWidgets import QApplication, QFormLayout, QLabel, QPushButton, QWidget

from contoffice.services.panels.lookups import Choice
from contoffice.ui.app import style
from contoffice.ui.dialogs.base import ToolDialog
from contoffice.ui.dialogs.charge_dialogs import InsertChargeDialog
from contoffice.ui.dialogs.fields import DateEdit, MoneyEdit
from contoffice.ui.dialogs.invoice_dialogs import SettleDialog

PROFILES = [Choice(1, "Itaú — Carteira 109")]


@pytest.fixture
def settle(qtbot: Any) -> SettleDialog:
    """Liquidação avulsa: a date (Data de liquidação) and an amount (Valor de liquidação)."""
    dialog = SettleDialog(None, PROFILES)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.profile_combo.setCurrentIndex(1)  # "Profile bancária" needs its profile
    dialog.justification_edit.setPlainText("Pagamento no balcão")
    dialog.confirm_check.setChecked(True)
    assert dialog.finish_button.isEnabled()
    return dialog


def leave(widget: QWidget) -> None:
    """The keyboard goes to another field."""
    QApplication.sendEvent(widget, QFocusEvent(QEvent.Type.FocusOut,
                                               Qt.FocusReason.TabFocusReason))


def row_of(dialog: ToolDialog, widget: QWidget) -> int:
    form = next(f for f in dialog.findChildren(QFormLayout) if f.getWidgetPosition(widget)[0] >= 0)
    return form.getWidgetPosition(widget)[0]


def test_an_impossible_date_is_refused_beside_the_field(qtbot: Any,
                                                       settle: SettleDialog) -> None:
    edit = settle.settled_on_edit
    assert isinstance(edit, DateEdit)
    edit.selectAll()
    qtbot.keyClicks(edit, "31022026")  # typed through the dd/mm/aaaa mask
    assert edit.text() == "31/02/2026"  # as typed: never turned into 28/02/2026
    message = settle.error_of(edit)
    assert message == "Data de liquidação inválida: o dia 31/02/2026 não existe."
    label = settle.findChild(QLabel, "settled_on_edit_error")
    assert label is not None and label.isVisible()
    assert row_of(settle, label) == row_of(settle, edit) + 1  # right under the field
    assert not settle.finish_button.isEnabled()
    leave(edit)
    settle.value_edit.setText("100,00")  # working elsewhere: the message stays
    assert settle.error_of(edit) == message and not settle.finish_button.isEnabled()
    edit.setText("27/02/2026")
    assert settle.error_of(edit) == "" and not label.isVisible()
    assert settle.finish_button.isEnabled()
    assert settle.value().settled_on.isoformat() == "2026-02-27"


def test_a_half_typed_date_waits_until_the_field_is_left(qtbot: Any,
                                                        settle: SettleDialog) -> None:
    edit = settle.settled_on_edit
    edit.clear()
    qtbot.keyClicks(edit, "3102")
    assert settle.error_of(edit) == ""  # still typing
    assert not settle.finish_button.isEnabled()  # but no date is no date
    leave(edit)
    assert "não é uma data" in settle.error_of(edit)


@pytest.mark.parametrize("typed, message", [
    ("cem reais", "Valor de liquidação inválido: “cem reais” não é um valor; "
                  "use o formato 1.234,56."),
    ("-100", "O valor deve ser maior que zero."),
])
def test_a_wrong_amount_says_why(qtbot: Any, settle: SettleDialog, typed: str,
                                 message: str) -> None:
    edit = settle.value_edit
    assert isinstance(edit, MoneyEdit)
    qtbot.keyClicks(edit, typed)
    assert settle.error_of(edit) == message
    assert not settle.finish_button.isEnabled()
    edit.setText("150,00")
    assert settle.error_of(edit) == "" and settle.finish_button.isEnabled()


def test_a_half_typed_amount_waits_until_the_field_is_left(qtbot: Any,
                                                          settle: SettleDialog) -> None:
    edit = settle.value_edit
    qtbot.keyClicks(edit, "1.2")  # on the way to 1.234,56
    assert settle.error_of(edit) == ""
    leave(edit)
    assert "ambíguo" in settle.error_of(edit)
    qtbot.keyClicks(edit, "34,56")
    assert edit.text() == "1.234,56" and settle.error_of(edit) == ""


def test_avancar_of_inserir_conta_says_why_it_is_greyed(qtbot: Any) -> None:
    dialog = InsertChargeDialog(None, 1, [], PROFILES)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.description_edit.setText("Consultoria")
    qtbot.keyClicks(dialog.value_edit, "cem reais")
    assert not dialog.next_button.isEnabled()
    assert "“cem reais” não é um valor" in dialog.error_of(dialog.value_edit)
    dialog.value_edit.setText("200,00")
    assert dialog.next_button.isEnabled()
    dialog.due_date_edit.setText("30/02/2026")
    assert "30/02/2026 não existe" in dialog.error_of(dialog.due_date_edit)
    assert not dialog.next_button.isEnabled()


def _background(button: QPushButton) -> QColor:
    image = button.grab().toImage()
    return image.pixelColor(6, image.height() // 2)


def test_a_disabled_finalizar_looks_disabled(qtbot: Any, qapp: Any) -> None:
    style(qapp)
    dialog = ToolDialog(None, "Teste")
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.finish_button.isEnabled()
    disabled = _background(dialog.finish_button)
    dialog.confirm_check.setChecked(True)
    assert dialog.finish_button.isEnabled()
    enabled = _background(dialog.finish_button)
    assert enabled == QColor("#2563eb")
    assert disabled != enabled and disabled.saturation() < 40  # grey, not the accent blue


def test_a_date_can_be_picked_from_the_calendar(qtbot: Any, settle: SettleDialog) -> None:
    edit = settle.settled_on_edit
    qtbot.keyClick(edit, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    calendar = edit.calendar
    assert calendar is not None and calendar.isVisible()
    calendar.clicked.emit(QDate(2026, 3, 16))
    assert edit.text() == "16/03/2026" and edit.calendar is None
    assert settle.value().settled_on == date(2026, 3, 16)
