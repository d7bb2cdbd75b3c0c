"""Relatórios: the list of reports on the left, the chosen one (filters, chart, table) beside."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QListWidget, QSplitter, QStackedWidget, QVBoxLayout, QWidget

from contoffice.services import reporting
from contoffice.services.kernel.permissions import Actor
from contoffice.ui.context import WindowContext
from contoffice.ui.operations import show_error
from contoffice.ui.reports_area import labels as t
from contoffice.ui.reports_area.filters import (
    AuditBar,
    DebtorsBar,
    FilterBar,
    ForecastBar,
    PeriodBar,
    TodayBar,
)
from contoffice.ui.reports_area.page import ReportPage


def _delinquency(uow: Any, actor: Actor, first: date, last: date) -> reporting.Report:
    return reporting.delinquency_by_month(uow, actor, first, last, date.today())


def _audit_bar(ctx: WindowContext) -> FilterBar:
    return AuditBar(reporting.choices(ctx.db.uow(), ctx.actor))


@dataclass(frozen=True)
class ReportEntry:
    title: str
    permission: str
    filters: Callable[[WindowContext], FilterBar]


REPORTS: tuple[ReportEntry, ...] = (
    ReportEntry(t.REVENUE, reporting.VIEW, lambda _ctx: PeriodBar(reporting.revenue_by_month)),
    ReportEntry(t.AGING, reporting.VIEW, lambda _ctx: TodayBar(
        lambda db, actor: reporting.aging(db.uow(), actor, date.today()))),
    ReportEntry(t.DELINQUENCY, reporting.VIEW, lambda _ctx: PeriodBar(_delinquency)),
    ReportEntry(t.DEBTORS, reporting.VIEW, lambda _ctx: DebtorsBar()),
    ReportEntry(t.SPC, reporting.VIEW, lambda _ctx: TodayBar(
        lambda db, actor: reporting.spc_invoices(db.uow(), actor))),
    ReportEntry(t.FORECAST, reporting.VIEW, lambda _ctx: ForecastBar()),
    ReportEntry(t.AUDIT, reporting.AUDIT, _audit_bar),
)


def can_open(actor: Actor) -> bool:
    """Whether the operator may see any report (else the entry is hidden)."""
    return any(actor.can(entry.permission) for entry in REPORTS)


class ReportsArea(QWidget):
    """The navigation's Relatórios entry; each report is built and queried when chosen."""

    def __init__(self, ctx: WindowContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reports_area")
        self.ctx = ctx
        self.entries = [e for e in REPORTS if ctx.actor.can(e.permission)]
        self.pages: dict[str, ReportPage] = {}
        self.list = QListWidget(self)
        self.list.setObjectName("report_list")
        self.list.addItems([e.title for e in self.entries])
        self.list.setMaximumWidth(260)
        self.stack = QStackedWidget(self)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(self.list)
        split.addWidget(self.stack)
        split.setStretchFactor(1, 1)
        split.setSizes([200, 1100])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(split)
        if not self.entries:
            layout.addWidget(QLabel(t.NO_REPORTS, self))
        self.list.currentRowChanged.connect(self.show_report)

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if self.entries and self.list.currentRow() < 0:  # the first report when first shown
            self.list.setCurrentRow(0)

    def show_report(self, row: int) -> ReportPage | None:
        """The page of the report in `row`, built and queried the first time."""
        if not 0 <= row < len(self.entries):
            return None
        entry = self.entries[row]
        page = self.pages.get(entry.title)
        if page is None:
            try:
                filters = entry.filters(self.ctx)
            except Exception as error:  # the filter lists come from the database
                show_error(self, error)
                return None
            page = ReportPage(self.ctx, entry.title, filters, self.stack)
            self.pages[entry.title] = page
            self.stack.addWidget(page)
            page.refresh()
        self.stack.setCurrentWidget(page)
        return page

    def open_report(self, title: str) -> ReportPage | None:
        """Choose a report by its title (the list's row)."""
        titles = [e.title for e in self.entries]
        if title not in titles:
            return None
        self.list.setCurrentRow(titles.index(title))
        return self.pages.get(title)

    def refresh(self) -> None:
        """F5: the report shown, asked again."""
        page = self.stack.currentWidget()
        if isinstance(page, ReportPage):
            page.refresh()
