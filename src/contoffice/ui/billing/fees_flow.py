"""Gerar honorários for chosen clients (INV-D-13): one flow for Faturamento and the finder."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtWidgets import QMessageBox, QWidget

from contoffice.services.billing import fees
from contoffice.services.panels import lookups
from contoffice.ui.context import WindowContext
from contoffice.ui.dialogs import labels as t
from contoffice.ui.dialogs.fees_dialog import FeeClient, FeesDialog
from contoffice.ui.operations import show_error
from contoffice.ui.tool_flow import ToolCall, ToolFlow


def generate_fees(
    parent: QWidget,
    ctx: WindowContext,
    person_ids: Sequence[int],
    *,
    start: date | None = None,
) -> ToolFlow | None:
    """The fees dialog with each client's last scheduled fee, then the run and its rows.

    The outcome goes on the window's change channel, scoped to these clients: their
    open panels (contas, header) refresh without F5.
    """
    ids = list(person_ids)
    if not ids:
        QMessageBox.information(parent, t.FEES_TITLE, t.SELECT_CLIENTS)
        return None
    db = ctx.db
    try:
        names = lookups.people_names(db.uow(), ids)
        last = fees.last_scheduled_fees(db.uow(), ids)
    except Exception as error:
        show_error(parent, error)
        return None
    clients = [FeeClient(i, names.get(i, ""), last[i]) for i in ids]
    value = FeesDialog.ask(parent, clients, start)
    if value is None:
        return None
    call = ToolCall(ctx, "fees.generate", ids, {"start": value.start, "times": value.times})
    # show_clean: the clerk sees the per-client outcome even when every row was done.
    publish = ctx.changes.publisher(parent, ids)
    return ToolFlow(parent, t.FEES_TITLE, call, on_changes=publish, show_clean=True).start()
