"""Negativas de débito em lote: Simular (dry run), then Gerar with progress and Cancelar.

Issuing commits each client on its own (services.clearances.batch), so a cancelled run
keeps what it issued; the report says how many were issued and how many were left.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from contoffice.core.format import format_money
from contoffice.core.progress import Cancelled, Progress
from contoffice.services.admin.setup import Database
from contoffice.services.clearances.batch import PlanRow, generate_batch, plan
from contoffice.services.clearances.eligibility import FIRST_YEAR
from contoffice.services.kernel.permissions import Actor
from contoffice.services.kernel.results import Changes
from contoffice.ui import tool_flow
from contoffice.ui.billing import clearance_labels as t
from contoffice.ui.context import WindowContext
from contoffice.ui.operations import Operation

PERMISSION = "clearances.generate"


@dataclass(frozen=True, slots=True)
class BatchOutcome:
    """A real run: every client asked for, issued or not, and whether Cancelar stopped it."""

    rows: list[PlanRow]
    cancelled: bool

    @property
    def issued(self) -> list[PlanRow]:
        """The declarations this run issued."""
        return [r for r in self.rows if r.eligible and r.declaration_id is not None]

    @property
    def left(self) -> list[PlanRow]:
        """The clients still able to receive one (a cancelled run left them)."""
        return [r for r in self.rows if r.eligible and r.declaration_id is None]


def issue_batch(db: Database, actor: Actor, year: int, person_ids: list[int],
                progress: Progress) -> BatchOutcome:
    """On the worker: issue for these clients; after Cancelar, read back what was issued."""
    try:
        return BatchOutcome(generate_batch(db, actor, year=year, person_ids=person_ids,
                                           progress=progress), cancelled=False)
    except Cancelled:
        # They were all eligible a moment ago: a declaration found now is this run's.
        rows = [replace(r, eligible=True) if r.declaration_id is not None else r
                for r in plan(db, actor, year=year, person_ids=person_ids)]
        return BatchOutcome(rows, cancelled=True)


def situation(row: PlanRow) -> tuple[str, str]:
    """The Situação and Motivo a clerk reads for one row."""
    if row.eligible and row.declaration_id is not None:
        return t.ISSUED, t.ISSUED_REASON.format(id=row.declaration_id)
    return (t.CAN if row.eligible else t.CANNOT), row.reason


class ClearanceBatchDialog(QDialog):
    """The year, Simular, the table of clients with counts, Gerar, the final report."""

    def __init__(self, ctx: WindowContext, parent: QWidget | None = None,
                 today: date | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("clearance_batch_dialog")
        self.setWindowTitle(t.TITLE)
        self.resize(900, 560)
        today = today or date.today()
        hint = QLabel(t.HINT, self)
        hint.setWordWrap(True)
        self.year_spin = QSpinBox(self)
        self.year_spin.setObjectName("year_spin")
        self.year_spin.setRange(FIRST_YEAR, today.year - 1)
        self.year_spin.setValue(today.year - 1)
        self.simulate_button = QPushButton(t.SIMULATE, self)
        self.simulate_button.setObjectName("simulate_button")
        self.generate_button = QPushButton(t.GENERATE, self)
        self.generate_button.setObjectName("generate_button")
        self.generate_button.setEnabled(False)  # a simulation of this year comes first
        close_button = QPushButton(t.CLOSE, self)
        self.summary_label = QLabel(self)
        self.summary_label.setObjectName("summary_label")
        self.summary_label.setWordWrap(True)
        self.table = QTableWidget(0, len(t.COLUMNS), self)
        self.table.setObjectName("clients_table")
        self.table.setHorizontalHeaderLabels(t.COLUMNS)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        top = QHBoxLayout()
        top.addWidget(QLabel(t.YEAR, self))
        top.addWidget(self.year_spin)
        top.addWidget(self.simulate_button)
        top.addWidget(self.generate_button)
        top.addStretch(1)
        top.addWidget(close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addLayout(top)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.table, 1)
        self.simulate_button.clicked.connect(self.simulate)
        self.generate_button.clicked.connect(self.generate)
        close_button.clicked.connect(self.close)
        self.year_spin.valueChanged.connect(self._year_changed)
        self.rows: list[PlanRow] = []
        self.year = self.year_spin.value()
        self.last_operation: Operation | None = None
        self.last_outcome: BatchOutcome | None = None

    @property
    def busy(self) -> bool:
        """Whether a simulation or a run is going on."""
        return not self.simulate_button.isEnabled()

    def pending(self) -> list[int]:
        """The clients the simulation says can receive one and that have none yet."""
        return [r.person_id for r in self.rows if r.eligible and r.declaration_id is None]

    def simulate(self) -> None:
        """Simular: every client billed in the year, eligible or not and why (nothing written)."""
        db, actor, year = self.ctx.db, self.ctx.actor, self.year_spin.value()
        self._start(lambda progress: generate_batch(db, actor, year=year, dry_run=True,
                                                    progress=progress), self._simulated)

    def generate(self) -> None:
        """Gerar: confirmed, then each eligible client's declaration issued (Cancelar stops)."""
        ids, year = self.pending(), self.year
        if not ids or not tool_flow.ask_confirmation(self, t.CONFIRM.format(n=len(ids),
                                                                           year=year)):
            return
        db, actor = self.ctx.db, self.ctx.actor
        self._start(lambda progress: issue_batch(db, actor, year, ids, progress),
                    self._generated)

    def _start(self, work: Callable[[Any], Any], done: Callable[[Any], None]) -> None:
        operation = Operation(self, work, title=t.TITLE)
        operation.on_success(done)
        operation.finished.connect(self._idle)
        self.last_operation = operation
        self.simulate_button.setEnabled(False)
        self.generate_button.setEnabled(False)
        self.year_spin.setEnabled(False)
        operation.run()

    def _idle(self) -> None:
        self.simulate_button.setEnabled(True)
        self.year_spin.setEnabled(True)
        self.generate_button.setEnabled(bool(self.pending()))

    def _year_changed(self, _year: int) -> None:
        self.rows = []
        self._fill()
        self.summary_label.clear()
        self.generate_button.setEnabled(False)

    def _simulated(self, rows: list[PlanRow]) -> None:
        self.rows, self.year = rows, self.year_spin.value()
        self._fill()
        eligible = sum(1 for r in rows if r.eligible)
        text = (t.SIMULATED.format(year=self.year, eligible=eligible,
                                   blocked=len(rows) - eligible)
                if rows else t.NOTHING.format(year=self.year))
        self.summary_label.setText(text)

    def _generated(self, outcome: BatchOutcome) -> None:
        self.last_outcome = outcome
        asked = {r.person_id for r in self.rows if r.eligible and r.declaration_id is None}
        now = {r.person_id: r for r in outcome.rows}
        self.rows = [now.get(r.person_id, r) for r in self.rows]
        self._fill()
        issued = outcome.issued
        refused = [r for r in outcome.rows
                   if r.person_id in asked and not r.eligible and r.declaration_id is None]
        values = {"year": self.year, "issued": len(issued), "left": len(outcome.left)}
        text = (t.CANCELLED if outcome.cancelled else t.DONE).format(**values)
        if refused and not outcome.cancelled:
            text += "\n" + t.REFUSED.format(n=len(refused))
        self.summary_label.setText(text)
        self.ctx.notify(text.splitlines()[0])
        if issued:  # open client pages show the new declarations
            self.ctx.changes.publish(Changes(clearances=True, person_ids=frozenset(
                r.person_id for r in issued)), self)

    def _fill(self) -> None:
        self.table.setRowCount(len(self.rows))
        for n, row in enumerate(self.rows):
            state, reason = situation(row)
            values = (row.name, state, reason, str(row.invoices), format_money(row.total_cents))
            for column, value in enumerate(values):
                self.table.setItem(n, column, QTableWidgetItem(value))
        self.table.resizeColumnsToContents()


def open_clearance_batch(parent: QWidget | None, ctx: WindowContext) -> ClearanceBatchDialog | None:
    """The dialog, shown (None for an operator without the permission)."""
    if not ctx.actor.can(PERMISSION):
        return None
    dialog = ClearanceBatchDialog(ctx, parent)
    dialog.show()
    return dialog
