"""The typed fields of the tool dialogs: amounts and dates that say why they are wrong."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QDate, QPoint, Qt, Signal
from PySide6.QtGui import QFocusEvent, QIcon, QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QCalendarWidget,
    QComboBox,
    QDateEdit,
    QLineEdit,
    QPlainTextEdit,
    QStyle,
    QWidget,
)

from contoffice.core.format import format_date, parse_date
from contoffice.core.money import Money
from contoffice.core.validation import ValidationError
from contoffice.services.kernel import messages
from contoffice.services.panels.lookups import Choice
from contoffice.ui import texts

# What an amount looks like half typed ("1.2" on the way to "1.234,56", "0" to "0,50").
_AMOUNT_SO_FAR = re.compile(r"(R\$\s*)?[0-9.]*,?")


class MoneyEdit(QLineEdit):
    """A pt-BR amount (1.234,56) that can say why what was typed is no amount."""

    left = Signal()  # the keyboard went elsewhere: time to say what is wrong

    def __init__(self, text: str = "", parent: QWidget | None = None, *,
                 positive: bool = True) -> None:
        super().__init__(text, parent)
        self.positive = positive  # False: zero is accepted (a discount), negatives are not
        self.setPlaceholderText("0,00")

    def problem(self, field: str = "") -> str:
        """Why the text is no acceptable amount ("" when it is, or when empty)."""
        field = field or "Valor"
        text = self.text().strip()
        if not text:
            return ""
        try:
            cents = Money.parse(text, field).cents
        except ValidationError as error:
            return error.message
        if self.positive and cents <= 0:
            return messages.AMOUNT_NOT_POSITIVE
        return texts.AMOUNT_NEGATIVE if cents < 0 else ""

    def still_typing(self) -> bool:
        """True while the text may still become an amount by typing on."""
        return _AMOUNT_SO_FAR.fullmatch(self.text().strip()) is not None

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.left.emit()


class DateEdit(QLineEdit):
    """A date typed as dd/mm/aaaa (or picked from a calendar); never silently corrected.

    QDateEdit turns 31/02/2026 into 28/02/2026 without a word; here an impossible
    date stays as typed and `problem` says what is wrong with it.
    """

    left = Signal()

    def __init__(self, value: date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setInputMask("00/00/0000;_")  # "0": a digit may be missing, so it can be said
        self.setDate(value or date.today())
        icon = QApplication.style().standardIcon(QStyle.StandardPixmap.SP_ArrowDown)
        self.calendar_action = self.addAction(
            QIcon(icon), QLineEdit.ActionPosition.TrailingPosition)
        self.calendar_action.setToolTip(texts.PICK_DATE)
        self.calendar_action.triggered.connect(self.open_calendar)
        self.calendar: QCalendarWidget | None = None

    def setDate(self, value: QDate | date) -> None:  # QDateEdit's name and call
        """Show a date (a QDate or a date)."""
        day = value.toPython() if isinstance(value, QDate) else value
        self.setText(format_date(day))  # type: ignore[arg-type]

    def value(self) -> date | None:
        """The date typed, or None while it is no date."""
        try:
            return parse_date(self.displayText())
        except ValidationError:
            return None

    def date(self) -> QDate:
        """The date typed as a QDate (invalid while it is no date), like QDateEdit's."""
        day = self.value()
        return QDate(day) if day is not None else QDate()

    def problem(self, field: str = "") -> str:
        """Why the text is no date ("" when it is one)."""
        try:
            parse_date(self.displayText(), field or "Data")
        except ValidationError as error:
            return error.message
        return ""

    def still_typing(self) -> bool:
        """True until all eight digits are there."""
        return sum(c.isdigit() for c in self.displayText()) < 8

    def open_calendar(self) -> None:
        """A month calendar under the field; a click fills the date."""
        calendar = QCalendarWidget(self)
        calendar.setWindowFlags(Qt.WindowType.Popup)
        calendar.setObjectName("calendar_popup")
        calendar.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        calendar.setSelectedDate(self.date() if self.value() else QDate.currentDate())
        calendar.clicked.connect(self._picked)
        calendar.move(self.mapToGlobal(QPoint(0, self.height())))
        calendar.show()
        self.calendar = calendar

    def _picked(self, day: QDate) -> None:
        self.setDate(day)
        if self.calendar is not None:
            self.calendar.close()
            self.calendar = None
        self.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Alt+↓ or F4 opens the calendar, as on a combo box.
        alt_down = (event.key() == Qt.Key.Key_Down
                    and event.modifiers() & Qt.KeyboardModifier.AltModifier)
        if alt_down or event.key() == Qt.Key.Key_F4:
            self.open_calendar()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.left.emit()


CheckedEdit = MoneyEdit | DateEdit


def money_cents(edit: QLineEdit) -> int | None:
    """The typed amount in cents, or None when empty or not an amount."""
    try:
        return Money.parse(edit.text()).cents if edit.text().strip() else None
    except ValueError:
        return None


def text_of(widget: QLineEdit | QPlainTextEdit) -> str:
    """The stripped text of a line or text edit."""
    raw = widget.text() if isinstance(widget, QLineEdit) else widget.toPlainText()
    return raw.strip()


def date_of(edit: DateEdit | QDateEdit) -> date:
    """The date shown by a date edit (a wrong one keeps Finalizar disabled, so never here)."""
    if isinstance(edit, DateEdit):
        day = edit.value()
        if day is None:
            raise ValueError(edit.problem())
        return day
    return edit.date().toPython()  # type: ignore[return-value]


def fill_combo(
    combo: QComboBox,
    choices: Sequence[Choice],
    *,
    empty: str | None = None,
    current: int | None = None,
) -> None:
    """Choices with their ids as item data; `empty` adds a first "none" entry."""
    combo.clear()
    if empty is not None:
        combo.addItem(empty, None)
    for choice in choices:
        combo.addItem(choice.name, choice.id)
    if current is not None:
        index = combo.findData(current)
        if index >= 0:
            combo.setCurrentIndex(index)
