"""The tools of Documentos Fiscais Pendentes and Gerados (INV-K, INV-L), bound to one page."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from contoffice.services.fiscal import cancel, documents, ui_support
from contoffice.services.kernel.results import Changes
from contoffice.services.kernel.toolbox_fiscal import FISCAL_ISSUED, FISCAL_PENDING, SEND
from contoffice.services.messaging import fiscal_attachments as files
from contoffice.services.messaging.compose import Choice
from contoffice.ui import tool_flow
from contoffice.ui.client import fiscal_dialogs as d
from contoffice.ui.client.fiscal_generate import GenerateFlow, generate_work, opened
from contoffice.ui.client.fiscal_password import certificate_ready
from contoffice.ui.client.tool_host import ToolHost
from contoffice.ui.messages.send_dialog import SendDialog, open_send_dialog
from contoffice.ui.operations import Operation
from contoffice.ui.printing import jobs
from contoffice.ui.printing.preview import PdfPreviewDialog
from contoffice.ui.tool_flow import SimpleFlow

NOTHING_TO_ANNUL = "A fatura {code} não tem documento fiscal para anular."
NOTE = "NFS-e nº {nfse}"
PDF_LABEL, XML_LABEL = "DANFSe da NFS-e nº {nfse} (PDF)", "XML da NFS-e nº {nfse}"


class FiscalTools:
    """Slots of the two fiscal pages: generate, annul, observations, cancel, print, send."""

    def __init__(self, page: ToolHost) -> None:
        self.page, self.ctx = page, page.ctx
        self.last_flow: GenerateFlow | SimpleFlow | None = None
        self.last_operation: Operation | None = None
        self.last_preview: PdfPreviewDialog | None = None
        self.last_send: SendDialog | None = None

    def handlers(self, grid: str) -> dict[str, Callable[[], Any]]:
        """The slots the page `grid` offers."""
        if grid == FISCAL_PENDING:
            return {"generate": self.generate, "annul": self.annul_pending}
        if grid == FISCAL_ISSUED:
            return {"edit": self.edit, "cancel": self.cancel, "annul": self.annul,
                    "print": self.print_selected, "send": self.send}
        return {}

    @property
    def _parent(self) -> QWidget | None:
        return self.page if isinstance(self.page, QWidget) else None

    def _changes(self) -> Changes:
        return Changes(fiscal=True, invoices=True, person_ids=frozenset({self.page.person_id}))

    def _publish(self, changes: Changes) -> None:
        self.ctx.changes.publish(changes, self.page)

    # -- Documentos Fiscais Pendentes ------------------------------------------------------
    def generate(self) -> GenerateFlow | None:
        """Gerar documento fiscal: the selected invoices, previewed when several."""
        ids = self.page.selected_ids()
        parent = self._parent
        if not ids or parent is None:
            return None
        if not certificate_ready(parent, self.ctx):
            return None
        db, actor = self.ctx.db, self.ctx.actor
        flow = GenerateFlow(parent, d.GENERATE_TITLE, len(ids),
                            generate_work(db, actor, ids, dry_run=True),
                            generate_work(db, actor, ids, dry_run=False),
                            on_changes=self._publish)
        self.last_flow = flow
        return flow.start()

    def annul_pending(self) -> SimpleFlow | None:
        """Anular Documento of a pending invoice: its unsent or rejected DPS."""
        ids = self.page.selected_ids()
        if not ids:
            return None
        found = self.page.read(lambda: (ui_support.document_of_invoice(self.ctx.db.uow(),
                                                                       ids[0]),))
        if found is None:  # the read failed (already said)
            return None
        if found[0] is None:
            QMessageBox.information(self._parent, d.ANNUL_TITLE,
                                    NOTHING_TO_ANNUL.format(code=ids[0]))
            return None
        return self._annul(found[0])

    # -- Documentos Fiscais Gerados --------------------------------------------------------
    def annul(self) -> SimpleFlow | None:
        """Anular Documento: refused for an authorised note (it can only be cancelled)."""
        ids = self.page.selected_ids()
        return self._annul(ids[0]) if ids else None

    def _annul(self, document_id: int) -> SimpleFlow | None:
        if not tool_flow.ask_confirmation(self._parent, d.ANNUL_QUESTION):
            return None
        db, actor = self.ctx.db, self.ctx.actor
        self.last_flow = self.page.run_simple(
            d.ANNUL_TITLE,
            lambda: opened(db, lambda uow: documents.annul(uow, actor, [document_id])),
            self._changes())
        return self.last_flow

    def edit(self) -> SimpleFlow | None:
        """Editar informações do documento fiscal: Observação 1–4, pre-filled."""
        ids = self.page.selected_ids()
        if not ids:
            return None
        values = self.page.read(lambda: ui_support.observations(self.ctx.db.uow(), ids[0]))
        if values is None:
            return None
        dialog = d.ObservationsDialog(self._parent, values)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        first, second, third, fourth = dialog.value()
        db, actor = self.ctx.db, self.ctx.actor
        self.last_flow = self.page.run_simple(
            d.EDIT_TITLE, lambda: opened(db, lambda uow: documents.edit_observations(
                uow, actor, ids[0], first, second, third, fourth)), self._changes())
        return self.last_flow

    def cancel(self) -> SimpleFlow | None:
        """Cancelar Documento: the reason code and the justification, then the event."""
        ids = self.page.selected_ids()
        if not ids:
            return None
        found = self.page.read(lambda: ui_support.note_numbers(self.ctx.db.uow(), ids[0]))
        if found is None:
            return None
        dialog = d.CancelDialog(self._parent, NOTE.format(nfse=found[0] or found[1]))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        reason, why = dialog.value()
        if not certificate_ready(self._parent, self.ctx):
            return None
        db, actor = self.ctx.db, self.ctx.actor
        self.last_flow = self.page.run_simple(
            d.CANCEL_TITLE,
            lambda: opened(db, lambda uow: cancel.cancel(uow, actor, ids[0], reason, why)),
            self._changes())
        return self.last_flow

    def print_selected(self) -> Operation | None:
        """Imprimir documento fiscal: the DANFSe rendered on the worker, then the preview."""
        ids = self.page.selected_ids()
        parent = self._parent
        if not ids or parent is None:
            return None
        db, document_id = self.ctx.db, ids[0]
        operation = Operation(parent,
                              lambda _p: opened(db, lambda uow: documents.pdf(uow, document_id)),
                              title=d.PRINT_TITLE)
        operation.on_success(lambda content: self._preview(document_id, content))
        self.last_operation = operation
        operation.run()
        return operation

    def _preview(self, document_id: int, content: bytes) -> None:
        folder = jobs.new_folder()
        path = folder / f"danfse-{document_id}.pdf"
        path.write_bytes(content)
        mail = ((lambda preview: self._send(preview, document_id))
                if self.ctx.actor.can(SEND) else None)
        self.last_preview = PdfPreviewDialog.open_for(
            self._parent, jobs.RenderedPdf(path, 0, folder), mail=mail)

    def send(self) -> SendDialog | None:
        """Enviar e-mail ao cliente: the send dialog with the DANFSe and the XML ticked."""
        ids = self.page.selected_ids()
        return self._send(self._parent, ids[0]) if ids else None

    def _send(self, parent: QWidget | None, document_id: int) -> SendDialog | None:
        start = self.page.read(lambda: ui_support.mail_start(self.ctx.db.uow(), self.ctx.actor,
                                                             document_id))
        if start is None:
            return None
        number = start.nfse_number
        choices = (
            Choice(files.fiscal(document_id, files.PDF, number),
                   PDF_LABEL.format(nfse=number), True),
            Choice(files.fiscal(document_id, files.XML, number),
                   XML_LABEL.format(nfse=number), True),
        )
        dialog = open_send_dialog(parent, self.ctx, person_id=start.person_id, permission=SEND,
                                  extra_attachments=choices)
        if dialog is not None:  # the note's own words, not the boleto template's
            dialog.subject_edit.setText(start.subject)
            dialog.body_edit.setPlainText(start.body)
        self.last_send = dialog
        return dialog
