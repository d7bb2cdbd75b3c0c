"""The report of a return: what each record did, the totals, and Importar on a preview."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from contoffice.core.format import format_date, format_money
from contoffice.core.vocab import ReturnOutcome
from contoffice.services.bank_files.report import ReturnReport
from contoffice.services.bank_files.report_export import export_report
from contoffice.ui.bank import labels as t
from contoffice.ui.bank.files import ask_save, show_file_error
from contoffice.ui.bank.report_model import ReportLinesModel
from contoffice.ui.operations import Operation


def _label(text: str, parent: QWidget, name: str) -> QLabel:
    label = QLabel(text, parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    return label


class ReturnReportDialog(QDialog):
    """Counts per outcome, money, the bank's own totals, the lines; Importar or Fechar."""

    def __init__(self, parent: QWidget | None, report: ReturnReport, *,
                 preview: bool) -> None:
        super().__init__(parent)
        self.report, self.preview = report, preview
        title = t.PREVIEW_TITLE if preview else t.REPORT_TITLE
        if report.return_id is not None:
            title += " — " + t.REPORT_CODE.format(code=report.return_id)
        self.setWindowTitle(title)
        self.last_operation: Operation | None = None
        self.exporting = False
        self.dismissed = False  # present() is done with it
        layout = QVBoxLayout(self)
        # "CNAB400" from the reader, "400" elsewhere: said "CNAB 400" either way.
        kind = "CNAB " + report.file_format.upper().removeprefix("CNAB").strip()
        layout.addWidget(_label(t.REPORT_FILE.format(
            filename=report.filename, bank=report.bank, bank_name=report.bank_name,
            layout=kind), self, "file_label"))
        about = t.REPORT_PROFILE.format(profile=report.profile_name)
        if report.generated_on is not None:
            about += " — " + t.REPORT_GENERATED_ON.format(date=format_date(report.generated_on))
        layout.addWidget(_label(about, self, "profile_label"))
        layout.addLayout(self._totals())
        for text, name, alarming in self._notices():
            notice = _label(text, self, name)
            if alarming:  # the clerk has something to do
                notice.setProperty("role", "error")
            layout.addWidget(notice)
        self.model = ReportLinesModel(report.lines, self)
        self.table = QTableView(self)
        self.table.setObjectName("lines_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(22)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.resizeColumnsToContents()
        layout.addWidget(self.table, 1)
        layout.addLayout(self._buttons())
        self._fit()

    def _totals(self) -> QFormLayout:
        report, form = self.report, QFormLayout()
        counts = report.counts
        form.addRow(t.RECORDS, _label(str(len(report.lines)), self, "records_label"))
        self.count_labels: dict[ReturnOutcome, QLabel] = {}
        for outcome in ReturnOutcome:  # the enum's order: settled first
            if counts.get(outcome):
                label = _label(str(counts[outcome]), self, f"count_{outcome.value}")
                self.count_labels[outcome] = label
                form.addRow(outcome.label, label)
        form.addRow(t.SETTLED_VALUE, _label(format_money(report.settled_cents), self,
                                            "settled_label"))
        form.addRow(t.FEES, _label(format_money(report.fee_cents), self, "fees_label"))
        if report.problems:
            form.addRow(t.PROBLEMS, _label(str(report.problems), self, "problems_label"))
        if report.declared_count is not None or report.declared_total_cents is not None:
            count = report.declared_count if report.declared_count is not None else "—"
            text = (t.DECLARED_COUNT.format(count=count) if report.declared_total_cents is None
                    else t.DECLARED_TEXT.format(
                        count=count, total=format_money(report.declared_total_cents)))
            form.addRow(t.DECLARED, _label(text, self, "declared_label"))
        return form

    def _notices(self) -> list[tuple[str, str, bool]]:
        report, found = self.report, []
        if report.spc_invoices:
            found.append((t.SPC_NOTICE.format(ids=", ".join(map(str, report.spc_invoices))),
                          "spc_label", True))
        if report.fee_charge_id is not None:
            found.append((t.FEE_CHARGE.format(id=report.fee_charge_id), "fee_charge_label", False))
        return found

    def _buttons(self) -> QHBoxLayout:
        buttons = QHBoxLayout()
        self.export_button = QPushButton(t.EXPORT, self)
        self.export_button.setObjectName("export_button")
        self.export_button.clicked.connect(self.export)
        buttons.addWidget(self.export_button)
        self.status_label = _label("", self, "status_label")
        buttons.addWidget(self.status_label, 1)
        if self.preview:
            cancel = QPushButton(t.CANCEL, self)
            cancel.setObjectName("cancel_button")
            cancel.clicked.connect(self.reject)
            self.import_button = QPushButton(t.IMPORT, self)
            self.import_button.setObjectName("import_button")
            self.import_button.clicked.connect(self.accept)
            buttons.addWidget(cancel)
            buttons.addWidget(self.import_button)
        else:
            close = QPushButton(t.CLOSE, self)
            close.setObjectName("close_button")
            close.clicked.connect(self.accept)
            buttons.addWidget(close)
        return buttons

    def _fit(self) -> None:
        """Wide enough for the lines, never larger than a 1366×768 screen allows."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        room = screen.availableGeometry() if screen is not None else None
        width, height = 1100, 640
        if room is not None:
            width, height = min(width, room.width() - 40), min(height, room.height() - 60)
        self.resize(width, height)

    def export(self) -> Operation | None:
        """Exportar planilha: one row per record (services' export_report)."""
        name = f"retorno_{self.report.return_id or 'previa'}.xlsx"
        path = ask_save(self, t.EXPORT_TITLE, name, t.XLSX_FILTER)
        if path is None:
            return None
        if path.suffix.lower() != ".xlsx":
            path = path.with_name(path.name + ".xlsx")
        report = self.report
        operation = Operation(self, lambda _p: export_report(report, path), title=t.EXPORT_TITLE)
        operation.on_success(
            lambda rows: self.status_label.setText(t.EXPORTED.format(n=rows, path=path)))
        operation.on_error(lambda error: show_file_error(self, error))
        operation.finished.connect(self._exported)
        self.last_operation = operation
        self.exporting = operation.run()
        return operation

    def _exported(self) -> None:
        self.exporting = False
        if self.dismissed:
            self.deleteLater()  # closed while the spreadsheet was being written

    @classmethod
    def present(cls, parent: QWidget | None, report: ReturnReport, *, preview: bool) -> bool:
        """Show it modally; on a preview, True means Importar."""
        dialog = cls(parent, report, preview=preview)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        dialog.dismissed = True
        if not dialog.exporting:  # else it goes when the export ends (its job is its child)
            dialog.deleteLater()
        return accepted
