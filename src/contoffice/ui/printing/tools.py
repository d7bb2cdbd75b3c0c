"""The printing tools the panels call: Imprimir Fatura and Imprimir recibo de liquidação."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtWidgets import QWidget

from contoffice.ui import texts
from contoffice.ui.context import WindowContext
from contoffice.ui.messages.send_dialog import open_send_dialog
from contoffice.ui.operations import Operation
from contoffice.ui.printing import jobs
from contoffice.ui.printing.preview import PdfPreviewDialog


def _mailer(ctx: WindowContext, invoice_ids: list[int],
            person_id: int | None) -> Callable[[QWidget], None] | None:
    """The preview's E-mail: only for one client's invoices, for an operator who may send."""
    if person_id is None or not ctx.actor.can("messages.send"):
        return None
    return lambda preview: open_send_dialog(preview, ctx, invoice_ids=invoice_ids)


def print_invoices(parent: QWidget, ctx: WindowContext, invoice_ids: list[int], *,
                   person_id: int | None = None) -> None:
    """Imprimir Fatura: render off the GUI thread (progress, cancel), then the preview.

    `person_id` says the invoices are that client's (a client panel): the preview then
    offers E-mail.
    """
    ids = list(invoice_ids)
    job = partial(jobs.render_invoices, db=ctx.db, actor=ctx.actor, invoice_ids=ids)
    operation = Operation(parent, job, title=texts.PRINT_TITLE)
    mail = _mailer(ctx, ids, person_id)
    operation.on_success(lambda pdf: PdfPreviewDialog.open_for(parent, pdf, mail=mail))
    if not operation.run():
        ctx.notify(texts.ALREADY_RUNNING)


def print_receipts(parent: QWidget, ctx: WindowContext, invoice_ids: list[int]) -> None:
    """Imprimir recibo de liquidação: render on the runner, then the same preview."""
    job = partial(jobs.render_receipts, db=ctx.db, actor=ctx.actor, invoice_ids=list(invoice_ids))
    operation = Operation(parent, job, title=texts.RECEIPT_TITLE)
    operation.on_success(lambda pdf: PdfPreviewDialog.open_for(parent, pdf))
    if not operation.run():
        ctx.notify(texts.ALREADY_RUNNING)
