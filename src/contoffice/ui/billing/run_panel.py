"""Faturamento em massa of a competência (dry run first) and Gerar honorários.

The run goes through the operation runner: a progress dialog that Cancel
stops between chunks; a cancelled run is resumed by the next one.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from contoffice.core.format import format_competence
from contoffice.services.billing.run import BillingRunResult, run_billing
from contoffice.services.kernel.results import Changes
from contoffice.services.panels.table_export import Sheet, refusals_sheet
from contoffice.ui import texts
from contoffice.ui.billing.fees_flow import generate_fees
from contoffice.ui.context import WindowContext
from contoffice.ui.dialogs import labels as t
from contoffice.ui.operations import Operation
from contoffice.ui.table_export import export_sheet, headers, visible_sections
from contoffice.ui.tool_flow import ToolFlow

# A real run bills every client's contracts: every open panel's contas, faturas, balances.
RUN_CHANGES = Changes(invoices=True, charges=True, header=True)


class RunPanel(QWidget):
    """Competência, Simular, Faturar; the refused contracts listed with their reason."""

    def __init__(
        self,
        ctx: WindowContext,
        selected_people: Callable[[], list[int]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx, self._selected_people = ctx, selected_people
        self.competence_edit = QDateEdit(self)
        self.competence_edit.setObjectName("competence_edit")
        self.competence_edit.setDisplayFormat("MM/yyyy")
        self.competence_edit.setDate(QDate(date.today().replace(day=1)))
        self.preview_button = QPushButton(t.PREVIEW_RUN, self)
        self.preview_button.setObjectName("preview_button")
        self.run_button = QPushButton(t.RUN, self)
        self.run_button.setObjectName("run_button")
        self.run_button.setEnabled(False)  # a preview of this competência comes first
        self.fees_button = QPushButton(t.FEES_FOR_SELECTED, self)
        self.fees_button.setObjectName("fees_button")
        self.export_button = QPushButton(texts.EXPORT, self)
        self.export_button.setObjectName("export_button")
        self.export_button.setEnabled(False)  # a run's report comes first
        self.summary_label = QLabel(self)
        self.summary_label.setObjectName("summary_label")
        self.summary_label.setWordWrap(True)
        self.refused_table = QTableWidget(0, len(t.RUN_COLUMNS), self)
        self.refused_table.setObjectName("refused_table")
        self.refused_table.setHorizontalHeaderLabels(t.RUN_COLUMNS)
        self.refused_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.refused_table.verticalHeader().hide()
        self.refused_table.horizontalHeader().setStretchLastSection(True)
        top = QHBoxLayout()
        top.addWidget(QLabel(t.COMPETENCE, self))
        top.addWidget(self.competence_edit)
        top.addWidget(self.preview_button)
        top.addWidget(self.run_button)
        top.addWidget(self.export_button)
        top.addStretch(1)
        top.addWidget(self.fees_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.refused_table, 1)
        self.preview_button.clicked.connect(self.preview)
        self.run_button.clicked.connect(self.run)
        self.fees_button.clicked.connect(self.generate_fees)
        self.export_button.clicked.connect(self.export)
        self.competence_edit.dateChanged.connect(lambda _d: self.run_button.setEnabled(False))
        self.last_operation: Operation | None = None
        self.last_flow: ToolFlow | None = None
        self.last_result: BillingRunResult | None = None
        self.last_export: Operation | None = None

    @property
    def competence(self) -> date:
        """The first day of the chosen month."""
        return self.competence_edit.date().toPython().replace(day=1)  # type: ignore[union-attr]

    def _start(self, dry_run: bool) -> None:
        db, actor, competence = self.ctx.db, self.ctx.actor, self.competence
        operation = Operation(
            self,
            lambda progress: run_billing(
                db, actor, competence=competence, dry_run=dry_run, progress=progress
            ),
            title=t.RUN_TAB,
        )
        operation.on_success(self._show)
        self.last_operation = operation
        self.preview_button.setEnabled(False)
        self.run_button.setEnabled(False)
        operation.finished.connect(lambda: self.preview_button.setEnabled(True))
        operation.run()

    def preview(self) -> None:
        """Simular: what the run would bill and which contracts it would refuse."""
        self._start(dry_run=True)

    def run(self) -> None:
        """Faturar: the real run, with progress and Cancel."""
        self._start(dry_run=False)

    def _show(self, result: BillingRunResult) -> None:
        self.last_result = result
        values = {
            "competence": format_competence(result.competence),
            "contracts": result.contracts,
            "invoices": result.invoices_created,
            "charges": result.charges_created,
            "billed": result.already_billed,
        }
        if result.dry_run:
            text = t.RUN_PREVIEW.format(**values)
        elif result.cancelled:
            text = t.RUN_CANCELLED.format(**values)
        else:
            text = t.RUN_DONE.format(**values)
        if result.refused:
            text += "\n" + t.RUN_REFUSED.format(n=len(result.refused))
        self.summary_label.setText(text)
        self.refused_table.setRowCount(len(result.refused))
        for row, refused in enumerate(result.refused):
            for column, value in enumerate(
                (str(refused.contract_id), str(refused.person_id), refused.message)
            ):
                self.refused_table.setItem(row, column, QTableWidgetItem(value))
        self.refused_table.resizeColumnsToContents()
        self.export_button.setEnabled(True)
        # After a preview the run may go; a cancelled run may be resumed.
        self.run_button.setEnabled(result.dry_run or result.cancelled)
        if not result.dry_run:
            self.ctx.notify(text.splitlines()[0])
            if result.invoices_created or result.charges_created:
                self.ctx.changes.publish(RUN_CHANGES, self)

    def sheet(self) -> Sheet:
        """The refused contracts of the last run, the summary in the title row."""
        result = self.last_result
        assert result is not None  # the button is enabled once a run has shown its report
        summary = self.summary_label.text().splitlines()[0]
        full = refusals_sheet(t.RUN_TAB, headers(self.refused_table), result.refused, summary)
        return full.select(visible_sections(self.refused_table))

    def export(self) -> None:
        """Exportar planilha: the run's refused contracts, XLSX or CSV."""
        self.last_export = export_sheet(self, self.sheet, db=self.ctx.db, notify=self.ctx.notify)

    def generate_fees(self) -> None:
        """Gerar honorários for the clients selected in the finder."""
        self.last_flow = generate_fees(self, self.ctx, self._selected_people())
