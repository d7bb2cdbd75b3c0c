"""Extrato / estado de conta (INV-T-2): opening balance, entries, closing balance, aging."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from contoffice.reports._pdfops import BOLD, REGULAR, fit
from contoffice.reports.render import output_target

PAGE_W, PAGE_H = A4
X0 = 15 * mm
RIGHT = PAGE_W - X0
BOTTOM = 18 * mm
ROW = 4.6 * mm
SIZE = 8
# Column (left edge, right edge, right-aligned) of the entries table.
COLUMNS = (
    ("Data", X0, X0 + 19 * mm, False),
    ("Histórico", X0 + 19 * mm, X0 + 82 * mm, False),
    ("Fatura", X0 + 82 * mm, X0 + 97 * mm, True),
    ("Vencimento", X0 + 99 * mm, X0 + 118 * mm, False),
    ("Débito", X0 + 118 * mm, X0 + 138 * mm, True),
    ("Crédito", X0 + 138 * mm, X0 + 158 * mm, True),
    ("Saldo", X0 + 158 * mm, RIGHT, True),
)


@dataclass(frozen=True, slots=True)
class Letterhead:
    """The office identity as printed atop every page (already formatted)."""

    name: str
    lines: tuple[str, ...]  # document, address, city/UF, phone, site — the ones known


@dataclass(frozen=True, slots=True)
class StatementRow:
    date: str
    description: str
    invoice: str
    due: str
    debit: str
    credit: str
    balance: str


@dataclass(frozen=True, slots=True)
class StatementDoc:
    """Every value one client's statement prints, already formatted in pt-BR."""

    letterhead: Letterhead
    client: str  # "Padaria Pão Quente Ltda — código 12"
    client_lines: tuple[str, ...]  # CNPJ, nome fantasia
    period: str  # "01/01/2026 a 29/11/2026"
    opening: str
    rows: tuple[StatementRow, ...]
    closing: str
    totals: tuple[tuple[str, str], ...]  # (caption, amount)
    aging: tuple[tuple[str, str, str], ...]  # (bucket, invoices, amount)
    issued: str  # "Emitido em 29/11/2026"


def draw_letterhead(c: Canvas, head: Letterhead, title: str, page: int) -> float:
    """The office block and the document title; returns the y below them."""
    y = PAGE_H - 15 * mm
    c.setFont(BOLD, 12)
    c.drawString(X0, y, fit(head.name, BOLD, 12, 120 * mm))
    c.setFont(BOLD, 13)
    c.drawRightString(RIGHT, y, title)
    c.setFont(REGULAR, 8)
    for line in head.lines:
        y -= 3.8 * mm
        c.drawString(X0, y, fit(line, REGULAR, 8, 130 * mm))
    c.drawRightString(RIGHT, PAGE_H - 20 * mm, f"Página {page}")
    y -= 2.5 * mm
    c.setLineWidth(0.6)
    c.line(X0, y, RIGHT, y)
    return y - 6 * mm


def _table_header(c: Canvas, y: float) -> float:
    c.setFont(BOLD, SIZE)
    for caption, left, right, numeric in COLUMNS:
        if numeric:
            c.drawRightString(right, y, caption)
        else:
            c.drawString(left, y, caption)
    c.setLineWidth(0.3)
    c.line(X0, y - 1.5 * mm, RIGHT, y - 1.5 * mm)
    return y - ROW - 0.5 * mm


def _row(c: Canvas, r: StatementRow, y: float) -> None:
    c.setFont(REGULAR, SIZE)
    values = (r.date, r.description, r.invoice, r.due, r.debit, r.credit, r.balance)
    for value, (_caption, left, right, numeric) in zip(values, COLUMNS, strict=True):
        if numeric:
            c.drawRightString(right, y, value)
        else:
            c.drawString(left, y, fit(value, REGULAR, SIZE, right - left - 1.5 * mm))


def _label_amount(c: Canvas, y: float, caption: str, amount: str, bold: bool = False) -> float:
    font = BOLD if bold else REGULAR
    c.setFont(font, 9)
    c.drawString(X0, y, caption)
    c.drawRightString(RIGHT, y, amount)
    return y - 5 * mm


