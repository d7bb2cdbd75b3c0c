"""One report: its filters, its chart with the table beside it, export and Salvar gráfico."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCharts import QChartView
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from contoffice.core.text import fold
from contoffice.services import reporting
from contoffice.services.reporting import Report
from contoffice.ui import texts
from contoffice.ui.context import WindowContext
from contoffice.ui.export import ask_path
from contoffice.ui.operations import Operation
from contoffice.ui.reports_area import labels as t
from contoffice.ui.reports_area.charts import RENDER_HINT, build_chart, chart_height
from contoffice.ui.reports_area.filters import FilterBar

WIDEST = 480  # pixels a column may take to show its longest text
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class ReportPage(QWidget):
    """Atualizar runs the query in a worker; the chart and the table show its answer."""

    def __init__(self, ctx: WindowContext, title: str, filters: FilterBar,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.title, self.filters = ctx, title, filters
        self.report: Report | None = None
        self.last_operation: Operation | None = None
        self.show_button = self._button(t.SHOW, "show_report", self.refresh)
        self.export_button = self._button(t.EXPORT, "export_report", self.export)
        self.png_button = self._button(t.SAVE_CHART, "save_chart", self.save_chart)
        top = QHBoxLayout()
        top.addWidget(filters, 1)
        for button in (self.show_button, self.export_button, self.png_button):
            top.addWidget(button)
        self.chart_view = QChartView(self)
        self.chart_view.setObjectName("report_chart")
        self.chart_view.setRenderHint(RENDER_HINT)
        self.chart_view.setMinimumWidth(360)
        self.table = QTableWidget(self)
        self.table.setObjectName("report_table")
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        # Many clients on horizontal bars need height: the chart scrolls rather than elide.
        self.chart_scroll = QScrollArea(self)
        self.chart_scroll.setWidgetResizable(True)
        self.chart_scroll.setWidget(self.chart_view)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(self.chart_scroll)
        split.addWidget(self.table)
        split.setSizes([640, 460])
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        self.note = QLabel(self)
        self.note.setObjectName("report_note")
        self.note.setWordWrap(True)
        self.status = QLabel(self)
        self.status.setObjectName("report_status")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        layout.addWidget(self.note)
        layout.addWidget(self.status)
        self._enable(False)

    def _button(self, text: str, name: str, slot: Any) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.clicked.connect(slot)
        return button

    def _enable(self, ready: bool) -> None:
        self.export_button.setEnabled(ready)
        self.png_button.setEnabled(ready)

    def refresh(self) -> Operation:
        """Atualizar (and F5): ask again with the filters as they are now."""
        query, db, actor = self.filters.query(), self.ctx.db, self.ctx.actor
        self.status.setText(t.LOADING)
        operation = Operation(self, lambda _progress: query(db, actor), title=self.title)
        operation.on_success(self.show_report)
        operation.finished.connect(lambda: self.status.setText(self._count_text()))
        if operation.run():  # else the same query is still running: that one answers
            self.last_operation = operation
        return self.last_operation or operation

    def show_report(self, report: Report) -> None:
        """Draw the chart and fill the table beside it."""
        self.report = report
        old = self.chart_view.chart()
        self.chart_view.setChart(build_chart(report))
        self.chart_view.setMinimumHeight(chart_height(report))
        if old is not None:
            old.deleteLater()
        columns = report.columns
        self.table.clear()
        self.table.setColumnCount(len(columns))
        self.table.setRowCount(len(report.rows))
        self.table.setHorizontalHeaderLabels([c.header for c in columns])
        for r, values in enumerate(report.values()):
            for c, (column, value) in enumerate(zip(columns, values, strict=True)):
                item = QTableWidgetItem(column.display(value))
                if column.numeric:
                    item.setTextAlignment(_RIGHT)
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()  # headers whole; no narrower than declared
        for c, column in enumerate(columns):
            fitted = min(self.table.columnWidth(c), WIDEST)  # a long sentence wraps the view
            self.table.setColumnWidth(c, max(column.width, fitted))
        self.note.setText(report.note)
        self.status.setText(self._count_text())
        self._enable(True)

    def _count_text(self) -> str:
        report = self.report
        if report is None:
            return ""
        if not report.rows:
            return texts.NO_ROWS
        if report.total is not None:
            return t.SHOWING.format(shown=len(report.rows), total=report.total)
        return t.ROWS.format(n=len(report.rows))

    def export(self) -> Operation | None:
        """Exportar planilha: the table as shown, XLSX or CSV, written in the background."""
        report = self.report
        path = ask_path(self, self.title) if report is not None else None
        if report is None or path is None:
            return None
        db, actor, notify = self.ctx.db, self.ctx.actor, self.ctx.notify
        operation = Operation(self, lambda _progress: reporting.export_report(
            db.uow(), actor, report, path), title=texts.EXPORT_TITLE)
        operation.on_success(lambda n: notify(texts.EXPORT_DONE.format(n=n, path=path)))
        operation.run()
        self.last_operation = operation
        return operation

    def save_chart(self) -> Path | None:
        """Salvar gráfico (PNG): the chart as drawn on screen."""
        name = fold(self.title).replace(" ", "_") + ".png"
        chosen, _filter = QFileDialog.getSaveFileName(self, t.SAVE_CHART_TITLE, name,
                                                      t.PNG_FILTER)
        if not chosen:
            return None
        path = Path(chosen if chosen.lower().endswith(".png") else chosen + ".png")
        if not self.chart_view.grab().save(str(path), "PNG"):
            QMessageBox.warning(self, texts.ERROR_TITLE, t.CHART_NOT_SAVED.format(path=path))
            return None
        self.ctx.notify(t.CHART_SAVED.format(path=path))
        return path
