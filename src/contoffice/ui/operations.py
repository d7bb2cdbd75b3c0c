"""Long work off the GUI thread: progress after 500 ms, cancel, one error dialog.

`Operation(parent, fn, title=…)` runs `fn(progress)` on a worker thread.
Contract: `fn` must not touch widgets; it opens its own unit of work and
returns plain values. Callbacks run on the GUI thread.
"""

from __future__ import annotations

import gc
import logging
import time
import traceback
from collections.abc import Callable
from typing import Any, ClassVar

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from contoffice.core.progress import Cancelled
from contoffice.errors import ContofficeError, DatabaseUnavailable
from contoffice.services.kernel.busy import retry_when_busy
from contoffice.ui import texts
from contoffice.ui.db_health import notify_unavailable

log = logging.getLogger(__name__)
SHOW_AFTER_MS = 500
MIN_VISIBLE_S = 0.5
THROTTLE_S = 0.1


def _hold_collector() -> None:
    """No cyclic garbage collection while a worker runs.

    The cyclic collector may run in any thread that allocates; finalising the
    Qt wrappers of closed windows while a worker thread is inside Python has
    crashed the interpreter (seen in the test suite). Reference counting still
    frees everything else meanwhile; the collector catches up on the GUI thread.
    """
    gc.disable()


def _release_collector() -> None:
    """The last worker ended: the collector runs again (its next pass is on this thread)."""
    gc.enable()


class _Signals(QObject):
    progressed = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(object)


class _Progress:
    """The worker's Progress: throttled reports, a cancel flag the dialog sets."""

    def __init__(self, signals: _Signals) -> None:
        self._signals = signals
        self._last = 0.0
        self.cancel_requested = False

    def step(self, done: int, total: int, label: str = "") -> None:
        """Report at most every 100 ms, and always the last step."""
        now = time.monotonic()
        if now - self._last >= THROTTLE_S or done >= total:
            self._last = now
            self._signals.progressed.emit(done, total, label)

    def cancelled(self) -> bool:
        """True once Cancel was pressed."""
        return self.cancel_requested


class _Job(QRunnable):
    def __init__(self, fn: Callable[[Any], Any], progress: _Progress, signals: _Signals) -> None:
        super().__init__()
        self._fn, self._progress, self._signals = fn, progress, signals

    def run(self) -> None:
        try:
            # A busy SQLite file rolled the whole job back: it is safe to run it again.
            result = retry_when_busy(lambda: self._fn(self._progress))
        except BaseException as error:  # every failure goes back to the GUI thread
            self._signals.failed.emit(error)
        else:
            self._signals.succeeded.emit(result)


class Operation(QObject):
    """One background job with its progress dialog; `finished` fires after the callbacks."""

    finished = Signal()
    _running: ClassVar[set[Operation]] = set()  # keeps jobs alive and forbids running one twice

    def __init__(self, parent: QWidget, fn: Callable[[Any], Any], *, title: str) -> None:
        super().__init__(parent)
        self._parent, self._fn, self._title = parent, fn, title
        self._on_success: Callable[[Any], None] | None = None
        self._on_error: Callable[[BaseException], None] | None = None
        self._signals = _Signals()
        self._progress = _Progress(self._signals)
        self._dialog: QProgressDialog | None = None
        self._shown_at = 0.0
        self.error: BaseException | None = None
        self.result: Any = None

    def on_success(self, callback: Callable[[Any], None]) -> Operation:
        """Call `callback(result)` on the GUI thread when the job ends well."""
        self._on_success = callback
        return self

    def on_error(self, callback: Callable[[BaseException], None]) -> Operation:
        """Replace the standard error dialog."""
        self._on_error = callback
        return self

    def run(self) -> bool:
        """Start the job; False when the same operation is already running."""
        if any(op._title == self._title and op._parent is self._parent for op in self._running):
            return False
        if not self._running:
            _hold_collector()
        self._running.add(self)
        queued = Qt.ConnectionType.QueuedConnection
        self._signals.progressed.connect(self._progressed, queued)
        self._signals.succeeded.connect(self._succeeded, queued)
        self._signals.failed.connect(self._failed, queued)
        self._timer = QTimer(self, singleShot=True, interval=SHOW_AFTER_MS)
        self._timer.timeout.connect(self._show_dialog)
        self._timer.start()
        QThreadPool.globalInstance().start(_Job(self._fn, self._progress, self._signals))
        return True

    @property
    def dialog(self) -> QProgressDialog | None:
        """The progress dialog, once shown."""
        return self._dialog

    def cancel(self) -> None:
        """Ask the job to stop at its next check (the dialog stays until it does)."""
        self._progress.cancel_requested = True
        if self._dialog is not None:
            self._dialog.setLabelText(texts.WORKING)

    def _show_dialog(self) -> None:
        dialog = QProgressDialog(texts.WORKING, "Cancelar", 0, 0, self._parent)
        dialog.setWindowTitle(self._title)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setMinimumDuration(0)
        # Cancel sets the flag only: the job decides when it is safe to stop.
        dialog.canceled.disconnect()
        dialog.canceled.connect(self.cancel)
        dialog.show()
        self._dialog, self._shown_at = dialog, time.monotonic()

    def _progressed(self, done: int, total: int, label: str) -> None:
        if self._dialog is not None:
            self._dialog.setMaximum(max(total, 0))
            self._dialog.setValue(min(done, total))
            if label:
                self._dialog.setLabelText(label)

    def _close(self, then: Callable[[], None]) -> None:
        self._timer.stop()
        wait_ms = 0
        if self._dialog is not None:
            wait_ms = max(0, int((MIN_VISIBLE_S - (time.monotonic() - self._shown_at)) * 1000))

        def finish() -> None:
            if self._dialog is not None:
                self._dialog.close()
                self._dialog.deleteLater()
            self._running.discard(self)
            if not self._running:
                _release_collector()
            then()
            self.finished.emit()

        QTimer.singleShot(wait_ms, finish) if wait_ms else finish()

    def _succeeded(self, result: Any) -> None:
        self.result = result
        self._close(lambda: self._on_success(result) if self._on_success else None)

    def _failed(self, error: BaseException) -> None:
        self.error = error
        if isinstance(error, Cancelled):
            self._close(lambda: None)
            return
        if not isinstance(error, ContofficeError):
            # The frames and the type only: an exception's text can quote client data.
            log.error("operation %r failed (%s)\n%s", self._title, type(error).__name__,
                      "".join(traceback.format_tb(error.__traceback__)))
        handler = self._on_error or (lambda e: show_error(self._parent, e))
        self._close(lambda: handler(error))


def error_text(error: BaseException) -> str:
    """The message a clerk reads: the service's own, or the generic one."""
    return str(error) if isinstance(error, ContofficeError) else texts.UNEXPECTED


def show_error(parent: QWidget | None, error: BaseException) -> None:
    """The one standard error dialog (a database outage shares a single one)."""
    if isinstance(error, DatabaseUnavailable):
        notify_unavailable(parent, str(error))
        return
    QMessageBox.warning(parent, texts.ERROR_TITLE, error_text(error))
