"""Enviar Boleto Individual: what was attached, a copy to save, and a word on e-mail."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from contoffice.core.files import write_output
from contoffice.services.boletos.attachments import CATEGORY, BoletoAttachment
from contoffice.ui import texts
from contoffice.ui.printing.jobs import write_temp_copy
from contoffice.ui.printing.preview import PdfPreviewDialog


class SendBoletoDialog(QDialog):
    """The boleto stored with the invoice; Visualizar, Salvar cópia, Fechar."""

    def __init__(self, parent: QWidget | None, sent: BoletoAttachment) -> None:
        super().__init__(parent)
        self.sent = sent
        self.setObjectName("send_boleto")
        self.setWindowTitle(texts.SEND_BOLETO_TITLE)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        to = (
            texts.SEND_BOLETO_TO.format(name=sent.payer_name, email=sent.payer_email)
            if sent.payer_email
            else texts.SEND_BOLETO_NO_EMAIL.format(name=sent.payer_name)
        )
        layout = QVBoxLayout(self)
        for name, text in (
            (
                "done_label",
                texts.SEND_BOLETO_DONE.format(invoice=sent.invoice_id, category=CATEGORY),
            ),
            ("to_label", to),
            (
                "file_label",
                texts.SEND_BOLETO_FILE.format(
                    filename=sent.filename, size=max(1, round(sent.size / 1024))
                ),
            ),
            ("later_label", texts.SEND_BOLETO_LATER),
        ):
            label = QLabel(text, self)
            label.setObjectName(name)
            label.setWordWrap(True)
            layout.addWidget(label)
        self.saved_label = QLabel(self)
        self.saved_label.setObjectName("saved_label")
        layout.addWidget(self.saved_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        self.view_button = self._add(buttons, "view_button", texts.VIEW, self.view)
        self.save_button = self._add(buttons, "save_button", texts.SAVE_COPY, self.save_copy)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)
        self.preview: PdfPreviewDialog | None = None

    def _add(self, box: QDialogButtonBox, name: str, text: str, slot: object) -> QPushButton:
        button = box.addButton(text, QDialogButtonBox.ButtonRole.ActionRole)
        button.setObjectName(name)
        button.clicked.connect(slot)
        return button

    def view(self) -> PdfPreviewDialog:
        """Visualizar: the boleto in the preview (print or save from there too)."""
        self.preview = PdfPreviewDialog.open_for(
            self.parentWidget(), write_temp_copy(self.sent.filename, self.sent.content)
        )
        return self.preview

    def save_copy(self) -> Path | None:
        """Salvar cópia: write the PDF where the clerk chooses."""
        start = str(Path.home() / self.sent.filename)
        name, _filter = QFileDialog.getSaveFileName(self, texts.SAVE_COPY, start, texts.PDF_FILTER)
        if not name:
            return None
        target = Path(name) if name.lower().endswith(".pdf") else Path(f"{name}.pdf")
        write_output(target, self.sent.content)
        self.saved_label.setText(texts.SAVED_TO.format(path=target))
        return target

    @classmethod
    def open_for(cls, parent: QWidget | None, sent: BoletoAttachment) -> SendBoletoDialog:
        """Show the result without blocking the window."""
        dialog = cls(parent, sent)
        dialog.show()
        return dialog