class _Pages:
    """Page breaks of one statement: the letterhead again and the table header."""

    def __init__(self, c: Canvas, doc: StatementDoc) -> None:
        self.c, self.doc, self.page = c, doc, 1

    def room(self, y: float, needed: float, table: bool) -> float:
        if y - needed >= BOTTOM:
            return y
        self.c.showPage()
        self.page += 1
        y = draw_letterhead(self.c, self.doc.letterhead, "EXTRATO DE CONTA", self.page)
        self.c.setFont(REGULAR, 8)
        self.c.drawString(X0, y, f"{self.doc.client} — período {self.doc.period} (continuação)")
        y -= 6 * mm
        return _table_header(self.c, y) if table else y


def draw_statement(c: Canvas, doc: StatementDoc) -> int:
    """One client's statement from a fresh page; returns the pages it took."""
    pages = _Pages(c, doc)
    y = draw_letterhead(c, doc.letterhead, "EXTRATO DE CONTA", 1)
    c.setFont(BOLD, 10)
    c.drawString(X0, y, fit(doc.client, BOLD, 10, RIGHT - X0))
    c.setFont(REGULAR, 8.5)
    for line in doc.client_lines:
        y -= 4.2 * mm
        c.drawString(X0, y, fit(line, REGULAR, 8.5, RIGHT - X0))
    y -= 5.5 * mm
    c.setFont(BOLD, 9)
    c.drawString(X0, y, f"Período: {doc.period}")
    c.setFont(REGULAR, 8)
    c.drawRightString(RIGHT, y, doc.issued)
    y = _label_amount(c, y - 7 * mm, "Saldo anterior", doc.opening, bold=True)
    y = _table_header(c, y - 1 * mm)
    if not doc.rows:
        c.setFont(REGULAR, SIZE)
        c.drawString(X0, y, "Nenhum lançamento no período.")
        y -= ROW
    for row in doc.rows:
        y = pages.room(y, ROW, table=True)
        _row(c, row, y)
        y -= ROW
    c.setLineWidth(0.3)
    c.line(X0, y + ROW - 1.5 * mm, RIGHT, y + ROW - 1.5 * mm)
    y = pages.room(y, 5 * mm * (len(doc.totals) + 1) + 2 * mm, table=False)
    y = _label_amount(c, y - 2 * mm, "Saldo final", doc.closing, bold=True)
    for caption, amount in doc.totals:
        y = _label_amount(c, y, caption, amount)
    y = pages.room(y, ROW * (len(doc.aging) + 3), table=False)
    _aging(c, doc.aging, y - 3 * mm)
    c.showPage()
    return pages.page


def _aging(c: Canvas, aging: Sequence[tuple[str, str, str]], y: float) -> None:
    c.setFont(BOLD, 9)
    c.drawString(X0, y, "Em aberto no fim do período, por dias de atraso")
    y -= ROW + 1 * mm
    c.setFont(BOLD, SIZE)
    c.drawString(X0, y, "Faixa")
    c.drawRightString(X0 + 70 * mm, y, "Faturas")
    c.drawRightString(X0 + 110 * mm, y, "Valor")
    for label, count, amount in aging:
        y -= ROW
        c.setFont(REGULAR, SIZE)
        c.drawString(X0, y, label)
        c.drawRightString(X0 + 70 * mm, y, count)
        c.drawRightString(X0 + 110 * mm, y, amount)


def render_statements(docs: Sequence[StatementDoc], out: str | Path | BinaryIO) -> int:
    """Render statements, each from a new page, into one PDF; return the page count."""
    if not docs:
        raise ValueError("nenhum extrato para imprimir")
    with output_target(out) as fh:
        c = Canvas(fh, pagesize=A4, pageCompression=1)
        c.setTitle("Extrato de conta")
        c.setCreator("contoffice")
        c.setAuthor("contoffice")
        pages = sum(draw_statement(c, doc) for doc in docs)
        c.save()
    return pages
