"""Retornos importados: the returns imported, Importar retorno and Ver relatório."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from contoffice.services.bank_files.listing import list_returns, stored_report
from contoffice.services.bank_files.report import ReturnReport
from contoffice.ui.bank import labels as t
from contoffice.ui.bank.columns import RETURNS, return_columns
from contoffice.ui.bank.import_flow import ImportFlow
from contoffice.ui.bank.list_page import ListPage
from contoffice.ui.bank.report_dialog import ReturnReportDialog
from contoffice.ui.context import WindowContext
from contoffice.ui.operations import Operation


class ReturnsPage(ListPage):
    """The Retornos importados tab."""

    def __init__(self, ctx: WindowContext, parent: QWidget | None = None) -> None:
        db, actor = ctx.db, ctx.actor
        handlers = {"import": self.import_return, "report": self.show_report}
        super().__init__(ctx, RETURNS, return_columns(),
                         lambda: list_returns(db.uow(), actor), handlers, parent)
        self.setObjectName("returns_page")
        self.grid.activated.connect(lambda _id: self.show_report())  # Enter, double-click

    def import_return(self) -> ImportFlow:
        """Importar retorno."""
        self.last_flow = ImportFlow(self, self.ctx, self.publish).start()
        return self.last_flow

    def show_report(self) -> Operation | None:
        """Ver relatório do retorno: the report kept of the selected import."""
        ids = self.selected_ids()
        if len(ids) != 1 or "report" not in self.actions.actions:
            return None
        db, actor, return_id = self.ctx.db, self.ctx.actor, ids[0]
        operation = Operation(self, lambda _p: stored_report(db.uow(), actor, return_id),
                              title=t.REPORT_TITLE)
        operation.on_success(self._show)
        self.last_operation = operation
        operation.run()
        return operation

    def _show(self, report: ReturnReport) -> None:
        ReturnReportDialog.present(self, report, preview=False)
