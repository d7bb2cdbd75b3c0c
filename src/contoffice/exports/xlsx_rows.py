"""The rows of an XLSX sheet, streamed with lxml: several times faster than openpyxl's reader.

The workbook's parts are read here too (first sheet, shared strings, which styles are
dates): openpyxl's loader builds an object per shared string, seconds for a large sheet.
Each `<row>` is dropped once read, so 50,000 rows take little memory. Values come back
as the clerk's text (`reader.cell_text`).
"""

from __future__ import annotations

import posixpath
import zipfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from lxml import etree
from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format
from openpyxl.utils.cell import column_index_from_string
from openpyxl.utils.datetime import CALENDAR_MAC_1904, CALENDAR_WINDOWS_1900, from_excel

_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_ROW, _CELL, _VALUE, _INLINE, _TEXT = (f"{_NS}row", f"{_NS}c", f"{_NS}v", f"{_NS}is",
                                       f"{_NS}t")


_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_PACKAGE_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"


@dataclass(frozen=True, slots=True)
class Workbook:
    sheet: str  # the first sheet's member of the archive
    shared: list[str]
    date_styles: frozenset[int]  # cell style indexes whose number format is a date
    epoch: datetime


def _xml(archive: zipfile.ZipFile, member: str) -> Any:
    with archive.open(member) as stream:
        return etree.parse(stream, etree.XMLParser(huge_tree=True, resolve_entities=False))


def read_workbook(archive: zipfile.ZipFile) -> Workbook:
    """The first sheet, the shared strings and the date styles of an XLSX archive."""
    book = _xml(archive, "xl/workbook.xml").getroot()
    targets = {rel.get("Id"): rel for rel in _xml(archive, "xl/_rels/workbook.xml.rels")
               .getroot().iter(_PACKAGE_RELS)}
    first = book.find(f"{_NS}sheets/{_NS}sheet")
    if first is None:
        raise KeyError("sheet")

    def member(target: str) -> str:
        return target.lstrip("/") if target.startswith("/") else posixpath.normpath(
            posixpath.join("xl", target))

    sheet = member(targets[first.get(_REL)].get("Target"))
    shared: list[str] = []
    for rel in targets.values():
        if str(rel.get("Type", "")).endswith("/sharedStrings"):
            shared = _shared_strings(archive, member(rel.get("Target")))
    properties = book.find(f"{_NS}workbookPr")
    date1904 = properties is not None and properties.get("date1904") in ("1", "true")
    return Workbook(sheet, shared, _date_styles(archive),
                    CALENDAR_MAC_1904 if date1904 else CALENDAR_WINDOWS_1900)


def _shared_strings(archive: zipfile.ZipFile, member: str) -> list[str]:
    found: list[str] = []
    with archive.open(member) as stream:
        for _event, item in etree.iterparse(stream, events=("end",), tag=f"{_NS}si",
                                            huge_tree=True):
            plain = item.find(_TEXT)  # a plain string; else rich text runs (not phonetics)
            found.append(plain.text or "" if plain is not None else
                         "".join(t.text or "" for t in item.iterfind(f"{_NS}r/{_TEXT}")))
            item.clear()
    return found


def _date_styles(archive: zipfile.ZipFile) -> frozenset[int]:
    if "xl/styles.xml" not in archive.namelist():
        return frozenset()
    styles = _xml(archive, "xl/styles.xml").getroot()
    formats = dict(BUILTIN_FORMATS)
    for custom in styles.iterfind(f"{_NS}numFmts/{_NS}numFmt"):
        formats[int(custom.get("numFmtId", "0"))] = custom.get("formatCode", "")
    return frozenset(
        index for index, xf in enumerate(styles.iterfind(f"{_NS}cellXfs/{_NS}xf"))
        if is_date_format(formats.get(int(xf.get("numFmtId", "0")), "")))


class Source(Protocol):
    """A readable binary stream (the sheet's member of the archive)."""

    def read(self, size: int = -1) -> bytes: ...


def _column(ref: str | None, previous: int) -> int:
    if not ref:
        return previous + 1
    letters = ref.rstrip("0123456789")
    return column_index_from_string(letters) if letters else previous + 1


def _value(cell: Any, shared: Sequence[str], date_styles: frozenset[int], epoch: datetime
           ) -> object:
    kind = cell.get("t")
    if kind == "inlineStr":
        inline = cell.find(_INLINE)
        return "".join(inline.itertext(_TEXT)) if inline is not None else ""
    value = cell.findtext(_VALUE)
    if value is None:
        return None
    if kind == "s":
        return shared[int(value)]
    if kind == "b":
        return value == "1"
    if kind in ("str", "e", "d"):
        return value
    number = float(value)
    style = cell.get("s")
    if style is not None and int(style) in date_styles:
        try:
            return from_excel(number, epoch)
        except (ValueError, OverflowError):
            return number
    return number


def sheet_rows(source: Source, shared: Sequence[str], date_styles: frozenset[int],
               epoch: datetime, text: Callable[[object], str]) -> Iterator[tuple[int, list[str]]]:
    """(row number, cells as text) for every row present in the sheet's XML, in order."""
    number = 0
    for _event, row in etree.iterparse(source, events=("end",), tag=_ROW, huge_tree=True):
        given = row.get("r")
        number = int(given) if given else number + 1
        cells: list[str] = []
        column = 0
        for cell in row.iterchildren(_CELL):
            column = _column(cell.get("r"), column)
            if column > len(cells) + 1:
                cells.extend([""] * (column - 1 - len(cells)))
            cells.append(text(_value(cell, shared, date_styles, epoch)))
        yield number, cells
        row.clear()
        parent = row.getparent()
        while row.getprevious() is not None and parent is not None:
            del parent[0]
