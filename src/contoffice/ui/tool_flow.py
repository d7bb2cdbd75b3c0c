"""How a tool runs: preview (many rows) → its questions → one real call → outcome → refresh.

Every service call goes through the operation runner (worker thread,
progress, cancel). A many-row tool is previewed first: the preview writes
nothing, and answers with the rows it would refuse and the questions the
real call would ask; the clerk answers them all, and the tool then runs once.
`Stale` says "alterado por outro usuário" and reloads what the panel shows.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from contoffice.errors import NeedsConfirmation, Stale
from contoffice.services.kernel import tools
from contoffice.services.kernel.results import BatchResult, Changes
from contoffice.services.kernel.toolbox import REGISTRY
from contoffice.ui.dialogs import labels as t
from contoffice.ui.dialogs.result_dialog import ResultDialog
from contoffice.ui.operations import Operation, show_error

EVERYTHING = Changes(
    people=True, contracts=True, invoices=True, charges=True, settlements=True, header=True
)


@dataclass(frozen=True)
class ToolCall:
    """One registered tool on the selected rows with the values its dialog gave."""

    ctx: Any
    key: str
    ids: Sequence[int]
    values: Mapping[str, Any] = field(default_factory=dict)
    answered: frozenset[str] = frozenset()  # questions the tool's dialog already asked

    @property
    def tool(self) -> tools.Tool:
        return REGISTRY[self.key]

    @property
    def previews(self) -> bool:
        """Only many-row runs preview; one row answers for itself."""
        return self.tool.previews and len(self.ids) > 1

    def preview(self) -> tools.Preview:
        """The dry run, on the worker."""
        return tools.preview(self.tool, self.ctx.db.uow(), self.ctx.actor, self.ids, self.values)

    def run(self, confirmed: frozenset[str]) -> BatchResult:
        """The real call, on the worker."""
        return self.tool.call(self.ctx.db.uow(), self.ctx.actor, self.ids, self.values,
                              dry_run=False, confirmed=confirmed | self.answered)


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
    """One run of a registered tool; `finished` fires when the clerk has seen the outcome."""

    finished = Signal()

    def __init__(
        self,
        parent: QWidget,
        title: str,
        call: ToolCall,
        *,
        on_changes: Callable[[Changes], None],
        show_clean: bool = False,
    ) -> None:
        super().__init__(parent)
        self._parent, self._title, self._call = parent, title, call
        self._on_changes, self._show_clean = on_changes, show_clean
        self.preview: tools.Preview | None = None
        self.result: BatchResult | None = None
        self.operation: Operation | None = None
        self.done = False

    @property
    def preview_result(self) -> BatchResult | None:
        """What the preview found (None when the tool ran without one)."""
        return self.preview.result if self.preview is not None else None

    def start(self) -> ToolFlow:
        """Preview first (many rows), else the real call."""
        if self._call.previews:
            self._run(lambda _p: self._call.preview(), self._previewed)
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

    def _previewed(self, preview: tools.Preview) -> None:
        self.preview = preview
        result = preview.result
        if result.refused:
            go_on = ResultDialog.present(self._parent, self._title, result, preview=True)
            if not go_on or not result.done:
                self._end()
                return
        confirmed: set[str] = set()
        for question in preview.questions:
            if not ask_confirmation(self._parent, question.message):
                self._end()
                return
            confirmed.add(question.key)
        self._real(frozenset(confirmed))

    def _real(self, confirmed: frozenset[str]) -> None:
        self._run(lambda _p: self._call.run(confirmed), self._finished, confirmed)

    def _failed(self, error: BaseException, confirmed: frozenset[str]) -> None:
        # A question the preview did not see (one row, or data changed meanwhile):
        # the service asked before writing anything, so answering and calling again is safe.
        if isinstance(error, NeedsConfirmation) and error.key not in confirmed:
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
