"""The frame every tool dialog shares: a form, "Tenho certeza", and Finalizar.

Finalizar stays disabled until the confirmation is checked and the values
have a valid format (`is_valid`); business rules are the services' job. A
date or money field that holds something wrong says why in the row under it,
and keeps saying it until the value is right.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TypeVar

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from contoffice.core.format import format_decimal_cents
from contoffice.services.panels.lookups import Choice
from contoffice.ui import texts
from contoffice.ui.dialogs import labels as t
from contoffice.ui.dialogs.field_errors import FieldErrors
from contoffice.ui.dialogs.fields import (
    CheckedEdit,
    DateEdit,
    MoneyEdit,
    fill_combo,
)

W = TypeVar("W", bound=QWidget)


class ToolDialog(FieldErrors):
    """A form with the confirmation check and Finalizar; subclasses add rows and `value()`."""

    def __init__(self, parent: QWidget | None, title: str, *, confirm_text: str = t.SURE) -> None:
        super().__init__(parent)
        self._checked: list[CheckedEdit] = []  # the fields that can say what is wrong
        self._error_labels: dict[QWidget, QLabel] = {}
        self.setWindowTitle(title)
        self.setMinimumWidth(480)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.notice = QLabel(self)
        self.notice.setObjectName("notice_label")
        self.notice.setWordWrap(True)
        self.notice.setProperty("role", "error")
        self.notice.hide()
        self.confirm_check = QCheckBox(confirm_text, self)
        self.confirm_check.setObjectName("confirm_check")
        self.finish_button = QPushButton(texts.FINISH, self)
        self.finish_button.setObjectName("finish_button")
        self.finish_button.setDefault(True)
        self.cancel_button = QPushButton(t.CANCEL, self)
        self.cancel_button.setObjectName("cancel_button")
        self.buttons = QHBoxLayout()
        self.buttons.addStretch(1)
        self.buttons.addWidget(self.cancel_button)
        self.buttons.addWidget(self.finish_button)
        self.body = QVBoxLayout(self)
        self.body.addWidget(self.notice)
        self.body.addLayout(self.form)
        self.body.addWidget(self.confirm_check)
        self.body.addLayout(self.buttons)
        self.finish_button.clicked.connect(self.accept)
        self.cancel_button.clicked.connect(self.reject)
        self.confirm_check.toggled.connect(self.revalidate)
        self.revalidate()

    # -- building rows -----------------------------------------------------------------
    def watch(self, widget: QWidget) -> None:
        """Re-check Finalizar whenever `widget` changes."""
        for name in (
            "textChanged",
            "currentIndexChanged",
            "dateChanged",
            "valueChanged",
            "toggled",
        ):
            signal = getattr(widget, name, None)
            if signal is not None:
                signal.connect(self.revalidate)
        if isinstance(widget, CheckedEdit):
            self._checked.append(widget)
            widget.textChanged.connect(lambda _text, w=widget: self.check(w, final=False))
            widget.left.connect(lambda w=widget: self.check(w, final=True))

    def add_row(self, label: str, widget: W, name: str) -> W:
        """A labelled row; the widget gets `name` as object name and is watched."""
        widget.setObjectName(name)
        self.form.addRow(label, widget)
        self.watch(widget)
        return widget

    def field(self, form: QFormLayout, label: str, widget: W, name: str) -> W:
        """A watched, named row in another form (a page of a stacked dialog)."""
        widget.setObjectName(name)
        form.addRow(label, widget)
        self.watch(widget)
        return widget

    def line(self, label: str, name: str, value: str = "") -> QLineEdit:
        """A one-line text field."""
        edit = QLineEdit(value, self)
        self.add_row(label, edit, name)
        return edit

    def money(self, label: str, name: str, cents: int | None = None, *,
              positive: bool = True) -> MoneyEdit:
        """A money field in pt-BR format (1.234,56)."""
        edit = MoneyEdit(parent=self, positive=positive)
        if cents is not None:
            edit.setText(format_decimal_cents(cents))
        self.add_row(label, edit, name)
        return edit

    def memo(self, label: str, name: str, value: str = "") -> QPlainTextEdit:
        """A several-line text field (justificativa, observações)."""
        edit = QPlainTextEdit(value, self)
        edit.setTabChangesFocus(True)
        edit.setFixedHeight(72)
        self.add_row(label, edit, name)
        return edit

    def day(self, label: str, name: str, value: date | None = None) -> DateEdit:
        """A date field dd/mm/aaaa with a calendar."""
        edit = DateEdit(value, self)
        self.add_row(label, edit, name)
        return edit

    def choice(
        self,
        label: str,
        name: str,
        choices: Sequence[Choice],
        *,
        empty: str | None = None,
        current: int | None = None,
    ) -> QComboBox:
        """A combo box of choices."""
        combo = QComboBox(self)
        fill_combo(combo, choices, empty=empty, current=current)
        self.add_row(label, combo, name)
        return combo

    def number(self, label: str, name: str, value: int, low: int, high: int) -> QSpinBox:
        """An integer field."""
        spin = QSpinBox(self)
        spin.setRange(low, high)
        spin.setValue(value)
        self.add_row(label, spin, name)
        return spin

    def radios(self, options: Sequence[tuple[str, str]]) -> dict[str, QRadioButton]:
        """Exclusive options as radio buttons (the first checked), in one row each."""
        buttons: dict[str, QRadioButton] = {}
        for key, caption in options:
            button = QRadioButton(caption, self)
            button.setObjectName(f"{key}_radio")
            self.form.addRow(button)
            self.watch(button)
            buttons[key] = button
        if buttons:
            next(iter(buttons.values())).setChecked(True)
        return buttons

    def show_notice(self, text: str) -> None:
        """A warning at the top (e.g. the seed's "ATENÇÃO! Esta conta já está faturada")."""
        self.notice.setText(text)
        self.notice.show()

    # -- validity ----------------------------------------------------------------------
    def is_valid(self) -> bool:
        """True when every field has a valid format (subclasses override)."""
        return True

    def revalidate(self, *_args: object) -> None:
        """Enable Finalizar when confirmed, valid and no date or amount is wrong."""
        if hasattr(self, "finish_button"):
            try:  # always run: subclasses update other buttons there
                valid = self.is_valid()
            except AttributeError:  # a watched field changed while the dialog is being built
                valid = False
            valid = valid and not self.field_problems()
            self.finish_button.setEnabled(valid and self.confirm_check.isChecked())
