"""The XLSX writer: typed cells, formats, frozen header, auto-filter, text documents."""

from __future__ import annotations

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
