"""Sending what the outbox holds, on a worker: progress, cancel, the report, Continuar envio."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from contoffice.services.kernel.results import Changes
from contoffice.services.messaging import dispatch, outbox
from contoffice.services.messaging.dispatch import DispatchReport
from contoffice.ui.context import WindowContext
from contoffice.ui.messages import password_prompt
from contoffice.ui.messages_area.report_dialog import SendReportDialog
from contoffice.ui.operations import Operation, show_error


def ensure_passwords(parent: QWidget, ctx: WindowContext, names: Sequence[str]) -> bool:
    """Each e-mail account's password known to this desk (asked if not); False if refused."""
    return all(password_prompt.ensure_password(parent, ctx, name) for name in names)


class SendFlow(QObject):
    """One batch (or some messages) sent round after round until the clerk closes the report.

    A round sends every message still pending in scope; cancelling leaves the rest pending,
    and Continuar envio starts the next round on the same scope (nothing is sent twice:
    the outbox claims each message before the server hears of it).
    """

    finished = Signal()

    def __init__(self, parent: QWidget, ctx: WindowContext, *, title: str,
                 batch_id: int | None = None, ids: Sequence[int] | None = None,
                 accounts: Sequence[str] = (), resend: bool = False,
                 on_round: Callable[[], None] = lambda: None) -> None:
        super().__init__(parent)
        self._parent, self.ctx, self.title = parent, ctx, title
        self.batch_id, self.ids = batch_id, list(ids) if ids is not None else None
        self.accounts = tuple(accounts)
        self._resend = resend  # the first round puts failed/interrupted ones back in line
        self._on_round = on_round
        self.reports: list[DispatchReport] = []
        self.operation: Operation | None = None
        self.dialog: SendReportDialog | None = None
        self.done = False

    def start(self) -> SendFlow:
        """Run one round (after the passwords are known)."""
        if not ensure_passwords(self._parent, self.ctx, self.accounts):
            self._finish()
            return self
        db, actor = self.ctx.db, self.ctx.actor
        batch_id, ids, resend = self.batch_id, self.ids, self._resend
        self._resend = False

        def job(progress: Any) -> DispatchReport:
            chosen = outbox.resend(db.uow(), actor, ids) if resend and ids else ids
            return dispatch.send_queued(db, actor, batch_id=batch_id, ids=chosen,
                                        progress=progress)

        self.operation = Operation(self._parent, job, title=self.title)
        self.operation.on_success(self._report).on_error(self._failed)
        if not self.operation.run():
            self._finish()
        return self

    def _report(self, report: DispatchReport) -> None:
        self.reports.append(report)
        self._on_round()
        # Every client's "SMS, e-mail e Mensagens Enviadas" page that is open follows.
        self.ctx.changes.publish(Changes(messages=True), self._parent)
        self.dialog = SendReportDialog(self._parent, report)
        self.dialog.setObjectName("send_report")
        self.dialog.finished.connect(
            lambda _code, d=self.dialog: self.start() if d.continued else self._finish())
        self.dialog.open()

    def _failed(self, error: BaseException) -> None:
        self._on_round()  # a refusal may come after some rows changed
        show_error(self._parent, error)
        self._finish()

    def _finish(self) -> None:
        if not self.done:
            self.done = True
            self.finished.emit()
