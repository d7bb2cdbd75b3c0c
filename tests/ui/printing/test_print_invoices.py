"""Imprimir Fatura through the real widgets: runner, preview, Salvar, Imprimir, refusals."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QDialog, QWidget
from sqlalchemy import select

from contoffice.core.progress import Cancelled
from contoffice.db.models import Invoice
from contoffice.db.uow import Database
from contoffice.services.boletos import printing as boletos
from contoffice.services.kernel import messages
from contoffice.services.kernel.permissions import Actor
from contoffice.ui import operations
from contoffice.ui.context import WindowContext
from contoffice.ui.operations import Operation
from contoffice.ui.printing import jobs, preview, print_invoices
from contoffice.ui.printing.preview import PdfPreviewDialog
from contoffice.ui.settings import DeskSettings
from tests.support.pdftools import PdfTools, require_pdf_tools


@pytest.fixture
def window(
    qtbot: Any, demo_db: Database, demo_actor: Actor, desk_settings: DeskSettings
) -> tuple[QWidget, WindowContext]:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget, WindowContext(demo_db, demo_actor, desk_settings)


@pytest.fixture(autouse=True)
def private_temp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "previews"
    folder.mkdir()
    monkeypatch.setattr(jobs, "TEMP_ROOT", folder)
    return folder


def _open_ids(db: Database, person_id: int) -> list[int]:
    with db.uow() as uow:
        return list(
            uow.session.scalars(
                select(Invoice.id)
                .where(
                    Invoice.person_id == person_id,
                    Invoice.status == "open",
                    Invoice.direction == "R",
                )
                .order_by(Invoice.due_date)
            )
        )


def _preview(qtbot: Any, parent: QWidget) -> PdfPreviewDialog:
    qtbot.waitUntil(lambda: bool(parent.findChildren(PdfPreviewDialog)), timeout=10_000)
    dialog = parent.findChildren(PdfPreviewDialog)[-1]
    assert dialog.isVisible()
    return dialog


def _printable_ids(db: Database) -> list[int]:
    with db.uow() as uow:
        return list(
            uow.session.scalars(
                select(Invoice.id)
                .where(
                    Invoice.status == "open",
                    Invoice.direction == "R",
                    Invoice.payment_profile_id.is_not(None),
                )
                .order_by(Invoice.id)
            )
        )


def _barcodes(db: Database, ids: list[int]) -> list[str]:
    with db.uow() as uow:
        return sorted(s.barcode for s in boletos.slips_for_invoices(uow, ids))


def test_one_invoice_opens_a_boleto_preview_that_scans(
    qtbot: Any,
    window: tuple[QWidget, WindowContext],
    featured_id: int,
    tmp_path: Path,
    private_temp: Path,
) -> None:
    parent, ctx = window
    ids = _open_ids(ctx.db, featured_id)[:1]
    started = time.monotonic()
    print_invoices(parent, ctx, ids)
    dialog = _preview(qtbot, parent)
    elapsed = time.monotonic() - started
    assert elapsed < 2.0, elapsed  # SCENARIOS 3 asks < 1 s; slack for a busy CI machine
    assert dialog.pdf.path.exists() and dialog.pdf.path.is_relative_to(private_temp)
    assert dialog.page_count == 1 and dialog.pdf.pages == 1
    require_pdf_tools()
    tools = PdfTools(tmp_path)
    assert tools.decode(tools.pages(dialog.pdf.path)[0], "i25") == _barcodes(ctx.db, ids)
    dialog.close()
    assert not dialog.pdf.folder.exists()  # the preview cleans its temporary file up


def test_three_invoices_make_a_carne(
    qtbot: Any, window: tuple[QWidget, WindowContext], featured_id: int, tmp_path: Path
) -> None:
    parent, ctx = window
    ids = _open_ids(ctx.db, featured_id)[:3]
    assert len(ids) == 3
    print_invoices(parent, ctx, ids)
    dialog = _preview(qtbot, parent)
    assert dialog.page_count == 1  # three slips a page
    assert dialog.pdf.path.name == "carne-3-faturas.pdf"
    require_pdf_tools()
    tools = PdfTools(tmp_path)
    decoded = [code for page in tools.pages(dialog.pdf.path) for code in tools.decode(page, "i25")]
    assert sorted(decoded) == _barcodes(ctx.db, ids)


def test_cancel_leaves_no_file(
    qtbot: Any, window: tuple[QWidget, WindowContext], private_temp: Path
) -> None:
    parent, ctx = window
    print_invoices(parent, ctx, _printable_ids(ctx.db) * 4)  # a long carnê
    operation = parent.findChildren(Operation)[-1]
    operation.cancel()
    qtbot.waitUntil(
        lambda: operation.error is not None and operation not in Operation._running, timeout=20_000
    )
    assert isinstance(operation.error, Cancelled)
    assert list(private_temp.iterdir()) == []
    assert not parent.findChildren(PdfPreviewDialog)


def test_settled_invoice_shows_the_seed_refusal(
    qtbot: Any,
    window: tuple[QWidget, WindowContext],
    monkeypatch: pytest.MonkeyPatch,
    private_temp: Path,
) -> None:
    parent, ctx = window
    shown: list[str] = []
    monkeypatch.setattr(operations.QMessageBox, "warning", lambda _p, _t, text: shown.append(text))
    with ctx.db.uow() as uow:
        settled = uow.session.scalar(select(Invoice.id).where(Invoice.status == "settled"))
    print_invoices(parent, ctx, [settled])
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    assert shown == [messages.INVOICE_ALREADY_SETTLED.format(code=settled)]
    assert not parent.findChildren(PdfPreviewDialog)
    assert list(private_temp.iterdir()) == []


def test_salvar_writes_the_file(
    qtbot: Any,
    window: tuple[QWidget, WindowContext],
    featured_id: int,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    parent, ctx = window
    print_invoices(parent, ctx, _open_ids(ctx.db, featured_id)[:1])
    dialog = _preview(qtbot, parent)
    monkeypatch.setattr(
        preview.QFileDialog, "getSaveFileName", lambda *_a: (str(tmp_path / "copia"), "PDF")
    )
    qtbot.mouseClick(dialog.save_button, preview.Qt.MouseButton.LeftButton)
    saved = tmp_path / "copia.pdf"
    assert saved.read_bytes() == dialog.pdf.path.read_bytes()
    assert str(saved) in dialog.status.text()


def test_imprimir_to_a_pdf_printer(
    qtbot: Any,
    window: tuple[QWidget, WindowContext],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    parent, ctx = window
    ids = _printable_ids(ctx.db)[:4]  # a carnê of two pages
    print_invoices(parent, ctx, ids)
    dialog = _preview(qtbot, parent)
    assert dialog.page_count == 2
    out = tmp_path / "impresso.pdf"

    class FakePrintDialog:
        """The clerk picks "print to file" and OK."""

        def __init__(self, printer: QPrinter, _parent: QWidget) -> None:
            printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            printer.setOutputFileName(str(out))

        def setMinMax(self, *_a: int) -> None:
            pass

        def exec(self) -> QDialog.DialogCode:
            return QDialog.DialogCode.Accepted

    monkeypatch.setattr(preview, "QPrintDialog", FakePrintDialog)
    qtbot.mouseClick(dialog.print_button, preview.Qt.MouseButton.LeftButton)
    assert out.exists() and out.stat().st_size > 0
    assert "2 página(s)" in dialog.status.text()
    require_pdf_tools()
    tools = PdfTools(tmp_path)
    pages = tools.pages(out)
    assert len(pages) == 2
    # The printed pages are QtPdf renderings: the barcodes must still scan.
    decoded = [code for page in pages for code in tools.decode(page, "i25")]
    assert sorted(decoded) == _barcodes(ctx.db, ids)


def test_print_to_honours_the_page_range(
    qtbot: Any, window: tuple[QWidget, WindowContext], tmp_path: Path
) -> None:
    parent, ctx = window
    print_invoices(parent, ctx, _printable_ids(ctx.db)[:4])
    dialog = _preview(qtbot, parent)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "segunda.pdf"))
    printer.setFromTo(2, 2)
    assert dialog.print_to(printer) == 1
    assert (tmp_path / "segunda.pdf").exists()
