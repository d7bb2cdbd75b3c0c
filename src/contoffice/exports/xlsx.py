"""A grid to an XLSX sheet: typed cells, money as numbers, frozen header, auto-filter."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ERROR_CODES, ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from contoffice.core.files import output_file
from contoffice.core.grids import ColumnKind, ColumnSpec

MONEY_FORMAT = '"R$" #,##0.00'
DATE_FORMAT = "dd/mm/yyyy"
DATETIME_FORMAT = "dd/mm/yyyy hh:mm"
COMPETENCE_FORMAT = "mm/yyyy"
_HEADER_FONT = Font(bold=True)
_SHEET_TITLE_LIMIT = 31  # Excel refuses longer sheet names
# What a spreadsheet program may read as the start of a formula (or a DDE command).
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _format(column: ColumnSpec) -> str | None:
    return {
        ColumnKind.MONEY: MONEY_FORMAT,
        ColumnKind.DATE: DATE_FORMAT,
        ColumnKind.DATETIME: DATETIME_FORMAT,
        ColumnKind.COMPETENCE: COMPETENCE_FORMAT,
        # Digits that must stay text (zeros, letters) even when someone retypes the cell.
        ColumnKind.DOCUMENT: "@",
        ColumnKind.POSTAL: "@",
        ColumnKind.PHONE: "@",
    }.get(column.kind)


def _cell(sheet: Worksheet, value: Any, number_format: str | None) -> Any:
    if isinstance(value, str):
        value = _clean_text(value)
        if value.startswith(_FORMULA_STARTS) or value in ERROR_CODES:
            return _text_cell(sheet, value, number_format)
    # A styled cell costs ten times a plain value: only dates, money and digit-texts get one.
    if number_format is None or value is None:
        return value
    cell = WriteOnlyCell(sheet, value=value)
    cell.number_format = number_format
    return cell


def _clean_text(value: str) -> str:
    """Text without the control characters the XLSX format cannot hold (a pasted \x01)."""
    return ILLEGAL_CHARACTERS_RE.sub("", value) if ILLEGAL_CHARACTERS_RE.search(value) else value


def _text_cell(sheet: Worksheet, value: str, number_format: str | None) -> WriteOnlyCell:
    """A cell that shows exactly `value`, never evaluated: `=HYPERLINK(…)` stays text.

    openpyxl writes any string starting with "=" as a formula (and "#N/A" as an
    error); forcing the string type keeps it an inline string, and quotePrefix
    (Excel's leading apostrophe) keeps it text when a reader edits the cell.
    """
    cell = WriteOnlyCell(sheet, value=value)
    cell.data_type = "s"
    cell.quotePrefix = True
    if number_format is not None:
        cell.number_format = number_format
    return cell


def sheet_title(title: str) -> str:
    """A sheet name Excel accepts (no []:*?/\\, at most 31 characters)."""
    cleaned = "".join(" " if c in "[]:*?/\\" else c for c in title).strip()
    return cleaned[:_SHEET_TITLE_LIMIT] or "Planilha"


def write_grid(path: Path, title: str, columns: Sequence[ColumnSpec],
               rows: Iterable[Sequence[Any]]) -> int:
    """Write the header and the rows (raw values, one per column); returns rows written.

    Write-only mode streams rows to disk, so a 200,000-row grid never sits in memory.
    """
    book = Workbook(write_only=True)
    sheet = book.create_sheet(sheet_title(title))
    sheet.freeze_panes = "A2"
    for index, column in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = max(10, column.width // 7)
    header = []
    for column in columns:
        cell = WriteOnlyCell(sheet, value=column.header)
        cell.font = _HEADER_FONT
        cell.alignment = Alignment(vertical="center")
        header.append(cell)
    sheet.append(header)
    formats = [_format(c) for c in columns]
    count = 0
    for raw in rows:
        sheet.append([_cell(sheet, column.cell(value), fmt)
                      for column, value, fmt in zip(columns, raw, formats, strict=True)])
        count += 1
    last = get_column_letter(max(1, len(columns)))
    sheet.auto_filter.ref = f"A1:{last}{count + 1}"
    with output_file(path) as fh:  # atomic for a file; a device or FIFO written in place
        book.save(fh)
    return count
