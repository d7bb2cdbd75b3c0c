"""Sending a PDF to a QPrinter: each page rendered by QtPdf at the printer's scale."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter

# 300 dpi keeps a 103 mm ITF barcode readable while an A4 page stays ~35 MB in memory.
MAX_DPI = 300
POINTS_PER_INCH = 72.0

PageReport = Callable[[int, int], bool]  # (done, total) → False to stop


class PrintFailed(Exception):
    """The printer could not be opened (no such printer, no permission to write the file)."""


def page_range(document: QPdfDocument, printer: QPrinter) -> list[int]:
    """The 0-based pages to print: the dialog's "from/to", or all of them."""
    count = document.pageCount()
    first, last = printer.fromPage(), printer.toPage()
    if first <= 0 or last <= 0:
        return list(range(count))
    return list(range(max(first, 1) - 1, min(last, count)))


def _render(document: QPdfDocument, index: int, dpi: int) -> QImage:
    size = document.pagePointSize(index)
    pixels = QSize(
        round(size.width() / POINTS_PER_INCH * dpi), round(size.height() / POINTS_PER_INCH * dpi)
    )
    return document.render(index, pixels)


def print_document(
    document: QPdfDocument, printer: QPrinter, report: PageReport | None = None
) -> int:
    """Print the document at real size (barcodes keep their millimetres); return pages sent."""
    pages = page_range(document, printer)
    # Full page: the PDF carries its own margins, and offsets would move the barcode.
    printer.setFullPage(True)
    painter = QPainter()
    if not pages or not painter.begin(printer):
        raise PrintFailed(printer.printerName() or printer.outputFileName())
    device_dpi = printer.resolution()
    dpi = min(device_dpi, MAX_DPI)
    sent = 0
    try:
        for number, index in enumerate(pages):
            if report is not None and not report(number, len(pages)):
                break
            if number:
                printer.newPage()
            size = document.pagePointSize(index)
            target = QRectF(
                0,
                0,
                size.width() / POINTS_PER_INCH * device_dpi,
                size.height() / POINTS_PER_INCH * device_dpi,
            )
            painter.drawImage(target, _render(document, index, dpi))
            sent += 1
    finally:
        painter.end()
    return sent
