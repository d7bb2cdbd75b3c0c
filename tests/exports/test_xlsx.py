"""The XLSX writer: typed cells, formats, frozen header, auto-filter, text documents."""

from __future__ import annotations

import zipfile
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

from openpyxl import load_workbook

from contoffice.core.grids import ColumnKind as K
from contoffice.core.grids import ColumnSpec as C
from contoffice.exports.xlsx import MONEY_FORMAT, sheet_title, write_grid

COLUMNS = (C("id", "Código", K.INT), C("doc", "Documento", K.DOCUMENT),
           C("due", "Vencimento", K.DATE), C("amount", "Valor", K.MONEY),
           C("at", "Em", K.DATETIME), C("ok", "Ativo", K.BOOL))


def test_cells_are_typed(tmp_path: Path) -> None:
    path = tmp_path / "out.xlsx"
    rows = [(7, "01234567000195", date(2026, 12, 10), 187_000,
             datetime(2026, 12, 1, 13, 30, tzinfo=UTC), True)]
    assert write_grid(path, "Faturas a Receber", COLUMNS, rows) == 1
    sheet = load_workbook(path).active
    assert sheet.title == "Faturas a Receber"
    assert [c.value for c in sheet[1]] == [c.header for c in COLUMNS]
    code, doc, due, amount, at, ok = sheet[2]
    assert code.value == 7
    assert doc.value == "01.234.567/0001-95" and doc.data_type == "s"
    assert due.value == datetime(2026, 12, 10) and due.number_format == "dd/mm/yyyy"
    assert Decimal(str(amount.value)) == Decimal("1870.00")
    assert amount.number_format == MONEY_FORMAT
    assert at.value == datetime(2026, 12, 1, 10, 30)  # São Paulo wall-clock time
    assert ok.value == "Sim"
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref == "A1:F2"


def test_sheet_titles_excel_accepts() -> None:
    assert sheet_title("Faturas programadas para recorrência automática") == \
        "Faturas programadas para recorr"
    assert sheet_title("a/b") == "a b"


HOSTILE = [
    '=HYPERLINK("http://example.com/x","Clique")',
    "=1+1",
    "+55 11 91234-5678",
    "-2+3",
    "@SUM(A1)",
    "\t=1",
    "\r=1",
    "#N/A",
    "=",
]


def test_text_that_looks_like_a_formula_stays_text(tmp_path: Path) -> None:
    path = tmp_path / "atividade.xlsx"
    columns = (C("text", "Comentário", K.TEXT), C("detail", "Detalhe", K.TEXT))
    rows = [(text, text) for text in HOSTILE] + [("bell\x07 inside", "ok")]
    write_grid(path, "Atividade", columns, rows)
    sheet = load_workbook(path).active
    for row, text in zip(sheet.iter_rows(min_row=2), HOSTILE, strict=False):
        for cell in row:
            assert cell.value == text and cell.data_type == "s", (text, cell.data_type)
    assert sheet.cell(row=len(HOSTILE) + 2, column=1).value == "bell inside"
    with zipfile.ZipFile(path) as archive:
        xml = archive.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in xml and "<f " not in xml and 't="e"' not in xml
    assert "HYPERLINK" in xml  # written, as an inline string
