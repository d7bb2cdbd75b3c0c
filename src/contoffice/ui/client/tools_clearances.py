"""The tools of Negativas de Débitos (INV-N): generate a year, print it, send it by e-mail."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import QDialog, QLabel, QSpinBox, QWidget

from contoffice.services.clearances import document, issue
from contoffice.services.clearances.eligibility import FIRST_YEAR
from contoffice.services.kernel.results import Changes
from contoffice.ui.client.tool_host import ToolHost
from contoffice.ui.dialogs.base import ToolDialog
from contoffice.ui.messages.send_dialog import SendDialog, open_send_dialog
from contoffice.ui.printing import jobs
from contoffice.ui.printing.preview import PdfPreviewDialog
from contoffice.ui.tool_flow import SimpleFlow

GENERATE_TITLE = "Gerar nova negativa de débito"
YEAR = "Ano de referência"
HINT = ("A declaração comprova que o cliente quitou todas as faturas com vencimento no ano "
        "(Lei nº 12.007/2009). Só pode ser gerada para um ano encerrado.")


class YearDialog(ToolDialog):
    """The year of the declaration; the previous year comes chosen."""

    def __init__(self, parent: QWidget | None, today: date) -> None:
        super().__init__(parent, GENERATE_TITLE)
        hint = QLabel(HINT, self)
        hint.setWordWrap(True)
        self.form.addRow(hint)
        self.year_spin = QSpinBox(self)
        self.year_spin.setRange(FIRST_YEAR, today.year - 1)
        self.year_spin.setValue(today.year - 1)
        self.add_row(YEAR, self.year_spin, "year_spin")
        self.revalidate()

    def is_valid(self) -> bool:
        return True

    def value(self) -> int:
        """The chosen year."""
        return self.year_spin.value()


class ClearanceTools:
    """Slots of the Negativas de Débitos page, bound to one page."""

    def __init__(self, page: ToolHost) -> None:
        self.page, self.ctx = page, page.ctx
        self.last_preview: PdfPreviewDialog | None = None
        self.last_send: SendDialog | None = None

    def handlers(self, grid: str) -> dict[str, Callable[[], None]]:
        """The slots the page `grid` offers."""
        if grid != "client.clearances":
            return {}
        return {"generate": self.generate, "print": self.print_selected,
                "send": self.send_selected}

    def generate(self) -> SimpleFlow | None:
        """Gerar nova negativa de débito: the year asked, then issued (or refused, with why)."""
        dialog = YearDialog(self.page if isinstance(self.page, QWidget) else None, date.today())
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        year, person_id, ctx = dialog.value(), self.page.person_id, self.ctx
        return self.page.run_simple(
            GENERATE_TITLE,
            lambda: issue.generate(ctx.db.uow(), ctx.actor, person_id=person_id, year=year),
            Changes(clearances=True, person_ids=frozenset({person_id})))

    def print_selected(self) -> PdfPreviewDialog | None:
        """Imprimir negativa de débito selecionada: the PDF as issued, in the preview."""
        ids = self.page.selected_ids()
        if not ids:
            return None
        found = self.page.read(lambda: document.stored_pdf(self.ctx.db.uow(), self.ctx.actor,
                                                           ids[0]))
        if found is None:
            return None
        name, content = found
        folder = jobs.new_folder()
        path = folder / name
        path.write_bytes(content)
        mail = self._mailer(ids[0]) if self.ctx.actor.can("clearances.send") else None
        parent = self.page if isinstance(self.page, QWidget) else None
        self.last_preview = PdfPreviewDialog.open_for(parent, jobs.RenderedPdf(path, 0, folder),
                                                      mail=mail)
        return self.last_preview

    def _mailer(self, declaration_id: int) -> Callable[[QWidget], None]:
        return lambda preview: self._send(preview, declaration_id)

    def send_selected(self) -> SendDialog | None:
        """Enviar negativa de débito selecionada por e-mail: the send dialog, PDF ticked."""
        ids = self.page.selected_ids()
        if not ids:
            return None
        return self._send(self.page if isinstance(self.page, QWidget) else None, ids[0])

    def _send(self, parent: QWidget | None, declaration_id: int) -> SendDialog | None:
        found = self.page.read(
            lambda: document.mail_start(self.ctx.db.uow(), self.ctx.actor, declaration_id))
        if found is None:
            return None
        dialog = open_send_dialog(parent, self.ctx, person_id=found.person_id,
                                  permission="clearances.send",
                                  extra_attachments=(found.choice,))
        if dialog is not None:  # the declaration's own words, not the boleto template's
            dialog.subject_edit.setText(found.subject)
            dialog.body_edit.setPlainText(found.body)
        self.last_send = dialog
        return dialog
