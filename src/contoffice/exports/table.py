"""A table to XLSX (rustpy-xlsxwriter, constant memory) or CSV, streamed row by row.

Both take raw grid values (one per column) and write through `core.files.output_file`:
a regular file appears only once complete, a failure or a cancel leaves nothing.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rustpy_xlsxwriter import FastExcel, Format

from contoffice.core.files import output_file
from contoffice.core.grids import ColumnKind, ColumnSpec
from contoffice.exports.cells import clean_text, csv_converter, xlsx_converter

MONEY_FORMAT = '"R$" #,##0.00'
_NUMBER_FORMATS = {
    ColumnKind.MONEY: MONEY_FORMAT,
    ColumnKind.DATE: "dd/mm/yyyy",
    ColumnKind.DATETIME: "dd/mm/yyyy hh:mm",
    ColumnKind.COMPETENCE: "mm/yyyy",
    # Digits that must stay text (zeros, letters) even when someone retypes the cell.
    ColumnKind.DOCUMENT: "@",
    ColumnKind.POSTAL: "@",
    ColumnKind.PHONE: "@",
}
_SHEET_TITLE_LIMIT = 31  # Excel refuses longer sheet names
TITLE_ROWS = 1  # the row above the header: office, table, filter, date


@dataclass(frozen=True, slots=True)
class Table:
    """What goes above the rows: the sheet's name, its title line and its columns."""

    name: str
    title_line: str
    columns: Sequence[ColumnSpec]


def sheet_title(title: str) -> str:
    """A sheet name Excel accepts (no []:*?/\\, at most 31 characters)."""
    cleaned = "".join(" " if c in "[]:*?/\\" else c for c in title).strip()
    return cleaned[:_SHEET_TITLE_LIMIT] or "Planilha"


def _headers(columns: Sequence[ColumnSpec]) -> list[str]:
    # The writer takes rows as dicts keyed by header: two equal headers must not collide.
    seen: dict[str, int] = {}
    headers = []
    for column in columns:
        text = clean_text(column.header) or column.key
        seen[text] = seen.get(text, 0) + 1
        headers.append(text if seen[text] == 1 else f"{text} ({seen[text]})")
    return headers


def _format(**settings: Any) -> Format:
    fmt = Format()
    if settings.get("bold"):
        fmt.set_bold()
    if "size" in settings:
        fmt.set_font_size(settings["size"])
    if "number" in settings:
        fmt.set_num_format(settings["number"])
    return fmt


def write_xlsx(path: Path, table: Table, rows: Iterable[Sequence[Any]]) -> int:
    """Title row, bold frozen header with auto-filter, typed cells; returns rows written."""
    columns = table.columns
    headers = _headers(columns)
    converters = [xlsx_converter(c) for c in columns]
    written = 0

    def records() -> Iterator[dict[str, Any]]:
        nonlocal written
        for raw in rows:
            yield dict(zip(headers, [f(v) for f, v in zip(converters, raw, strict=True)],
                           strict=True))
            written += 1
        if not written:  # the writer takes the header from the first record
            yield dict.fromkeys(headers)

    formats = [_format(number=_NUMBER_FORMATS[c.kind]) if c.kind in _NUMBER_FORMATS else None
               for c in columns]
    last = max(len(columns) - 1, 1)  # a merge needs two cells even for a one-column grid
    with output_file(path) as fh:  # atomic for a file; a device or FIFO written in place
        book = FastExcel(fh, output_format="xlsx").freeze(row=TITLE_ROWS + 1)
        book.sheet(
            sheet_title(table.name), records(), header_row=TITLE_ROWS, autofilter=True,
            column_formats=formats, header_format=_format(bold=True),
            column_widths=[max(10, c.width // 7) for c in columns],
            merge_ranges=[(0, 0, 0, last, clean_text(table.title_line),
                           _format(bold=True, size=12))])
        book.save()
    return written


def write_csv(path: Path, table: Table, rows: Iterable[Sequence[Any]]) -> int:
    """`;`-separated, UTF-8 with BOM, decimal comma, dd/mm/aaaa; header then the rows."""
    converters = [csv_converter(c) for c in table.columns]
    written = 0
    with output_file(path) as fh:
        # The BOM is what makes Excel on Windows read the accents as UTF-8.
        text = io.TextIOWrapper(fh, encoding="utf-8-sig", newline="")
        writer = csv.writer(text, delimiter=";", lineterminator="\r\n")
        writer.writerow([c.header for c in table.columns])
        for raw in rows:
            writer.writerow([f(v) for f, v in zip(converters, raw, strict=True)])
            written += 1
        text.flush()
        text.detach()  # output_file closes the file itself, after its fsync
    return written


def write_table(path: Path, table: Table, rows: Iterable[Sequence[Any]]) -> int:
    """CSV when `path` ends in .csv, XLSX otherwise; returns rows written."""
    if path.suffix.lower() == ".csv":
        return write_csv(path, table, rows)
    return write_xlsx(path, table, rows)
