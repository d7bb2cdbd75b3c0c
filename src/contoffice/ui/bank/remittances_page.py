"""Remessas: the files generated, and Gerar / Transmitida / Desfazer / Salvar arquivo."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget

from contoffice.services.admin.setup import Database
from contoffice.services.bank_files.listing import list_remittances
from contoffice.services.bank_files.remittances import remittance_file
from contoffice.services.kernel.permissions import Actor
from contoffice.ui import tool_flow
from contoffice.ui.bank import labels as t
from contoffice.ui.bank.columns import REMITTANCES, remittance_columns
from contoffice.ui.bank.files import ask_save, save_bytes, show_file_error
from contoffice.ui.bank.generate_flow import GenerateFlow
from contoffice.ui.bank.list_page import ListPage
from contoffice.ui.context import WindowContext
from contoffice.ui.operations import Operation
from contoffice.ui.tool_flow import ToolCall, ToolFlow


def download(db: Database, actor: Actor, remittance_id: int, path: Path) -> Path:
    """On the worker: the stored file written where the clerk chose."""
    _name, content = remittance_file(db.uow(), actor, remittance_id)
    save_bytes(path, content)
    return path


class RemittancesPage(ListPage):
    """The Remessas tab."""

    def __init__(self, ctx: WindowContext, parent: QWidget | None = None) -> None:
        db, actor = ctx.db, ctx.actor
        handlers = {"generate": self.generate, "transmitted": self.mark_transmitted,
                    "undo": self.undo, "download": self.download}
        super().__init__(ctx, REMITTANCES, remittance_columns(),
                         lambda: list_remittances(db.uow(), actor), handlers, parent)
        self.setObjectName("remittances_page")

    def generate(self) -> GenerateFlow:
        """Gerar remessa."""
        self.last_flow = GenerateFlow(self, self.ctx, self.publish).start()
        return self.last_flow

    def _batch(self, key: str, question: str) -> ToolFlow | None:
        """A registry tool on the selected remittances, after the clerk says yes."""
        ids = self.selected_ids()
        if not ids or not tool_flow.ask_confirmation(self, question.format(n=len(ids))):
            return None
        call = ToolCall(self.ctx, key, ids)
        self.last_flow = ToolFlow(self, call.tool.label, call, on_changes=self.publish).start()
        return self.last_flow

    def mark_transmitted(self) -> ToolFlow | None:
        """Marcar remessa como transmitida."""
        return self._batch("bank.remittance_transmitted", t.ASK_TRANSMITTED)

    def undo(self) -> ToolFlow | None:
        """Desfazer remessa."""
        return self._batch("bank.remittance_undo", t.ASK_UNDO)

    def download(self) -> Operation | None:
        """Salvar arquivo da remessa: the file as it was generated."""
        rows = self.selected_rows()
        if len(rows) != 1:
            return None
        path = ask_save(self, t.SAVE_REMITTANCE_TITLE, rows[0].filename, t.REMITTANCE_FILTER)
        if path is None:
            return None
        db, actor, remittance_id = self.ctx.db, self.ctx.actor, rows[0].id
        operation = Operation(self, lambda _p: download(db, actor, remittance_id, path),
                              title=t.SAVE_REMITTANCE_TITLE)
        operation.on_success(lambda saved: self.ctx.notify(t.SAVED_AT.format(path=saved)))
        operation.on_error(lambda error: show_file_error(self, error))
        self.last_operation = operation
        operation.run()
        return operation
