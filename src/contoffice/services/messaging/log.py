"""The message log for the command line: the grid's rows, newest first."""

from __future__ import annotations

from contoffice.core.paging import PageRequest
from contoffice.db.queries.messages import STATUS_LABELS, MessageRow
from contoffice.db.uow import UnitOfWork
from contoffice.services.kernel.permissions import Actor, require
from contoffice.services.panels.grids import fetch_page

__all__ = ["STATUS_LABELS", "MessageRow", "sent_messages"]


def sent_messages(uow: UnitOfWork, actor: Actor, *, person_id: int | None = None,
                  limit: int = 200) -> list[MessageRow]:
    """The latest messages of one client (or of the office)."""
    require(actor, "messages.view")
    key = "client.messages" if person_id is not None else "messages.sent"
    page = fetch_page(uow, key, PageRequest({}, (), 0, limit), person_id=person_id)
    return list(page.rows)
