"""Gerar documento fiscal: preview (many rows) → refusals → confirmation → the run, with progress.

Like the registry's many-row tools (ui/tool_flow.py) the preview writes nothing and says
which invoices would be refused and why; unlike them the real run reports its progress and
may be cancelled between notes (each note is committed on its own, so what was authorised
stays), which is why it has its own small flow.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from contoffice.core.progress import Cancelled
from contoffice.services.admin.setup import Database
from contoffice.services.fiscal.generate import GenerateReport, Outcome, generate
from contoffice.services.kernel.permissions import Actor
from contoffice.services.kernel.results import BatchResult, Changes, RowOutcome
from contoffice.ui import tool_flow
from contoffice.ui.dialogs.result_dialog import ResultDialog
from contoffice.ui.operations import Operation

T = TypeVar("T")
Work = Callable[[Any], BatchResult]  # progress → outcomes per invoice
CONFIRM = ("Gerar e transmitir {n} documento(s) fiscal(is)? Uma nota autorizada só pode ser "
           "cancelada, não apagada.")


class GenerateFlow(QObject):
    """One press of Gerar; `finished` fires when the clerk has seen the outcome."""

    finished = Signal()

    def __init__(self, parent: QWidget, title: str, count: int, preview: Work, run: Work, *,
                 on_changes: Callable[[Changes], None]) -> None:
        super().__init__(parent)
        self._parent, self._title, self._count = parent, title, count
        self._preview, self._run, self._on_changes = preview, run, on_changes
        self.preview_result: BatchResult | None = None
        self.result: BatchResult | None = None
        self.operation: Operation | None = None
        self.done = False

    def start(self) -> GenerateFlow:
        """Preview first when several invoices are chosen; one is asked and sent at once."""
        if self._count > 1:
            self._work(self._preview, self._previewed)
        elif tool_flow.ask_confirmation(self._parent, CONFIRM.format(n=1)):
            self._work(self._run, self._finished)
        else:
            self._end()
        return self

    def _work(self, fn: Work, then: Callable[[BatchResult], None]) -> None:
        operation = Operation(self._parent, fn, title=self._title)
        operation.on_success(then).on_error(self._failed)
        operation.finished.connect(self._closed)
        self.operation = operation
        if not operation.run():
            self._end()

    def _closed(self) -> None:
        # Cancelar during the preview: the operation ends with neither callback.
        if self.operation is not None and isinstance(self.operation.error, Cancelled):
            self._end()

    def _previewed(self, result: BatchResult) -> None:
        self.preview_result = result
        if result.refused:
            go_on = ResultDialog.present(self._parent, self._title, result, preview=True)
            if not go_on or not result.done:
                self._end()
                return
        if not tool_flow.ask_confirmation(self._parent, CONFIRM.format(n=len(result.done))):
            self._end()
            return
        self._work(self._run, self._finished)

    def _failed(self, error: BaseException) -> None:
        tool_flow.show_error(self._parent, error)
        self._on_changes(Changes(fiscal=True, invoices=True))  # a note may have gone out
        self._end()

    def _finished(self, result: BatchResult) -> None:
        self.result = result
        if result.refused or len(result.outcomes) > 1 or any(o.warning for o in result.outcomes):
            ResultDialog.present(self._parent, self._title, result, preview=False)
        self._on_changes(result.changes)
        self._end()

    def _end(self) -> None:
        if not self.done:
            self.done = True
            self.finished.emit()


def as_result(report: GenerateReport) -> BatchResult:
    """A run (or its preview) as the result view shows it: one row per invoice."""
    good = (Outcome.WOULD_ISSUE, Outcome.ISSUED)
    outcomes = [RowOutcome(r.invoice_id, r.outcome in good, r.message) for r in report.rows]
    people = frozenset(r.person_id for r in report.rows if r.person_id is not None)
    changes = Changes() if report.dry_run else Changes(invoices=True, fiscal=True,
                                                       person_ids=people)
    return BatchResult(outcomes, changes)


def generate_work(db: Database, actor: Actor, invoice_ids: Sequence[int], *,
                  dry_run: bool) -> Work:
    """What the worker runs: the service (preview or real), its report as outcomes."""
    ids = list(invoice_ids)
    return lambda progress: as_result(opened(db, lambda uow: generate(
        uow, actor, ids, dry_run=dry_run, progress=progress)))


def opened(db: Database, fn: Callable[[Any], T]) -> T:
    """Run a fiscal service inside a unit of work of its own (they take an open one)."""
    with db.uow() as uow:
        return fn(uow)
