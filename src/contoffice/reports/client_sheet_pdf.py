"""Ficha cadastral (seed 001 "imprimir ficha"): one person's registration on one A4 page."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from contoffice.reports._pdfops import BOLD, REGULAR, fit
from contoffice.reports.render import output_target
from contoffice.reports.statement_pdf import RIGHT, X0, Letterhead, draw_letterhead

ROW = 5.2 * mm
LABEL_W = 38 * mm
HALF = (RIGHT - X0) / 2
MAX_CONTRACTS = 14  # what one page holds below the registration
# Contracts table: caption, left edge, right edge, right-aligned.
CONTRACT_COLUMNS = (
    ("Código", X0, X0 + 14 * mm, True),
    ("Plano", X0 + 17 * mm, X0 + 82 * mm, False),
    ("Valor", X0 + 82 * mm, X0 + 104 * mm, True),
    ("Vencimento", X0 + 107 * mm, X0 + 125 * mm, False),
    ("Início", X0 + 125 * mm, X0 + 143 * mm, False),
    ("Fim", X0 + 143 * mm, X0 + 161 * mm, False),
    ("Situação", X0 + 161 * mm, RIGHT, False),
)


@dataclass(frozen=True, slots=True)
class SheetSection:
    """A titled block of (label, value) pairs, printed two to a line when short."""

    title: str
    fields: tuple[tuple[str, str], ...]


@dataclass(frozen=True, slots=True)
class SheetDoc:
    """Every value the ficha prints, already formatted in pt-BR."""

    letterhead: Letterhead
    sections: tuple[SheetSection, ...]
    contracts: tuple[tuple[str, ...], ...]  # one row per contract, CONTRACT_COLUMNS order
    closing: tuple[SheetSection, ...]  # after the contracts (access login)
    issued: str


def _title(c: Canvas, y: float, text: str) -> float:
    c.setFont(BOLD, 10)
    c.drawString(X0, y, text)
    c.setLineWidth(0.3)
    c.line(X0, y - 1.5 * mm, RIGHT, y - 1.5 * mm)
    return y - ROW - 0.5 * mm


def _field(c: Canvas, x: float, y: float, width: float, label: str, value: str) -> None:
    c.setFont(BOLD, 8.5)
    c.drawString(x, y, f"{label}:")
    c.setFont(REGULAR, 9)
    c.drawString(x + LABEL_W, y, fit(value or "—", REGULAR, 9, width - LABEL_W - 2 * mm))


def _section(c: Canvas, y: float, section: SheetSection) -> float:
    y = _title(c, y, section.title)
    fields = list(section.fields)
    while fields:
        label, value = fields.pop(0)
        # A short pair shares its line with the next short one; a long value has the line.
        if len(value) <= 34 and fields and len(fields[0][1]) <= 34:
            _field(c, X0, y, HALF, label, value)
            _field(c, X0 + HALF, y, HALF, *fields.pop(0))
        else:
            _field(c, X0, y, RIGHT - X0, label, value)
        y -= ROW
    return y - 3 * mm


def _contracts(c: Canvas, y: float, rows: tuple[tuple[str, ...], ...]) -> float:
    y = _title(c, y, "Contratos")
    if not rows:
        c.setFont(REGULAR, 9)
        c.drawString(X0, y, "Nenhum contrato.")
        return y - ROW - 3 * mm
    c.setFont(BOLD, 8)
    for caption, left, right, numeric in CONTRACT_COLUMNS:
        (c.drawRightString(right, y, caption) if numeric else c.drawString(left, y, caption))
    shown = rows[:MAX_CONTRACTS]
    for row in shown:
        y -= ROW * 0.85
        c.setFont(REGULAR, 8)
        for value, (_caption, left, right, numeric) in zip(row, CONTRACT_COLUMNS, strict=True):
            if numeric:
                c.drawRightString(right, y, value)
            else:
                c.drawString(left, y, fit(value, REGULAR, 8, right - left - 1.5 * mm))
    if len(rows) > len(shown):
        y -= ROW * 0.85
        c.drawString(X0, y, f"… e mais {len(rows) - len(shown)} contrato(s).")
    return y - ROW - 3 * mm


def render_sheet(doc: SheetDoc, out: str | Path | BinaryIO) -> int:
    """Render the ficha cadastral into a one-page PDF; return the page count."""
    with output_target(out) as fh:
        c = Canvas(fh, pagesize=A4, pageCompression=1)
        c.setTitle("Ficha cadastral")
        c.setCreator("contoffice")
        c.setAuthor("contoffice")
        y = draw_letterhead(c, doc.letterhead, "FICHA CADASTRAL", 1)
        for section in doc.sections:
            y = _section(c, y, section)
        y = _contracts(c, y, doc.contracts)
        for section in doc.closing:
            y = _section(c, y, section)
        c.setFont(REGULAR, 8)
        c.drawRightString(RIGHT, 12 * mm, doc.issued)
        c.showPage()
        c.save()
    return 1
