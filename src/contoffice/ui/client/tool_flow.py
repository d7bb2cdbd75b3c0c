"""How a mass tool runs: preview (dry run) → confirm → real call → result view → refresh.

Every service call goes through the operation runner (worker thread,
progress, cancel). `NeedsConfirmation` asks the clerk with the service's own
message and calls again with the key; `Stale` says "alterado por outro
usuário" and reloads everything the panel shows.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from contoffice.errors import NeedsConfirmation, Stale
from contoffice.services.results import BatchResult, Changes
from contoffice.ui.dialogs import labels as t
from contoffice.ui.dialogs.result_dialog import ResultDialog
from contoffice.ui.operations import Operation, show_error

Call = Callable[[bool, frozenset[str]], BatchResult]  # (dry_run, confirmed) → result
EVERYTHING = Changes(
    people=True, contracts=True, invoices=True, charges=True, settlements=True, header=True
)


def ask_confirmation(parent: QWidget | None, message: str) -> bool:
    """The service's confirmation question (e.g. the invoices that get a new nosso número)."""
    answer = QMessageBox.question(
        parent,
        t.CONFIRM_TITLE,
        message,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def show_stale(parent: QWidget | None, message: str) -> None:
    """Another desk changed the record: say so (the caller reloads)."""
    QMessageBox.warning(parent, t.STALE_TITLE, message)


class ToolFlow(QObject):
    """One run of a mass tool; `finished` fires when the clerk has seen the outcome."""

    finished = Signal()

    def __init__(
        self,
        parent: QWidget,
        title: str,
        call: Call,
        *,
        on_changes: Callable[[Changes], None],
        preview: bool = True,
        show_clean: bool = False,
    ) -> None:
        super().__init__(parent)
        self._parent, self._title, self._call = parent, title, call
        self._on_changes, self._preview, self._show_clean = on_changes, preview, show_clean
        self.preview_result: BatchResult | None = None
        self.result: BatchResult | None = None
        self.operation: Operation | None = None
        self.done = False

    def start(self) -> ToolFlow:
        """Preview first (when asked), else the real call."""
        if self._preview:
            self._run(lambda _p: self._call(True, frozenset()), self._previewed)
        else:
            self._real(frozenset())
        return self

    def _run(
        self,
        fn: Callable[[Any], Any],
        then: Callable[[Any], None],
        confirmed: frozenset[str] = frozenset(),
    ) -> None:
        operation = Operation(self._parent, fn, title=self._title)
        operation.on_success(then).on_error(lambda error: self._failed(error, confirmed))
        self.operation = operation
        if not operation.run():  # the same tool is still running on this panel
            self._end()

    def _previewed(self, result: BatchResult) -> None:
        self.preview_result = result
        if result.refused:
            go_on = ResultDialog.present(self._parent, self._title, result, preview=True)
            if not go_on or not result.done:
                self._end()
                return
        self._real(frozenset())

    def _real(self, confirmed: frozenset[str]) -> None:
        self._run(lambda _p: self._call(False, confirmed), self._finished, confirmed)

    def _failed(self, error: BaseException, confirmed: frozenset[str]) -> None:
        if isinstance(error, NeedsConfirmation):
            if ask_confirmation(self._parent, str(error)):
                self._real(confirmed | {error.key})
                return
        elif isinstance(error, Stale):
            show_stale(self._parent, str(error))
            self._on_changes(EVERYTHING)
        else:
            show_error(self._parent, error)
        self._end()

    def _finished(self, result: BatchResult) -> None:
        self.result = result
        noteworthy = result.refused or any(o.warning for o in result.outcomes)
        if noteworthy or self._show_clean or len(result.outcomes) > 1:
            ResultDialog.present(self._parent, self._title, result, preview=False)
        self._on_changes(result.changes)
        self._end()

    def _end(self) -> None:
        self.done = True
        self.finished.emit()


class SimpleFlow(QObject):
    """A tool whose service returns a plain value (a new contract, new contas).

    With `confirmable`, `fn` takes the confirmed keys: a `NeedsConfirmation`
    asks the clerk and, on yes, runs it again with the key (as ToolFlow does).
    """

    finished = Signal()

    def __init__(
        self,
        parent: QWidget,
        title: str,
        fn: Callable[..., Any],
        *,
        changes: Changes,
        on_changes: Callable[[Changes], None],
        confirmable: bool = False,
    ) -> None:
        super().__init__(parent)
        self.result: Any = None
        self.error: BaseException | None = None
        self.done = False
        self._changes, self._on_changes = changes, on_changes
        self._parent, self._title, self._fn, self._confirmable = parent, title, fn, confirmable
        self.operation = self._operation(frozenset())

    def _operation(self, confirmed: frozenset[str]) -> Operation:
        fn, confirmable = self._fn, self._confirmable
        operation = Operation(
            self._parent, lambda _p: fn(confirmed) if confirmable else fn(), title=self._title
        )
        operation.on_success(self._succeeded).on_error(lambda e: self._failed(e, confirmed))
        return operation

    def start(self) -> SimpleFlow:
        """Run it on the worker."""
        if not self.operation.run():
            self._end()
        return self

    def _succeeded(self, result: Any) -> None:
        self.result = result
        self._on_changes(self._changes)
        self._end()

    def _failed(self, error: BaseException, confirmed: frozenset[str] = frozenset()) -> None:
        if self._confirmable and isinstance(error, NeedsConfirmation):
            if ask_confirmation(self._parent, str(error)):
                self.operation = self._operation(confirmed | {error.key})
                if self.operation.run():
                    return
            self._end()
            return
        self.error = error
        show_error(
            self.operation.parent() if isinstance(self.operation.parent(), QWidget) else None, error
        )
        self._end()

    def _end(self) -> None:
        self.done = True
        self.finished.emit()


def service_call(
    ctx: Any, fn: Callable[..., BatchResult], *, confirm: bool = False, **kwargs: Any
) -> Call:
    """A Call that opens its own unit of work on the worker and passes dry_run/confirmed."""

    def call(dry_run: bool, confirmed: frozenset[str]) -> BatchResult:
        extra = {"confirmed": confirmed} if confirm else {}
        return fn(ctx.db.uow(), ctx.actor, dry_run=dry_run, **extra, **kwargs)

    return call
