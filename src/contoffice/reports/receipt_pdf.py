"""Recibo de liquidação (INV-E-14, features.md §4.8): two receipts per A4 page."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen.canvas import Canvas

from contoffice.reports._pdfops import BOLD, REGULAR, dashed_line, fit
from contoffice.reports.render import output_target

PAGE_W, PAGE_H = A4
X0 = 15 * mm
WIDTH = PAGE_W - 2 * X0
HEIGHT = 132 * mm
PAD = 5 * mm
# Top edge of each receipt on the page; the cut line runs between them.
TOPS = (PAGE_H - 10 * mm, PAGE_H / 2 - 8 * mm)
BODY_SIZE = 10.5
MAX_PAYMENT_LINES = 6


@dataclass(frozen=True, slots=True)
class ReceiptPayment:
    """One payment line as printed: date, form of payment, amount."""

    date: str
    method: str
    amount: str


@dataclass(frozen=True, slots=True)
class ReceiptData:
    """Every value a receipt prints, already formatted (money, documents, dates)."""

    number: str
    amount: str  # "R$ 1.234,56"
    amount_words: str
    payer_name: str
    payer_document: str  # "CNPJ 12.ABC.345/01DE-35"; empty when the registration has none
    reference: str
    payments: tuple[ReceiptPayment, ...]
    place_date: str  # "São Paulo, 24 de novembro de 2026."
    issuer_name: str
    issuer_document: str  # "CNPJ 02.558.157/0001-62"
    issuer_address: str = ""
    note: str = ""  # the open balance of a partial payment
    copy_label: str = ""  # "2ª via" on a reprint


def body_text(r: ReceiptData) -> str:
    """The declaration sentence: "Recebemos de … a importância de … referente a …"."""
    payer = f"{r.payer_name} ({r.payer_document})" if r.payer_document else r.payer_name
    return (
        f"Recebemos de {payer} a importância de {r.amount} ({r.amount_words}), "
        f"referente a {r.reference}."
    )


def _header(c: Canvas, r: ReceiptData, top: float) -> float:
    left, right = X0 + PAD, X0 + WIDTH - PAD
    y = top - PAD - 5 * mm
    c.setFont(BOLD, 18)
    c.drawString(left, y, "RECIBO")
    c.setFont(BOLD, 11)
    c.drawRightString(right, y, f"Nº {r.number}")
    if r.copy_label:
        c.setFont(BOLD, 12)
        c.drawCentredString(X0 + WIDTH / 2, y, r.copy_label)
    y -= 9 * mm
    c.setFont(BOLD, 10)
    c.drawString(left, y, fit(r.issuer_name, BOLD, 10, WIDTH * 0.6))
    c.setFont(BOLD, 13)
    c.drawRightString(right, y, f"Valor: {r.amount}")
    y -= 4.5 * mm
    c.setFont(REGULAR, 8)
    issuer = " — ".join(part for part in (r.issuer_document, r.issuer_address) if part)
    c.drawString(left, y, fit(issuer, REGULAR, 8, WIDTH - 2 * PAD))
    y -= 3 * mm
    c.setLineWidth(0.5)
    c.line(left, y, right, y)
    return y - 7 * mm


def _paragraph(
    c: Canvas,
    text: str,
    y: float,
    font: str = REGULAR,
    size: float = BODY_SIZE,
    leading: float = 5.2 * mm,
) -> float:
    c.setFont(font, size)
    for line in simpleSplit(text, font, size, WIDTH - 2 * PAD):
        c.drawString(X0 + PAD, y, line)
        y -= leading
    return y


def _payments(c: Canvas, payments: Sequence[ReceiptPayment], y: float) -> float:
    left = X0 + PAD
    columns = (left, left + 32 * mm, X0 + WIDTH - PAD)
    c.setFont(BOLD, 9)
    c.drawString(columns[0], y, "Data do pagamento")
    c.drawString(columns[1] + 4 * mm, y, "Forma de pagamento")
    c.drawRightString(columns[2], y, "Valor")
    c.setLineWidth(0.3)
    c.line(left, y - 1.5 * mm, columns[2], y - 1.5 * mm)
    y -= 5 * mm
    shown = list(payments)
    if len(shown) > MAX_PAYMENT_LINES:  # the total above still counts every payment
        shown = shown[-(MAX_PAYMENT_LINES - 1) :]
    c.setFont(REGULAR, 9)
    hidden = len(payments) - len(shown)
    if hidden:  # the oldest ones give way; their sum is still in the amount above
        c.drawString(columns[0], y, f"… e {hidden} pagamento(s) anterior(es), incluídos no total.")
        y -= 4.5 * mm
    for payment in shown:
        c.drawString(columns[0], y, payment.date)
        c.drawString(columns[1] + 4 * mm, y, fit(payment.method, REGULAR, 9, 90 * mm))
        c.drawRightString(columns[2], y, payment.amount)
        y -= 4.5 * mm
    return y


def _footer(c: Canvas, r: ReceiptData, top: float) -> None:
    bottom = top - HEIGHT
    right = X0 + WIDTH - PAD
    c.setFont(REGULAR, BODY_SIZE)
    c.drawRightString(right, bottom + 30 * mm, r.place_date)
    centre = X0 + WIDTH / 2
    line_y = bottom + 15 * mm
    c.setLineWidth(0.5)
    c.line(centre - 45 * mm, line_y, centre + 45 * mm, line_y)
    c.setFont(BOLD, 9)
    c.drawCentredString(centre, line_y - 4 * mm, fit(r.issuer_name, BOLD, 9, 100 * mm))
    c.setFont(REGULAR, 8)
    c.drawCentredString(centre, line_y - 8 * mm, r.issuer_document)


def draw_receipt(c: Canvas, r: ReceiptData, top: float) -> None:
    """One receipt in a frame whose top edge is at `top` points."""
    c.setLineWidth(0.8)
    c.rect(X0, top - HEIGHT, WIDTH, HEIGHT)
    y = _header(c, r, top)
    y = _paragraph(c, body_text(r), y)
    if r.note:
        y = _paragraph(c, r.note, y - 1 * mm, size=9, leading=4.5 * mm)
    _payments(c, r.payments, y - 3 * mm)
    _footer(c, r, top)


def _render_into(receipts: Sequence[ReceiptData], fh: BinaryIO) -> int:
    c = Canvas(fh, pagesize=A4, pageCompression=1)
    c.setTitle("Recibos de liquidação")
    c.setCreator("contoffice")
    c.setAuthor("contoffice")
    pages = 0
    per_page = len(TOPS)
    for start in range(0, len(receipts), per_page):
        chunk = receipts[start : start + per_page]
        for receipt, top in zip(chunk, TOPS, strict=False):
            draw_receipt(c, receipt, top)
        if len(chunk) == per_page:
            dashed_line(c, 5 * mm, PAGE_H / 2 - 1 * mm, PAGE_W - 5 * mm, PAGE_H / 2 - 1 * mm)
        c.showPage()
        pages += 1
    c.save()
    return pages


def render_receipts(receipts: Sequence[ReceiptData], out: str | Path | BinaryIO) -> int:
    """Render receipts, two per A4 page, into one PDF; return the page count."""
    if not receipts:
        raise ValueError("nenhum recibo para imprimir")
    with output_target(out) as fh:
        return _render_into(receipts, fh)
