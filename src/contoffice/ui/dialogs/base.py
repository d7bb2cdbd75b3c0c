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
    QDialog,
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
from contoffice.ui.dialogs.fields import (
    CheckedEdit,
    DateEdit,
    MoneyEdit,
    fill_combo,
)

W = TypeVar("W", bound=QWidget)
class ToolDialog(QDialog):
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

    # -- what is wrong, beside the field ------------------------------------------------
    def check(self, edit: CheckedEdit, *, final: bool) -> None:
        """Say (or stop saying) what is wrong with a field; half-typed values wait for `final`."""
        message = edit.problem(self.label_of(edit))
        if message and not final and edit.still_typing() and not self.error_of(edit):
            return  # the clerk is still typing: no message yet
        self.set_error(edit, message or None)

    def set_error(self, widget: QWidget, message: str | None) -> None:
        """Show (or clear) a message in the row under `widget`."""
        label = self._error_labels.get(widget)
        if label is None:
            place = self._place_of(widget)
            if message is None or place is None:
                return
            form, row = place
            label = QLabel(form.parentWidget())
            label.setObjectName(f"{widget.objectName()}_error")
            label.setProperty("role", "error")
            label.setWordWrap(True)
            form.insertRow(row + 1, "", label)
            self._error_labels[widget] = label
        label.setText(message or "")
        label.setVisible(bool(message))
        widget.setProperty("invalid", bool(message))
        widget.style().unpolish(widget)
        widget.style().polish(widget)
        if message:
            self._make_room()

    def _make_room(self) -> None:
        # A wrapped message needs a height the dialog's minimum size does not know of
        # (height for width): grow to it, or the rows below would be drawn over.
        layout = self.layout()
        layout.activate()
        needed = layout.totalHeightForWidth(self.width()) if layout.hasHeightForWidth() else -1
        if needed > self.height():
            self.resize(self.width(), needed)

    def error_of(self, widget: QWidget) -> str:
        """The message shown under `widget` ("" when none)."""
        label = self._error_labels.get(widget)
        return label.text() if label is not None and not label.isHidden() else ""

    def label_of(self, widget: QWidget) -> str:
        """The caption of a field's row (its name in a message), "" when it has none."""
        place = self._place_of(widget)
        if place is None:
            return ""
        item = place[0].itemAt(place[1], QFormLayout.ItemRole.LabelRole)
        label = item.widget() if item is not None else None
        return label.text().rstrip(" :*") if isinstance(label, QLabel) else ""

    def _place_of(self, widget: QWidget) -> tuple[QFormLayout, int] | None:
        for form in self.findChildren(QFormLayout):
            row, _role = form.getWidgetPosition(widget)
            if row >= 0:
                return form, row
        return None

    def field_problems(self, within: QWidget | None = None) -> list[str]:
        """What is wrong with the enabled date and money fields (of `within`, else all).

        A field on a page not shown counts too: Finalizar must not take a wrong
        value the clerk can no longer see.
        """
        found = []
        for edit in self._checked:
            if not edit.isEnabled() or edit.isHidden():
                continue
            if within is not None and not within.isAncestorOf(edit):
                continue
            message = edit.problem(self.label_of(edit))
            if message:
                found.append(message)
        return found

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
