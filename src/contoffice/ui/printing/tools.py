"""The printing tools the panels call: Imprimir Fatura, recibo, Enviar Boleto Individual."""

from __future__ import annotations

from functools import partial

from PySide6.QtWidgets import QWidget

from contoffice.ui import texts
from contoffice.ui.context import WindowContext
from contoffice.ui.operations import Operation
from contoffice.ui.printing import jobs
from contoffice.ui.printing.preview import PdfPreviewDialog
from contoffice.ui.printing.send_dialog import SendBoletoDialog


def print_invoices(parent: QWidget, ctx: WindowContext, invoice_ids: list[int]) -> None:
    """Imprimir Fatura: render off the GUI thread (progress, cancel), then the preview."""
    job = partial(jobs.render_invoices, db=ctx.db, actor=ctx.actor, invoice_ids=list(invoice_ids))
    operation = Operation(parent, job, title=texts.PRINT_TITLE)
    operation.on_success(lambda pdf: PdfPreviewDialog.open_for(parent, pdf))
    if not operation.run():
        ctx.notify(texts.ALREADY_RUNNING)


def print_receipts(parent: QWidget, ctx: WindowContext, invoice_ids: list[int]) -> None:
    """Imprimir recibo de liquidação: render on the runner, then the same preview."""
    job = partial(jobs.render_receipts, db=ctx.db, actor=ctx.actor, invoice_ids=list(invoice_ids))
    operation = Operation(parent, job, title=texts.RECEIPT_TITLE)
    operation.on_success(lambda pdf: PdfPreviewDialog.open_for(parent, pdf))
    if not operation.run():
        ctx.notify(texts.ALREADY_RUNNING)


def send_boleto(parent: QWidget, ctx: WindowContext, invoice_id: int) -> None:
    """Enviar Boleto Individual: the boleto attached to the invoice, offered to save."""
    job = partial(jobs.send_boleto, db=ctx.db, actor=ctx.actor, invoice_id=invoice_id)
    operation = Operation(parent, job, title=texts.SEND_BOLETO_TITLE)
    operation.on_success(lambda sent: SendBoletoDialog.open_for(parent, sent))
    if not operation.run():
        ctx.notify(texts.ALREADY_RUNNING)
