"""Importar retorno: pick the file, preview its report, then import it whole, on workers.

Both runs honour Cancelar: the service rolls back and says nothing was imported.
The bytes previewed are the bytes imported (the file is read once).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget

from contoffice.core.format import format_money
from contoffice.core.progress import Progress
from contoffice.core.vocab import ReturnOutcome
from contoffice.errors import InvalidInput, NotAllowed
from contoffice.services.admin.setup import Database
from contoffice.services.bank_files import messages
from contoffice.services.bank_files.report import ReturnReport
from contoffice.services.bank_files.returns import import_return
from contoffice.services.kernel.permissions import Actor
from contoffice.services.kernel.results import Changes
from contoffice.services.panels import lookups
from contoffice.ui.bank import labels as t
from contoffice.ui.bank.files import ask_open, show_file_error
from contoffice.ui.bank.report_dialog import ReturnReportDialog
from contoffice.ui.context import WindowContext
from contoffice.ui.operations import Operation

# Settled invoices, the bank's fees as a payable conta, the clients' balances.
IMPORT_CHANGES = Changes(invoices=True, charges=True, settlements=True, header=True)


def read_and_preview(db: Database, actor: Actor, path: Path, profile_id: int | None,
                     progress: Progress) -> tuple[bytes, ReturnReport]:
    """On the worker: the file's bytes and what importing them would do (nothing kept)."""
    data = path.read_bytes()
    return data, import_return(db.uow(), actor, data=data, filename=path.name,
                               profile_id=profile_id, progress=progress, dry_run=True)


class ImportFlow(QObject):
    """One Importar retorno; `finished` fires when the clerk has seen the outcome."""

    finished = Signal()

    def __init__(self, parent: QWidget, ctx: WindowContext,
                 on_changes: Callable[[Changes], None]) -> None:
        super().__init__(parent)
        self._parent, self.ctx, self._on_changes = parent, ctx, on_changes
        self.path: Path | None = None
        self.data = b""
        self.profile_id: int | None = None
        self.preview: ReturnReport | None = None
        self.report: ReturnReport | None = None
        self.operation: Operation | None = None
        self.done = False

    def start(self) -> ImportFlow:
        """Ask for the file and preview it."""
        self.path = ask_open(self._parent, t.OPEN_RETURN_TITLE, t.RETURN_FILTER)
        if self.path is None:
            return self._end()
        self._preview()
        return self

    def _run(self, fn: Callable[[Any], Any], then: Callable[[Any], None], *,
             preview: bool) -> None:
        operation = Operation(self._parent, fn, title=t.IMPORT_TITLE)
        operation.on_success(then).on_error(lambda error: self._refused(error, preview))
        self.operation = operation
        if not operation.run():
            self._end()

    def _preview(self) -> None:
        db, actor, path, profile_id = self.ctx.db, self.ctx.actor, self.path, self.profile_id
        assert path is not None
        self._run(lambda progress: read_and_preview(db, actor, path, profile_id, progress),
                  self._previewed, preview=True)

    def _previewed(self, outcome: tuple[bytes, ReturnReport]) -> None:
        self.data, self.preview = outcome
        if not ReturnReportDialog.present(self._parent, self.preview, preview=True):
            self._end()
            return
        db, actor, data = self.ctx.db, self.ctx.actor, self.data
        name, profile_id = self.preview.filename, self.preview.profile_id
        self._run(lambda progress: import_return(
            db.uow(), actor, data=data, filename=name, profile_id=profile_id,
            progress=progress), self._imported, preview=False)

    def _imported(self, report: ReturnReport) -> None:
        self.report = report
        self._on_changes(IMPORT_CHANGES)
        self.ctx.notify(t.IMPORTED.format(
            code=report.return_id, settled=report.counts.get(ReturnOutcome.SETTLED, 0),
            value=format_money(report.settled_cents)))
        ReturnReportDialog.present(self._parent, report, preview=False)
        self._end()

    def _refused(self, error: BaseException, preview: bool) -> None:
        if isinstance(error, NotAllowed) and str(error) == messages.RETURN_CANCELLED:
            self.ctx.notify(str(error))
            if not preview:  # the clerk must know the bank's answer is still to import
                QMessageBox.information(self._parent, t.IMPORT_TITLE, str(error))
        elif (isinstance(error, InvalidInput) and error.field == "Profile"
              and self.profile_id is None and self._choose_profile(str(error))):
            self._preview()  # the same file, for the profile the clerk named
            return
        else:  # a bad file (with its line), already imported, another profile's…
            show_file_error(self._parent, error)
        self._end()

    def _choose_profile(self, message: str) -> bool:
        """More than one profile fits the file: the clerk says which."""
        try:
            choices = lookups.payment_profiles(self.ctx.db.uow())
        except Exception as error:
            show_file_error(self._parent, error)
            return False
        names = [f"{c.id} — {c.name}" for c in choices]
        name, ok = QInputDialog.getItem(self._parent, t.IMPORT_TITLE,
                                        message + "\n\n" + t.CHOOSE_PROFILE, names, 0, False)
        if not ok or name not in names:
            return False
        self.profile_id = choices[names.index(name)].id
        return True

    def _end(self) -> ImportFlow:
        self.done = True
        self.finished.emit()
        return self
