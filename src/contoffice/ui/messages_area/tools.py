"""Abrir mensagem and Reenviar, on the area's grid and on the client panel's page alike."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtWidgets import QMessageBox, QWidget

from contoffice.core.message_vocab import MessageStatus
from contoffice.services.messaging import messages, outbox, reading
from contoffice.ui import texts
from contoffice.ui.context import WindowContext
from contoffice.ui.messages_area import labels as t
from contoffice.ui.messages_area.message_dialog import MessageDialog
from contoffice.ui.messages_area.sending import SendFlow
from contoffice.ui.models.table_model import PagedTableModel
from contoffice.ui.operations import show_error
from contoffice.ui.widgets.grid_view import GridView

GRIDS = (t.CLIENT_GRID, t.SENT_GRID)


class MessagePage(Protocol):
    """A grid of messages, as its tools see it (the area's page, the panel's page)."""

    ctx: WindowContext
    grid: GridView
    model: PagedTableModel

    def refresh(self) -> None:
        """Read the grid again."""
        ...


class MessageTools:
    """The slots of the messages grids: open one, resend the failed or interrupted ones."""

    def __init__(self, page: MessagePage) -> None:
        self.page, self.ctx = page, page.ctx
        self.last_dialog: MessageDialog | None = None
        self.last_flow: SendFlow | None = None

    @property
    def parent(self) -> QWidget:
        """The page, as the dialogs' parent."""
        assert isinstance(self.page, QWidget)
        return self.page

    def handlers(self, grid: str) -> dict[str, Callable[[], None]]:
        """The slots the page `grid` offers."""
        if grid in GRIDS:
            return {"open": self.open, "resend": self.resend}
        return {}

    def selected_rows(self) -> list[Any]:
        """The selected messages (the current one when none is selected)."""
        rows = self.page.grid.selected_rows() or [self.page.grid.table.currentIndex().row()]
        return [row for r in rows if r >= 0 and (row := self.page.model.row_at(r)) is not None]

    def open(self) -> MessageDialog | None:
        """Abrir mensagem: the selected message, read-only."""
        rows = self.selected_rows()
        if not rows:
            return None
        try:
            body = reading.message_body(self.ctx.db.uow(), self.ctx.actor, rows[0].id)
        except Exception as error:
            show_error(self.parent, error)
            return None
        self.last_dialog = MessageDialog(self.parent, rows[0], body)
        self.last_dialog.open()
        return self.last_dialog

    def resend(self) -> SendFlow | None:
        """Reenviar: the failed or interrupted messages back in line, and sent now."""
        rows = self.selected_rows()
        if not rows:
            return None
        for row in rows:
            status = MessageStatus(row.status)
            if status not in outbox.RESENDABLE:  # the service's own refusal, said at once
                QMessageBox.warning(self.parent, texts.ERROR_TITLE, messages.NOT_RESENDABLE
                                    .format(code=row.id, status=status.label.lower()))
                return None
        ids = [row.id for row in rows]
        try:
            names = reading.mail_accounts_of(self.ctx.db.uow(), ids)
        except Exception as error:
            show_error(self.parent, error)
            return None
        self.last_flow = SendFlow(self.parent, self.ctx, title=t.RESENDING, ids=ids,
                                  accounts=names, resend=True, on_round=self.page.refresh)
        return self.last_flow.start()
