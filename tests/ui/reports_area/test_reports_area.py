"""Relatórios over the demo office: every report draws its chart beside its table, exports."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from PySide6.QtCharts import QAbstractBarSeries, QLineSeries
from PySide6.QtWidgets import QFileDialog, QMessageBox
from sqlalchemy import select

from contoffice.db.models import Invoice
from contoffice.db.uow import Database
from contoffice.services.invoices import actions
from contoffice.services.kernel.permissions import Actor
from contoffice.ui import texts
from contoffice.ui.context import WindowContext
from contoffice.ui.main_window import MainWindow
from contoffice.ui.reports_area import ReportsArea
from contoffice.ui.reports_area import labels as t
from contoffice.ui.reports_area.page import ReportPage
from contoffice.ui.settings import DeskSettings

WAIT = 20_000
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def _window(qtbot: Any, db: Database, actor: Actor, settings: DeskSettings) -> MainWindow:
    settings.operator = actor.login
    window = MainWindow(WindowContext(db, actor, settings))
    qtbot.addWidget(window)
    window.show()
    return window


def _area(qtbot: Any, window: MainWindow) -> ReportsArea:
    window.navigation.setCurrentRow(texts.NAVIGATION.index(texts.REPORTS_AREA))
    area = window.tabs.currentWidget()
    assert isinstance(area, ReportsArea)
    assert window.tabs.tabText(window.tabs.currentIndex()) == "Relatórios"
    return area


def _loaded(qtbot: Any, area: ReportsArea, title: str) -> ReportPage:
    page = area.open_report(title)
    assert page is not None and area.stack.currentWidget() is page
    qtbot.waitUntil(lambda: page.report is not None, timeout=WAIT)
    return page


def _points(page: ReportPage) -> int:
    """Values the chart on screen draws, over all its series."""
    chart = page.chart_view.chart()
    count = 0
    for series in chart.series():
        if isinstance(series, QAbstractBarSeries):
            count += sum(bar.count() for bar in series.barSets())
        elif isinstance(series, QLineSeries):
            count += series.count()
    return count


@pytest.fixture
def spc_marked(demo_db: Database, demo_actor: Actor) -> int:
    """One overdue invoice of the demo marked SPC (the demo marks none)."""
    with demo_db.uow() as uow:
        invoice_id = uow.session.scalar(
            select(Invoice.id).where(Invoice.status == "open", Invoice.direction == "R")
            .order_by(Invoice.due_date, Invoice.id).limit(1))
    actions.set_spc(demo_db.uow(), demo_actor, invoice_ids=[invoice_id], in_spc=True)
    return int(invoice_id)


def test_every_report_shows_its_chart_and_table(
        qtbot: Any, demo_db: Database, demo_actor: Actor, desk_settings: DeskSettings,
        spc_marked: int) -> None:
    area = _area(qtbot, _window(qtbot, demo_db, demo_actor, desk_settings))
    titles = [area.list.item(i).text() for i in range(area.list.count())]
    assert titles == [t.REVENUE, t.AGING, t.DELINQUENCY, t.DEBTORS, t.SPC, t.FORECAST, t.AUDIT]
    for title in titles:
        page = _loaded(qtbot, area, title)
        report = page.report
        assert report is not None and report.rows, title
        assert page.table.rowCount() == len(report.rows) > 0, title
        assert page.table.columnCount() == len(report.columns)
        assert page.chart_view.chart().title() == title
        assert _points(page) > 0, title
        assert page.export_button.isEnabled() and page.png_button.isEnabled()
    revenue = area.pages[t.REVENUE]
    assert [s.label() for s in revenue.chart_view.chart().series()[0].barSets()] == [
        "Faturado", "Recebido"]
    assert revenue.table.item(0, 1).text().startswith("R$ ")  # money as the clerk reads it
    axis = revenue.chart_view.chart().axes()[1]
    assert axis.labelFormat().startswith("R$")
    spc = area.pages[t.SPC]
    assert spc.table.item(0, 0).text() == str(spc_marked)
    audit = area.pages[t.AUDIT]
    assert any("SPC" in audit.table.item(r, 2).text() for r in range(audit.table.rowCount()))


def test_export_table_and_save_chart(qtbot: Any, demo_db: Database, demo_actor: Actor,
                                     desk_settings: DeskSettings, tmp_path: Path,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    area = _area(qtbot, _window(qtbot, demo_db, demo_actor, desk_settings))
    page = _loaded(qtbot, area, t.DEBTORS)
    sheet, image = tmp_path / "devedores.xlsx", tmp_path / "devedores.png"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *_a, **_k: (str(sheet), "Planilha Excel (*.xlsx)"))
    operation = page.export()
    assert operation is not None
    qtbot.waitUntil(lambda: operation.result is not None, timeout=WAIT)
    rows = list(load_workbook(sheet).active.iter_rows(values_only=True))
    header = next(i for i, row in enumerate(rows) if row and row[0] == "Posição")
    body = rows[header + 1:]
    assert len(body) == page.table.rowCount() == 20
    assert [r[2] for r in body] == [page.table.item(i, 2).text() for i in range(20)]
    balances = [float(r[5]) for r in body]
    assert balances == sorted(balances, reverse=True) and balances[0] > 0
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(image), ""))
    assert page.save_chart() == image
    assert image.read_bytes()[:8] == PNG_MAGIC


def test_filters_and_a_bad_period(qtbot: Any, demo_db: Database, demo_actor: Actor,
                                  desk_settings: DeskSettings,
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: warnings.append(text))
    area = _area(qtbot, _window(qtbot, demo_db, demo_actor, desk_settings))
    page = _loaded(qtbot, area, t.DEBTORS)
    page.filters.limit.setValue(3)
    operation = page.refresh()
    qtbot.waitUntil(lambda: operation.result is not None, timeout=WAIT)
    assert page.table.rowCount() == 3
    revenue = _loaded(qtbot, area, t.REVENUE)
    revenue.filters.first.setDate(revenue.filters.last.date().addMonths(2))
    operation = revenue.refresh()
    qtbot.waitUntil(lambda: operation.error is not None and bool(warnings), timeout=WAIT)
    assert "invertido" in warnings[0]


def test_hidden_without_permission(qtbot: Any, demo_db: Database, demo_actor: Actor,
                                   desk_settings: DeskSettings, spc_marked: int) -> None:
    row = texts.NAVIGATION.index(texts.REPORTS_AREA)
    assert texts.NAVIGATION[row - 1] == "Fiscal" and texts.NAVIGATION[row + 1] == (
        "Configurações")
    nobody = Actor(demo_actor.id, "bia", "Bia", permissions=frozenset({"people.view"}))
    window = _window(qtbot, demo_db, nobody, desk_settings)
    assert window.navigation.item(row).isHidden()
    window.navigation.setCurrentRow(row)
    assert not any(isinstance(window.tabs.widget(i), ReportsArea)
                   for i in range(window.tabs.count()))
    viewer = Actor(demo_actor.id, "caio", "Caio", permissions=frozenset({"reports.view"}))
    area = _area(qtbot, _window(qtbot, demo_db, viewer, desk_settings))
    titles = [area.list.item(i).text() for i in range(area.list.count())]
    assert t.AUDIT not in titles and t.REVENUE in titles
    auditor = Actor(demo_actor.id, "duda", "Duda", permissions=frozenset({"reports.audit"}))
    area = _area(qtbot, _window(qtbot, demo_db, auditor, desk_settings))
    assert [area.list.item(i).text() for i in range(area.list.count())] == [t.AUDIT]
    assert _loaded(qtbot, area, t.AUDIT).table.rowCount() > 0
