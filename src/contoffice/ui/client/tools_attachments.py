"""Banco de Imagens and Anexar arquivos on Contratos and Faturas a Receber (INV-D-10/12, E-15)."""

from __future__ import annotations

from collections.abc import Callable

from contoffice.ui.client.tool_host import ToolHost
from contoffice.ui.dialogs.attachments_dialog import AttachmentScope, AttachmentsDialog

ATTACH_TITLE = "Anexar arquivos — contrato {code}"
IMAGES_TITLE = "Banco de Imagens"
IMAGES_OF = "Banco de Imagens — {what} {code}"
_WHAT = {
    "client.contracts": ("contract_id", "contrato"),
    "client.receivable": ("invoice_id", "fatura"),
}


class AttachmentTools:
    """Slots that open the attachments dialog for the page's client or selected row."""

    def __init__(self, page: ToolHost) -> None:
        self.page, self.ctx = page, page.ctx
        self.last_dialog: AttachmentsDialog | None = None

    def handlers(self, grid: str) -> dict[str, Callable[[], None]]:
        """The slots the page `grid` offers."""
        if grid == "client.contracts":
            return {"attachment": self.images, "attach": self.attach}
        if grid == "client.receivable":
            return {"attachment": self.images}
        return {}

    def _open(self, scope: AttachmentScope) -> None:
        self.last_dialog = AttachmentsDialog(self.page, self.ctx, scope)
        self.last_dialog.exec()

    def images(self) -> None:
        """Banco de Imagens: the selected row's files (every file of the client when none)."""
        ids = self.page.selected_ids()
        key, what = _WHAT[self.page.page.grid]
        if not ids:
            self._open(AttachmentScope(self.page.person_id, title=IMAGES_TITLE))
            return
        title = IMAGES_OF.format(what=what, code=ids[0])
        self._open(AttachmentScope(self.page.person_id, title=title, **{key: ids[0]}))

    def attach(self) -> None:
        """Anexar arquivos: the files of the selected contract, to add or remove."""
        ids = self.page.selected_ids()
        if ids:
            title = ATTACH_TITLE.format(code=ids[0])
            self._open(AttachmentScope(self.page.person_id, contract_id=ids[0], title=title))
