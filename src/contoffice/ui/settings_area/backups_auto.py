"""The automatic backups: the daily one when the window opens, the one when it closes."""

from __future__ import annotations

import logging
from datetime import UTC, datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from contoffice.errors import ContofficeError
from contoffice.services.backups import schedule, service
from contoffice.ui.context import WindowContext
from contoffice.ui.operations import Operation, error_text
from contoffice.ui.settings_area import backups_texts as t

log = logging.getLogger(__name__)


def backup_on_start(parent: QWidget, ctx: WindowContext,
                    now: datetime | None = None) -> Operation | None:
    """The daily backup in a worker when the last one is a day old (None when not due)."""
    moment = now or datetime.now(UTC)
    try:
        with ctx.db.uow() as uow:
            due = schedule.load(uow).due(moment)
    except ContofficeError:
        return None  # the window already says when the database is down
    if not due:
        return None
    db = ctx.db
    operation = Operation(parent, lambda _p: service.backup_now(db, moment),
                          title=t.WORKING_BACKUP)
    operation.on_success(lambda path: ctx.notify(t.DAILY_DONE.format(path=path)))
    operation.on_error(lambda error: _daily_failed(parent, error))
    operation.run()
    return operation


def _daily_failed(parent: QWidget, error: BaseException) -> None:
    log.warning("cópia diária não feita (%s)", type(error).__name__)
    QMessageBox.warning(parent, t.TITLE, t.DAILY_FAILED.format(reason=error_text(error)))


def backup_on_close(parent: QWidget, ctx: WindowContext,
                    now: datetime | None = None) -> bool:
    """The backup of "ao fechar", made before the window goes; False when it failed."""
    try:
        with ctx.db.uow() as uow:
            wanted = schedule.load(uow).on_close
    except ContofficeError:
        return False
    if not wanted:
        return True
    ctx.notify(t.CLOSING_BACKUP)
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        service.backup_now(ctx.db, now or datetime.now(UTC))
    except ContofficeError as error:
        failure: ContofficeError | None = error
    else:
        failure = None
    finally:
        QApplication.restoreOverrideCursor()
    if failure is not None:
        QMessageBox.warning(parent, t.TITLE, t.CLOSE_FAILED.format(reason=failure))
        return False
    return True
