"""Background work of printing: module-level functions the operation runner calls.

They take plain values, open their own units of work (through the services)
and return plain values; they never touch widgets.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from contoffice.core.progress import Progress, check_cancelled
from contoffice.services.admin.setup import Database
from contoffice.services.boletos import printing as boletos
from contoffice.services.boletos.attachments import boleto_filename
from contoffice.services.kernel.permissions import Actor
from contoffice.services.settlements import receipts

# Where previews are written; None is the system temporary folder (tests point it elsewhere).
TEMP_ROOT: Path | None = None


@dataclass(frozen=True, slots=True)
class RenderedPdf:
    """A PDF written to a private temporary folder, which its viewer removes when done."""

    path: Path
    pages: int
    folder: Path


def pdf_name(invoice_ids: Sequence[int]) -> str:
    """boleto-fatura-N.pdf for one invoice, carne-N-faturas.pdf for several."""
    if len(invoice_ids) == 1:
        return boleto_filename(invoice_ids[0])
    return f"carne-{len(invoice_ids)}-faturas.pdf"


def new_folder() -> Path:
    """A private temporary folder for one preview."""
    return Path(tempfile.mkdtemp(prefix="contoffice-print-", dir=TEMP_ROOT))


def render_invoices(
    progress: Progress, *, db: Database, actor: Actor, invoice_ids: Sequence[int]
) -> RenderedPdf:
    """Imprimir Fatura into a temporary PDF: one invoice → boleto, several → carnê."""
    folder = new_folder()
    path = folder / pdf_name(invoice_ids)
    try:
        check_cancelled(progress)  # a clerk who cancels at once gets nothing written
        pages = boletos.print_invoices(db, actor, list(invoice_ids), path, progress=progress)
    except BaseException:
        # Refused or cancelled: the renderer already dropped its partial file.
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return RenderedPdf(path, pages, folder)


def receipt_name(invoice_ids: Sequence[int]) -> str:
    """recibo-fatura-N.pdf for one invoice, recibos-N-faturas.pdf for several."""
    if len(invoice_ids) == 1:
        return f"recibo-fatura-{invoice_ids[0]}.pdf"
    return f"recibos-{len(invoice_ids)}-faturas.pdf"


def render_receipts(
    progress: Progress, *, db: Database, actor: Actor, invoice_ids: Sequence[int]
) -> RenderedPdf:
    """Imprimir recibo de liquidação into a temporary PDF (one receipt per invoice)."""
    folder = new_folder()
    path = folder / receipt_name(invoice_ids)
    try:
        check_cancelled(progress)
        pages = receipts.print_receipts(db, actor, list(invoice_ids), path)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return RenderedPdf(path, pages, folder)
