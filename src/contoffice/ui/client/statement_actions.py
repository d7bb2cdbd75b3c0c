"""Extrato and Ficha cadastral from the client panel's header: rendered off the GUI thread."""

from __future__ import annotations

import shutil
from datetime import date
from functools import partial

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from contoffice.core.progress import Progress, check_cancelled
from contoffice.errors import InvalidInput
from contoffice.services.admin.setup import Database
from contoffice.services.kernel.permissions import Actor
from contoffice.services.statements import check_period, print_sheet, print_statements
from contoffice.services.statements.ledger import PERMISSION as STATEMENT_PERMISSION
from contoffice.services.statements.sheet import PERMISSION as SHEET_PERMISSION
from contoffice.ui import texts
from contoffice.ui.context import WindowContext
from contoffice.ui.dialogs.fields import DateEdit
from contoffice.ui.operations import Operation
from contoffice.ui.printing.jobs import RenderedPdf, new_folder
from contoffice.ui.printing.preview import PdfPreviewDialog

STATEMENT = "Extrato"
SHEET = "Ficha cadastral"
PERIOD_TITLE = "Extrato de conta — período"
STATEMENT_TITLE = "Extrato de conta"
FIELD_START, FIELD_END = "Data inicial", "Data final"
GENERATE = "Gerar extrato"
CANCEL = "Cancelar"

__all__ = ["SHEET", "SHEET_PERMISSION", "STATEMENT", "STATEMENT_PERMISSION", "PeriodDialog",
           "open_sheet", "open_statement"]


def render_statement(progress: Progress, *, db: Database, actor: Actor, person_id: int,
                     start: date, end: date) -> RenderedPdf:
    """The client's statement into a temporary PDF (runner job)."""
    folder = new_folder()
    path = folder / f"extrato-{person_id}.pdf"
    try:
        check_cancelled(progress)
        pages = print_statements(db, actor, [person_id], start, end, path)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return RenderedPdf(path, pages, folder)


def render_sheet(progress: Progress, *, db: Database, actor: Actor,
                 person_id: int) -> RenderedPdf:
    """The client's ficha cadastral into a temporary PDF (runner job)."""
    folder = new_folder()
    path = folder / f"ficha-cadastral-{person_id}.pdf"
    try:
        check_cancelled(progress)
        pages = print_sheet(db, actor, person_id, path)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return RenderedPdf(path, pages, folder)


class PeriodDialog(QDialog):
    """De / Até (default: 1º de janeiro to today); an impossible or inverted period is said."""

    def __init__(self, parent: QWidget | None, today: date | None = None) -> None:
        super().__init__(parent)
        today = today or date.today()
        self.setObjectName("statement_period")
        self.setWindowTitle(PERIOD_TITLE)
        self.start_edit = DateEdit(date(today.year, 1, 1), self)
        self.start_edit.setObjectName("period_start")
        self.end_edit = DateEdit(today, self)
        self.end_edit.setObjectName("period_end")
        self.error_label = QLabel(self)
        self.error_label.setObjectName("period_error")
        self.error_label.setProperty("role", "error")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        form = QFormLayout()
        form.addRow(f"{FIELD_START}:", self.start_edit)
        form.addRow(f"{FIELD_END}:", self.end_edit)
        self.buttons = QDialogButtonBox(self)
        self.ok_button = self.buttons.addButton(GENERATE, QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setObjectName("period_ok")
        self.buttons.addButton(CANCEL, QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.period: tuple[date, date] | None = None

    def problem(self) -> str:
        """Why the period cannot be used ("" when it can)."""
        for edit, field in ((self.start_edit, FIELD_START), (self.end_edit, FIELD_END)):
            if text := edit.problem(field):
                return text
        start, end = self.start_edit.value(), self.end_edit.value()
        assert start is not None and end is not None  # no problem above: both are dates
        try:
            check_period(start, end)
        except InvalidInput as error:
            return str(error)
        return ""

    def accept(self) -> None:
        """Close with the period, or stay open saying what is wrong."""
        if text := self.problem():
            self.error_label.setText(text)
            self.error_label.show()
            return
        self.period = (self.start_edit.value(), self.end_edit.value())  # type: ignore[assignment]
        super().accept()


def open_statement(parent: QWidget, ctx: WindowContext, person_id: int) -> PeriodDialog:
    """Extrato: ask the period (window-modal, not blocking), then render and preview."""
    dialog = PeriodDialog(parent)

    def chosen() -> None:
        if dialog.period is not None:
            run_statement(parent, ctx, person_id, *dialog.period)

    dialog.accepted.connect(chosen)
    dialog.open()
    return dialog


def run_statement(parent: QWidget, ctx: WindowContext, person_id: int, start: date,
                  end: date) -> None:
    """Render the statement on the runner, then the PDF preview."""
    job = partial(render_statement, db=ctx.db, actor=ctx.actor, person_id=person_id,
                  start=start, end=end)
    _preview(parent, ctx, Operation(parent, job, title=STATEMENT_TITLE))


def open_sheet(parent: QWidget, ctx: WindowContext, person_id: int) -> None:
    """Ficha cadastral: render on the runner, then the PDF preview."""
    job = partial(render_sheet, db=ctx.db, actor=ctx.actor, person_id=person_id)
    _preview(parent, ctx, Operation(parent, job, title=SHEET))


def _preview(parent: QWidget, ctx: WindowContext, operation: Operation) -> None:
    operation.on_success(lambda pdf: PdfPreviewDialog.open_for(parent, pdf))
    if not operation.run():
        ctx.notify(texts.ALREADY_RUNNING)
