"""Emissão em massa of a competência: Simular (nothing sent), Gerar notas with progress and
Cancelar, and the report (autorizadas, rejeitadas with the Sefin's codes, sem resposta)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from contoffice.core.format import format_competence, format_money
from contoffice.services.fiscal.generate import GenerateReport, InvoiceOutcome, Outcome, generate
from contoffice.services.fiscal.pending import pending_invoices
from contoffice.services.kernel.results import Changes
from contoffice.ui import tool_flow
from contoffice.ui.client.fiscal_generate import opened
from contoffice.ui.client.fiscal_password import certificate_ready
from contoffice.ui.context import WindowContext
from contoffice.ui.fiscal_area import labels as t
from contoffice.ui.operations import Operation

_RED = QColor("#b3261e")
_SITUATION = {
    Outcome.WOULD_ISSUE: t.WOULD_ISSUE, Outcome.REFUSED: t.REFUSED,
    Outcome.ISSUED: t.AUTHORISED, Outcome.REJECTED: t.REJECTED,
    Outcome.UNKNOWN: t.UNCERTAIN, Outcome.NOT_SENT: t.NOT_DONE,
}
_GOOD = (Outcome.WOULD_ISSUE, Outcome.ISSUED)
class BatchPanel(QWidget):
    """Simular, Gerar notas, the summary and one row per invoice."""

    def __init__(self, ctx: WindowContext, competence: Callable[[], date],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("fiscal_batch")
        self.ctx, self._competence = ctx, competence
        hint = QLabel(t.HINT, self)
        hint.setWordWrap(True)
        self.simulate_button = QPushButton(t.SIMULATE, self)
        self.simulate_button.setObjectName("simulate_button")
        self.generate_button = QPushButton(t.GENERATE, self)
        self.generate_button.setObjectName("generate_button")
        self.generate_button.setEnabled(False)  # a simulation of the competência comes first
        self.summary_label = QLabel(self)
        self.summary_label.setObjectName("summary_label")
        self.summary_label.setWordWrap(True)
        self.table = QTableWidget(0, len(t.COLUMNS), self)
        self.table.setObjectName("outcomes_table")
        self.table.setHorizontalHeaderLabels(t.COLUMNS)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        buttons = QHBoxLayout()
        buttons.addWidget(hint, 1)
        buttons.addWidget(self.simulate_button)
        buttons.addWidget(self.generate_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.table, 1)
        self.simulate_button.clicked.connect(self.simulate)
        self.generate_button.clicked.connect(self.generate)
        self.simulated: GenerateReport | None = None
        self.report: GenerateReport | None = None
        self.last_operation: Operation | None = None

    @property
    def busy(self) -> bool:
        """Whether a simulation or a run is going on."""
        return not self.simulate_button.isEnabled()

    def reset(self) -> None:
        """Another competência: the simulation is redone before anything is generated."""
        self.simulated = None
        self.table.setRowCount(0)
        self.summary_label.clear()
        self.generate_button.setEnabled(False)

    def to_issue(self) -> list[int]:
        """The invoices the simulation says will receive their note."""
        rows = self.simulated.rows if self.simulated else ()
        return [r.invoice_id for r in rows if r.outcome == Outcome.WOULD_ISSUE]

    def simulate(self) -> None:
        """Simular: every invoice without a note, would-issue or refused and why."""
        db, actor, month = self.ctx.db, self.ctx.actor, self._competence()
        self._start(lambda progress: opened(db, lambda uow: generate(
            uow, actor, pending_invoices(uow, month), dry_run=True, progress=progress)),
            self._simulated)

    def generate(self) -> None:
        """Gerar notas: confirmed, then sent one by one (Cancelar stops between notes)."""
        ids, month = self.to_issue(), format_competence(self._competence())
        if not ids or not tool_flow.ask_confirmation(self, t.CONFIRM.format(
                n=len(ids), competence=month)):
            return
        if not certificate_ready(self, self.ctx):
            return
        db, actor = self.ctx.db, self.ctx.actor
        self._start(lambda progress: opened(db, lambda uow: generate(
            uow, actor, ids, progress=progress)), self._generated)

    def _start(self, work: Callable[[Any], Any], done: Callable[[Any], None]) -> None:
        operation = Operation(self, work, title=t.TITLE)
        operation.on_success(done)
        operation.finished.connect(self._idle)
        self.last_operation = operation
        self.simulate_button.setEnabled(False)
        self.generate_button.setEnabled(False)
        operation.run()

    def _idle(self) -> None:
        self.simulate_button.setEnabled(True)
        self.generate_button.setEnabled(bool(self.to_issue()))

    def _simulated(self, report: GenerateReport) -> None:
        self.simulated, month = report, format_competence(self._competence())
        self._fill(report.rows)
        ok = report.count(Outcome.WOULD_ISSUE)
        self.summary_label.setText(
            t.SIMULATED.format(competence=month, ok=ok, refused=len(report.rows) - ok)
            if report.rows else t.NOTHING.format(competence=month))

    def _generated(self, report: GenerateReport) -> None:
        self.report, self.simulated = report, None  # the next run is simulated again
        self._fill(report.rows)
        values = {"competence": format_competence(self._competence()),
                  "authorised": report.count(Outcome.ISSUED),
                  "rejected": report.count(Outcome.REJECTED),
                  "uncertain": report.count(Outcome.UNKNOWN) + report.count(Outcome.NOT_SENT)}
        text = (t.CANCELLED if report.cancelled else t.DONE).format(**values)
        if values["uncertain"]:
            text += "\n" + t.UNCERTAIN_HINT
        self.summary_label.setText(text)
        self.ctx.notify(text.splitlines()[0])
        people = frozenset(r.person_id for r in report.rows if r.person_id is not None)
        self.ctx.changes.publish(Changes(invoices=True, fiscal=True, person_ids=people), self)

    def _fill(self, rows: tuple[InvoiceOutcome, ...]) -> None:
        self.table.setRowCount(len(rows))
        for n, row in enumerate(rows):
            values = (str(row.invoice_id), row.name, format_money(row.amount_cents),
                      _SITUATION[row.outcome], row.message)
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if row.outcome not in _GOOD:
                    item.setForeground(_RED)
                self.table.setItem(n, column, item)
        self.table.resizeColumnsToContents()

    def situations(self) -> list[str]:
        """The Situação column, row by row (what the clerk reads)."""
        return [self.table.item(r, 3).text() for r in range(self.table.rowCount())]
