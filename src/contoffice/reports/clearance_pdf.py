"""Declaração anual de quitação de débitos (Lei 12.007/2009; features.md INV-N-5): one A4."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen.canvas import Canvas

from contoffice.reports._pdfops import BOLD, REGULAR, fit
from contoffice.reports.render import output_target

PAGE_W, PAGE_H = A4
X0 = 20 * mm
WIDTH = PAGE_W - 2 * X0
BOTTOM = 25 * mm
TITLE = "DECLARAÇÃO ANUAL DE QUITAÇÃO DE DÉBITOS"
# Columns of the invoice table: heading and right edge (mm from the left margin).
COLUMNS = (("Fatura", 18), ("Competência", 48), ("Vencimento", 80), ("Valor", 115),
           ("Pago em", 145))


@dataclass(frozen=True, slots=True)
class ClearanceLine:
    """One invoice of the year as printed."""

    invoice: str
    competence: str
    due_date: str
    amount: str
    paid_on: str


@dataclass(frozen=True, slots=True)
class ClearanceData:
    """Every value the declaration prints, already formatted."""

    number: str
    year: int
    client_name: str
    client_document: str  # "CNPJ 12.ABC.345/01DE-35"; empty when the registration has none
    lines: tuple[ClearanceLine, ...]
    total: str  # "R$ 1.234,56"
    total_words: str
    place_date: str  # "São Paulo, 1 de dezembro de 2026."
    issuer_name: str
    issuer_document: str
    issuer_address: str = ""


def statement(d: ClearanceData) -> list[str]:
    """The declaration's paragraphs: who, which year, what it replaces (arts. 2 to 4)."""
    client = f"{d.client_name} ({d.client_document})" if d.client_document else d.client_name
    issuer = f"{d.issuer_name} ({d.issuer_document})" if d.issuer_document else d.issuer_name
    return [
        f"{issuer} declara, nos termos da Lei nº 12.007, de 29 de julho de 2009, que "
        f"{client} quitou todos os débitos com vencimento entre 1º de janeiro e 31 de "
        f"dezembro de {d.year}, relacionados abaixo, no valor total de {d.total} "
        f"({d.total_words}).",
        f"Esta declaração substitui, para a comprovação do cumprimento das obrigações do "
        f"cliente, os recibos de quitação mensais das faturas de {d.year} e dos anos "
        f"anteriores.",
    ]


class _Writer:
    """The canvas and the current line; a table too long goes on to the next page."""

    def __init__(self, c: Canvas, d: ClearanceData) -> None:
        self.c, self.d, self.y = c, d, PAGE_H - 20 * mm

    def header(self) -> None:
        c, d = self.c, self.d
        c.setFont(BOLD, 11)
        c.drawString(X0, self.y, fit(d.issuer_name, BOLD, 11, WIDTH * 0.7))
        c.setFont(REGULAR, 9)
        c.drawRightString(X0 + WIDTH, self.y, f"Nº {d.number}")
        self.y -= 4.5 * mm
        issuer = " — ".join(p for p in (d.issuer_document, d.issuer_address) if p)
        c.drawString(X0, self.y, fit(issuer, REGULAR, 9, WIDTH))
        self.y -= 3 * mm
        c.setLineWidth(0.5)
        c.line(X0, self.y, X0 + WIDTH, self.y)
        self.y -= 12 * mm
        c.setFont(BOLD, 14)
        c.drawCentredString(X0 + WIDTH / 2, self.y, TITLE)
        self.y -= 6 * mm
        c.setFont(BOLD, 11)
        c.drawCentredString(X0 + WIDTH / 2, self.y, f"Ano de referência: {d.year}")
        self.y -= 12 * mm

    def paragraph(self, text: str, size: float = 11) -> None:
        self.c.setFont(REGULAR, size)
        for line in simpleSplit(text, REGULAR, size, WIDTH):
            self.c.drawString(X0, self.y, line)
            self.y -= 5.5 * mm
        self.y -= 3 * mm

    def table_head(self) -> None:
        self.c.setFont(BOLD, 9.5)
        for title, right in COLUMNS:
            self.c.drawRightString(X0 + right * mm, self.y, title)
        self.c.setLineWidth(0.3)
        self.c.line(X0, self.y - 1.5 * mm, X0 + WIDTH, self.y - 1.5 * mm)
        self.y -= 5.5 * mm

    def table(self) -> None:
        self.table_head()
        for line in self.d.lines:
            if self.y < BOTTOM + 10 * mm:
                self.c.showPage()
                self.y = PAGE_H - 20 * mm
                self.table_head()
            self.c.setFont(REGULAR, 9.5)
            values = (line.invoice, line.competence, line.due_date, line.amount, line.paid_on)
            for value, (_title, right) in zip(values, COLUMNS, strict=True):
                self.c.drawRightString(X0 + right * mm, self.y, value)
            self.y -= 4.8 * mm
        self.c.setFont(BOLD, 10)
        self.c.drawRightString(X0 + COLUMNS[3][1] * mm, self.y - 1 * mm, f"Total: {self.d.total}")
        self.y -= 10 * mm

    def footer(self) -> None:
        if self.y < BOTTOM + 45 * mm:
            self.c.showPage()
            self.y = PAGE_H - 40 * mm
        c, d = self.c, self.d
        c.setFont(REGULAR, 11)
        c.drawRightString(X0 + WIDTH, self.y, d.place_date)
        line_y = self.y - 25 * mm
        centre = X0 + WIDTH / 2
        c.setLineWidth(0.5)
        c.line(centre - 50 * mm, line_y, centre + 50 * mm, line_y)
        c.setFont(BOLD, 10)
        c.drawCentredString(centre, line_y - 4.5 * mm, fit(d.issuer_name, BOLD, 10, 110 * mm))
        c.setFont(REGULAR, 9)
        c.drawCentredString(centre, line_y - 9 * mm, d.issuer_document)


def render_clearance(d: ClearanceData, out: str | Path | BinaryIO) -> int:
    """Render one declaration into a PDF; return the page count."""
    with output_target(out) as fh:
        c = Canvas(fh, pagesize=A4, pageCompression=1)
        c.setTitle(f"Declaração anual de quitação de débitos {d.year}")
        c.setCreator("contoffice")
        c.setAuthor("contoffice")
        writer = _Writer(c, d)
        writer.header()
        for text in statement(d):
            writer.paragraph(text)
        writer.table()
        writer.footer()
        pages = c.getPageNumber()
        c.showPage()
        c.save()
    return pages
