"""The simulation step: counts, the refused rows with their numbers and reasons, exportable."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from contoffice.core.grids import ColumnKind, ColumnSpec
from contoffice.services.contracts.importing import ContractPlan, PlannedContract
from contoffice.services.panels.table_export import Sheet
from contoffice.services.people.importing import ImportPlan, PlannedRow
from contoffice.ui.people_import import labels as t


class PlanPage(QWidget):
    """What the import would do: a summary line and the table of refused rows."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plan: ImportPlan | ContractPlan | None = None
        self.summary = QLabel(self)
        self.summary.setObjectName("plan_summary")
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, len(t.PLAN_HEADERS), self)
        self.table.setObjectName("refused_table")
        self.table.setHorizontalHeaderLabels(list(t.PLAN_HEADERS))
        self.table.horizontalHeader().setSectionResizeMode(
            len(t.PLAN_HEADERS) - 1, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.show_all = QCheckBox(t.SHOW_ALL, self)
        self.show_all.setObjectName("show_all")
        self.show_all.toggled.connect(self._fill)
        self.skip_refused = QCheckBox(t.SKIP_REFUSED, self)
        self.skip_refused.setObjectName("skip_refused")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(t.STEP_PLAN, self))
        layout.addWidget(self.summary)
        layout.addWidget(self.show_all)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.skip_refused)

    def show_plan(self, plan: ImportPlan | ContractPlan) -> None:
        """The counts and every refused row (row number, name, document, reason)."""
        self.plan = plan
        refused = plan.refused
        lines = [t.SUMMARY.format(rows=len(plan.rows), accepted=len(plan.rows) - len(refused),
                                  refused=len(refused))]
        if not refused:
            lines.append(t.ALL_GOOD)
        self.summary.setText("\n".join(lines))
        self._fill()
        self.skip_refused.setChecked(False)
        self.skip_refused.setVisible(bool(refused))

    def _shown(self) -> list[PlannedRow] | list[PlannedContract]:
        plan = self.plan
        if plan is None:
            return []
        return list(plan.rows) if self.show_all.isChecked() else plan.refused

    def _fill(self, *_args: object) -> None:
        """The refused rows (or every row) in the table."""
        rows = self._shown()
        self.table.setRowCount(len(rows))
        for index, row in enumerate(rows):
            values = (str(row.row), row.name, row.document, row.reason or t.WILL_CREATE)
            for column, value in enumerate(values):
                self.table.setItem(index, column, QTableWidgetItem(value))
        self.table.resizeColumnsToContents()

    def can_import(self) -> bool:
        """Something to import, and no refused row left unanswered."""
        plan = self.plan
        if plan is None or not plan.accepted:
            return False
        return not plan.refused or self.skip_refused.isChecked()

    def sheet(self) -> Sheet:
        """The rows the table shows as a sheet to export (the summary in the title row)."""
        plan = self.plan
        assert plan is not None
        kinds = (ColumnKind.INT, ColumnKind.TEXT, ColumnKind.TEXT, ColumnKind.TEXT)
        columns = [ColumnSpec(f"c{i}", header, kind, width=90 if i < 3 else 400)
                   for i, (header, kind) in enumerate(zip(t.PLAN_HEADERS, kinds, strict=True))]
        rows = [(r.row, r.name, r.document, r.reason or t.WILL_CREATE) for r in self._shown()]
        return Sheet(t.REFUSED_SHEET, columns, rows, self.summary.text().splitlines()[0])
