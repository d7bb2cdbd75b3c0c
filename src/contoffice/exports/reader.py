"""Reading a spreadsheet someone else made (XLSX or CSV): its header and rows, numbered.

Every row keeps its number as the clerk's spreadsheet program shows it (1-based, the
header included), so a refusal can point at it. Cells come back as trimmed text.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from lxml import etree

from contoffice.core.progress import NullProgress, Progress, check_cancelled
from contoffice.core.validation import ValidationError
from contoffice.exports.merged import merged_ranges
from contoffice.exports.xlsx_rows import read_workbook, sheet_rows

FIELD = "Arquivo"
READING = "Lendo a planilha"
READ_STEP = 2_000
EMPTY = "A planilha está vazia: nenhuma linha com cabeçalho foi encontrada."
OLD_XLS = ("O formato .xls (Excel 97-2003) não é lido: abra a planilha e salve-a como "
           ".xlsx ou CSV.")
UNREADABLE = "Não foi possível ler a planilha ({name}): o arquivo está danificado ou não é XLSX."
MERGED = ("A planilha tem células mescladas, que não podem ser importadas: {ranges}. "
          "Desfaça a mesclagem (repetindo o valor em cada linha) e salve de novo.")
BAD_CSV = "Não foi possível ler o arquivo CSV na linha {line}: aspas sem fechamento."
_MERGED_SHOWN = 10
_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0"


class SheetError(ValidationError):
    """The file cannot be read as a table; the message says why in pt-BR."""

    def __init__(self, message: str) -> None:
        super().__init__(message, FIELD)


@dataclass(frozen=True, slots=True)
class SheetRow:
    number: int  # the row's number in the spreadsheet (CSV: the record's first line)
    cells: tuple[str, ...]  # one per header column, trimmed text ("" when empty)


@dataclass(frozen=True, slots=True)
class SheetData:
    name: str
    headers: tuple[str, ...]
    header_row: int
    rows: tuple[SheetRow, ...]


def read_sheet(path: Path, progress: Progress | None = None) -> SheetData:
    """The table of an XLSX or CSV file (chosen by its content, not only its name)."""
    return read_sheet_bytes(path.read_bytes(), path.name, progress)


def read_sheet_bytes(data: bytes, name: str, progress: Progress | None = None) -> SheetData:
    """The table of an XLSX or CSV file's bytes; `name` is shown in messages.

    A large sheet reports the rows read (the total is unknown until the end) and stops
    with `Cancelled` when the progress says so.
    """
    if data.startswith(_OLE_MAGIC):
        raise SheetError(OLD_XLS)
    if data.startswith(_ZIP_MAGIC) or name.lower().endswith((".xlsx", ".xlsm")):
        raw = _xlsx_rows(data, name, progress or NullProgress())
    else:
        raw = _csv_rows(data)
    return _table(name, raw)


def cell_text(value: Any) -> str:
    """A cell's value as the clerk reads it: numbers without ".0", dates dd/mm/aaaa."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Sim" if value else "Não"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, time):
        return value.strftime("%H:%M")
    return " ".join(str(value).split())


def _table(name: str, raw: list[tuple[int, list[str]]]) -> SheetData:
    filled = [(number, cells) for number, cells in raw if any(cells)]
    if not filled:
        raise SheetError(EMPTY)
    header_row, header_cells = filled[0]
    width = max(i + 1 for i, cell in enumerate(header_cells) if cell)
    headers = tuple(header_cells[:width])
    rows = tuple(
        SheetRow(number, tuple((cells + [""] * width)[:width]))
        for number, cells in filled[1:]
        if any(cells[:width])
    )
    return SheetData(name, headers, header_row, rows)


def _counted(rows: Iterator[tuple[int, list[str]]],
             progress: Progress) -> list[tuple[int, list[str]]]:
    found = []
    for row in rows:
        found.append(row)
        if len(found) % READ_STEP == 0:
            check_cancelled(progress)
            progress.step(len(found), 0, READING)
    return found


def _xlsx_rows(data: bytes, name: str, progress: Progress) -> list[tuple[int, list[str]]]:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            book = read_workbook(archive)
            _refuse_merged(archive, book.sheet)
            with archive.open(book.sheet) as source:
                return _counted(sheet_rows(source, book.shared, book.date_styles,
                                           book.epoch, cell_text), progress)
    except SheetError:
        raise
    except (zipfile.BadZipFile, KeyError, ValueError, etree.XMLSyntaxError):
        raise SheetError(UNREADABLE.format(name=name)) from None


def _refuse_merged(archive: zipfile.ZipFile, member: str) -> None:
    found = merged_ranges(archive, member)
    if not found:
        return
    shown = [f"{ref} ({_rows_label(first, last)})" for ref, first, last in found[:_MERGED_SHOWN]]
    if len(found) > _MERGED_SHOWN:
        shown.append(f"e mais {len(found) - _MERGED_SHOWN}")
    raise SheetError(MERGED.format(ranges="; ".join(shown)))


def _rows_label(first: int, last: int) -> str:
    return f"linha {first}" if first == last else f"linhas {first} a {last}"


def decode(data: bytes) -> str:
    """UTF-8 (with or without BOM), else Windows-1252 (what Excel saves as "CSV")."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def delimiter(text: str) -> str:
    """`;`, `,` or tab: the one the header line uses most (`;` on a tie, as Excel pt-BR)."""
    line = next((ln for ln in text.splitlines() if ln.strip()), "")
    unquoted = re.sub(r'"[^"]*"', "", line)
    counts = {d: unquoted.count(d) for d in (";", ",", "\t")}
    best = max(counts.values())
    return ";" if best == 0 or counts[";"] == best else max(counts, key=lambda d: counts[d])


def _csv_rows(data: bytes) -> list[tuple[int, list[str]]]:
    text = decode(data)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter(text))
    rows: list[tuple[int, list[str]]] = []
    line = 0
    try:
        for record in reader:
            rows.append((line + 1, [cell_text(c) for c in record]))
            line = reader.line_num
    except csv.Error:
        raise SheetError(BAD_CSV.format(line=line + 1)) from None
    return rows
