"""The PDF preview: the pages as they will print, with Salvar and Imprimir."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from contoffice.core.files import output_file
from contoffice.ui import texts
from contoffice.ui.printing.jobs import RenderedPdf
from contoffice.ui.printing.printer import PrintFailed, print_document


class PdfPreviewDialog(QDialog):
    """A non-modal viewer of one temporary PDF; closing it removes the temporary folder.

    `mail` (given for one client's invoices, to an operator who may send) shows E-mail,
    which opens the send dialog over the preview.
    """

    def __init__(self, parent: QWidget | None, pdf: RenderedPdf, *,
                 mail: Callable[[QWidget], None] | None = None) -> None:
        super().__init__(parent)
        self.pdf = pdf
        self.mail = mail
        self.setObjectName("pdf_preview")
        self.setWindowTitle(texts.PREVIEW_TITLE.format(name=pdf.path.name))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.document = QPdfDocument(self)
        self.document.load(str(pdf.path))
        self.view = QPdfView(self)
        self.view.setObjectName("pdf_view")
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.status = QLabel(texts.PREVIEW_PAGES.format(n=self.document.pageCount()), self)
        self.status.setObjectName("status_label")
        self.save_button = self._button("save_button", texts.SAVE, self.save)
        self.print_button = self._button("print_button", texts.PRINT, self.print_)
        self.email_button = self._button("email_button", texts.EMAIL, self.email)
        self.email_button.setVisible(mail is not None)
        close = self._button("close_button", texts.CLOSE, self.close)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        for button in (self.email_button, self.save_button, self.print_button, close):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self.resize(820, 940)
        self.print_button.setDefault(True)

    def _button(self, name: str, text: str, slot: object) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setAutoDefault(False)
        if slot is not None:
            button.clicked.connect(slot)
        return button

    @property
    def page_count(self) -> int:
        """Pages of the document shown."""
        return self.document.pageCount()

    def save(self) -> Path | None:
        """Salvar: copy the PDF where the clerk chooses."""
        start = str(Path.home() / self.pdf.path.name)
        name, _filter = QFileDialog.getSaveFileName(self, texts.SAVE, start, texts.PDF_FILTER)
        if not name:
            return None
        target = Path(name) if name.lower().endswith(".pdf") else Path(f"{name}.pdf")
        with self.pdf.path.open("rb") as source, output_file(target) as fh:
            shutil.copyfileobj(source, fh)  # atomic for a file; /dev/null or a FIFO in place
        self.status.setText(texts.SAVED_TO.format(path=target))
        return target

    def email(self) -> None:
        """E-mail: the send dialog for these invoices, their boletos ticked."""
        if self.mail is not None:
            self.mail(self)

    def print_(self) -> int:
        """Imprimir: choose the printer and pages, then send them."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.pdf.path.stem)
        dialog = QPrintDialog(printer, self)
        dialog.setMinMax(1, max(1, self.page_count))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return 0
        return self.print_to(printer)

    def print_to(self, printer: QPrinter) -> int:
        """Send the pages to a configured printer with a cancellable progress; pages sent."""
        progress = QProgressDialog(texts.WORKING, "Cancelar", 0, self.page_count, self)
        progress.setWindowTitle(texts.PRINT_TITLE)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(500)

        def report(done: int, total: int) -> bool:
            progress.setMaximum(total)
            progress.setValue(done)
            progress.setLabelText(texts.PRINTING.format(page=done + 1, total=total))
            QApplication.processEvents()  # the GUI paints the progress between pages
            return not progress.wasCanceled()

        try:
            sent = print_document(self.document, printer, report)
        except PrintFailed as error:
            self.status.setText(texts.PRINT_FAILED.format(name=error))
            return 0
        finally:
            progress.close()
        self.status.setText(texts.PRINTED.format(n=sent))
        return sent

    def closeEvent(self, event: QCloseEvent) -> None:
        self.document.close()
        shutil.rmtree(self.pdf.folder, ignore_errors=True)
        super().closeEvent(event)

    @classmethod
    def open_for(cls, parent: QWidget | None, pdf: RenderedPdf, *,
                 mail: Callable[[QWidget], None] | None = None) -> PdfPreviewDialog:
        """Show the preview without blocking the window."""
        dialog = cls(parent, pdf, mail=mail)
        dialog.show()
        dialog.raise_()
        return dialog
