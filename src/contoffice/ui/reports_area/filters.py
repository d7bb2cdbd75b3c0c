"""The filters above each report; `query()` reads them into a call the worker makes."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from contoffice.core.due_dates import add_months
from contoffice.services import reporting
from contoffice.services.admin.setup import Database
from contoffice.services.kernel.permissions import Actor
from contoffice.services.reporting import AuditChoices, AuditFilter, Report
from contoffice.services.reporting.balances import MAX_DEBTORS
from contoffice.services.reporting.forecast import MAX_AHEAD
from contoffice.ui.reports_area import labels as t

Query = Callable[[Database, Actor], Report]


def _date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def _qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


class FilterBar(QWidget):
    """A row of labelled fields; subclasses add theirs and say what to ask."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(0, 0, 0, 0)

    def field(self, label: str, widget: QWidget, name: str) -> QWidget:
        """Add `widget` with its label; its objectName is `name` (tests find it so)."""
        widget.setObjectName(name)
        self.row.addWidget(QLabel(label, self))
        self.row.addWidget(widget)
        return widget

    def month(self, label: str, value: date, name: str) -> QDateEdit:
        """A month picker (mm/aaaa)."""
        edit = QDateEdit(_qdate(value), self)
        edit.setDisplayFormat(t.MONTH_FORMAT)
        self.field(label, edit, name)
        return edit

    def day(self, label: str, value: date, name: str) -> QDateEdit:
        """A date picker (dd/mm/aaaa) with its calendar."""
        edit = QDateEdit(_qdate(value), self)
        edit.setDisplayFormat(t.DATE_FORMAT)
        edit.setCalendarPopup(True)
        self.field(label, edit, name)
        return edit

    def count(self, label: str, value: int, top: int, name: str) -> QSpinBox:
        """A whole number from 1 to `top`."""
        spin = QSpinBox(self)
        spin.setRange(1, top)
        spin.setValue(value)
        self.field(label, spin, name)
        return spin

    # Each bar below defines `query`: the report call with what the clerk chose.
    query: Callable[[], Query]


class PeriodBar(FilterBar):
    """From month to month: revenue and delinquency (default: the last 12 months)."""

    def __init__(self, call: Callable[..., Report], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.call, this = call, date.today().replace(day=1)
        self.first = self.month(t.FROM_MONTH, add_months(this, -11), "first_month")
        self.last = self.month(t.TO_MONTH, this, "last_month")
        self.row.addStretch(1)

    def query(self) -> Query:
        """The period as first days of months."""
        first, last, call = _date(self.first.date()), _date(self.last.date()), self.call
        return lambda db, actor: call(db.uow(), actor, first, last)


class TodayBar(FilterBar):
    """No filter: the office's position today (aging, SPC)."""

    def __init__(self, call: Callable[[Database, Actor], Report],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.call = call
        self.row.addStretch(1)

    def query(self) -> Query:
        """The call as it is."""
        return self.call


class DebtorsBar(FilterBar):
    """How many of the largest open balances."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.limit = self.count(t.HOW_MANY, 20, MAX_DEBTORS, "how_many")
        self.row.addStretch(1)

    def query(self) -> Query:
        """Top debtors as of today."""
        limit = self.limit.value()
        return lambda db, actor: reporting.top_debtors(db.uow(), actor, date.today(), limit)


class ForecastBar(FilterBar):
    """From which competência, for how many months (default: the next 6)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.first = self.month(t.FIRST_MONTH, add_months(date.today(), 1), "first_month")
        self.months = self.count(t.MONTHS, 6, MAX_AHEAD, "months")
        self.row.addStretch(1)

    def query(self) -> Query:
        """The forecast call."""
        first, months = _date(self.first.date()), self.months.value()
        return lambda db, actor: reporting.fee_forecast(db.uow(), actor, first, months)


class AuditBar(FilterBar):
    """Who, what, when (default: the last 30 days) and which client."""

    def __init__(self, choices: AuditChoices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.operator = QComboBox(self)
        self.operator.addItem(t.EVERYONE, None)
        for operator_id, name in choices.operators:
            self.operator.addItem(name, operator_id)
        self.field(t.OPERATOR, self.operator, "operator")
        self.action = QComboBox(self)
        self.action.addItem(t.EVERY_ACTION, None)
        for key, label in choices.actions:
            self.action.addItem(label, key)
        self.field(t.ACTION, self.action, "action")
        today = date.today()
        self.since = self.day(t.SINCE, date.fromordinal(today.toordinal() - 30), "since")
        self.until = self.day(t.UNTIL, today, "until")
        self.client = QLineEdit(self)
        self.client.setPlaceholderText(t.CLIENT_HINT)
        self.field(t.CLIENT, self.client, "client")
        self.row.addStretch(1)

    def wanted(self) -> AuditFilter:
        """The filter as chosen."""
        return AuditFilter(self.operator.currentData(), self.action.currentData(),
                           _date(self.since.date()), _date(self.until.date()),
                           self.client.text())

    def query(self) -> Query:
        """The audit log call."""
        wanted = self.wanted()
        return lambda db, actor: reporting.audit_log(db.uow(), actor, wanted)
