"""Gerar remessa: the dialog's dry run, where to save, then the real run on a worker."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from contoffice.core.format import format_money
from contoffice.core.os_errors import reason
from contoffice.services.admin.setup import Database
from contoffice.services.bank_files.remittances import RemittanceResult, generate_remittance
from contoffice.services.kernel.permissions import Actor
from contoffice.services.kernel.results import Changes
from contoffice.services.panels import lookups
from contoffice.ui.bank import labels as t
from contoffice.ui.bank.files import ask_save, save_bytes
from contoffice.ui.bank.generate_dialog import GenerateDialog
from contoffice.ui.context import WindowContext
from contoffice.ui.operations import Operation, show_error

# The invoices sent now await the bank: their remittance state shows on the client panels.
GENERATED_CHANGES = Changes(invoices=True)


def generate_and_save(db: Database, actor: Actor, profile_id: int,
                      path: Path) -> tuple[RemittanceResult, str]:
    """On the worker: the remittance kept, then its file written ("" or why it was not)."""
    result = generate_remittance(db.uow(), actor, profile_id=profile_id)
    try:
        save_bytes(path, result.content)
    except OSError as error:  # the remittance stands; the clerk saves it again elsewhere
        return result, reason(error)
    return result, ""


class GenerateFlow(QObject):
    """One Gerar remessa; `finished` fires when the clerk has seen the outcome."""

    finished = Signal()

    def __init__(self, parent: QWidget, ctx: WindowContext,
                 on_changes: Callable[[Changes], None]) -> None:
        super().__init__(parent)
        self._parent, self.ctx, self._on_changes = parent, ctx, on_changes
        self.operation: Operation | None = None
        self.result: RemittanceResult | None = None
        self.path: Path | None = None
        self.done = False

    def start(self) -> GenerateFlow:
        """Ask, then run; ends at once when the clerk gives up."""
        try:
            profiles = lookups.payment_profiles(self.ctx.db.uow())
        except Exception as error:
            show_error(self._parent, error)
            return self._end()
        if not profiles:
            QMessageBox.information(self._parent, t.GENERATE_TITLE, t.NO_ACTIVE_PROFILE)
            return self._end()
        dialog = GenerateDialog(self._parent, self.ctx, profiles)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        preview, profile_id = dialog.preview, dialog.profile_id
        if dialog.operation is None:  # else its dry run still runs: the page keeps it
            dialog.deleteLater()
        if not accepted:
            return self._end()
        if preview is None or profile_id is None:
            return self._end()
        path = ask_save(self._parent, t.SAVE_REMITTANCE_TITLE, preview.filename,
                        t.REMITTANCE_FILTER)
        if path is None:
            return self._end()
        self.path = path
        db, actor = self.ctx.db, self.ctx.actor
        operation = Operation(self._parent, lambda _p: generate_and_save(
            db, actor, profile_id, path), title=t.GENERATE_TITLE)
        operation.on_success(self._generated).on_error(self._failed)
        self.operation = operation
        if not operation.run():
            return self._end()
        return self

    def _generated(self, outcome: tuple[RemittanceResult, str]) -> None:
        result, problem = outcome
        self.result = result
        self._on_changes(GENERATED_CHANGES)
        text = t.GENERATED.format(number=result.sequence_number, titles=result.titles,
                                  total=format_money(result.total_cents))
        self.ctx.notify(text)
        if problem:
            QMessageBox.warning(self._parent, t.GENERATE_TITLE, t.NOT_SAVED.format(
                number=result.sequence_number, path=self.path, reason=problem))
        else:
            QMessageBox.information(self._parent, t.GENERATE_TITLE,
                                    text + "\n" + t.SAVED_AT.format(path=self.path))
        self._end()

    def _failed(self, error: BaseException) -> None:
        show_error(self._parent, error)
        self._end()

    def _end(self) -> GenerateFlow:
        self.done = True
        self.finished.emit()
        return self
