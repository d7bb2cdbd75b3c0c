"""Merged cells of an XLSX sheet, found in its XML without loading the whole sheet.

openpyxl's read-only mode (the one fast enough for 50,000 rows) does not report them;
they sit in `<mergeCells>` after the rows, so the sheet's XML is streamed and searched.
"""

from __future__ import annotations

import re
import zipfile

from openpyxl.utils.cell import range_boundaries

_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\s+ref="([A-Za-z]+[0-9]+(?::[A-Za-z]+[0-9]+)?)"')
_CHUNK = 1 << 20
_OVERLAP = 200  # longer than one <mergeCell …/> element, so none is split unseen


def merged_ranges(archive: zipfile.ZipFile, member: str) -> list[tuple[str, int, int]]:
    """Each merged range of the sheet `member` as (ref, first row, last row)."""
    found: dict[str, tuple[int, int]] = {}
    with archive.open(member) as stream:
        tail = b""
        while True:
            chunk = stream.read(_CHUNK)
            if not chunk:
                break
            window = tail + chunk
            for match in _MERGE.finditer(window):
                ref = match.group(1).decode("ascii").upper()
                _col1, first, _col2, last = range_boundaries(ref)
                found.setdefault(ref, (int(first or 0), int(last or first or 0)))
            tail = window[-_OVERLAP:]
    return [(ref, first, last) for ref, (first, last) in found.items()]
