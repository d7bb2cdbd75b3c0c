"""Concatenate PDFs that reportlab wrote, without a PDF library.

render_boletos_parallel renders chunks in worker processes; joining them must
cost little next to rendering, and only our own reportlab output is ever
joined, so a small object renumberer suffices: read each part's xref table,
drop its catalog, page tree and info, renumber every other object, and write
one page tree whose kids are all pages in order. Stream bytes are copied as they
are; only dictionaries (the bytes before ``stream``) are rewritten.
"""

from __future__ import annotations

import hashlib
import re
from typing import BinaryIO

_STARTXREF = re.compile(rb"startxref\s+(\d+)\s+%%EOF\s*$")
_REF = re.compile(rb"(\d+) 0 R")
_OBJ_HEAD = re.compile(rb"\s*(\d+) 0 obj\s")
_TRAILER_REF = re.compile(rb"/(Root|Info) (\d+) 0 R")
_PAGES_REF = re.compile(rb"/Pages (\d+) 0 R")
_KIDS = re.compile(rb"/Kids \[([^\]]*)\]")


def _objects(data: bytes) -> tuple[dict[int, bytes], dict[bytes, int]]:
    """Object number → its bytes between 'N 0 obj' and 'endobj'; and the trailer refs."""
    match = _STARTXREF.search(data[-64:])
    if match is None:
        raise ValueError("not a reportlab PDF: no startxref")
    xref = int(match.group(1))
    lines = data[xref:].split(b"\n")
    if lines[0].strip() != b"xref":
        raise ValueError("not a reportlab PDF: cross-reference streams are not supported")
    count = int(lines[1].split()[1])
    offsets = {i: int(lines[2 + i][:10]) for i in range(1, count)}
    trailer = data[data.index(b"trailer", xref) :]
    refs = {m.group(1): int(m.group(2)) for m in _TRAILER_REF.finditer(trailer)}
    ordered = sorted(offsets.items(), key=lambda item: item[1])
    bounds = [off for _, off in ordered[1:]] + [xref]
    objects = {}
    for (num, start), end in zip(ordered, bounds, strict=True):
        chunk = data[start:end]
        head = _OBJ_HEAD.match(chunk)
        if head is None or int(head.group(1)) != num:
            raise ValueError(f"object {num} is not where the xref says")
        body = chunk[head.end() :].rstrip()
        if not body.endswith(b"endobj"):
            raise ValueError(f"object {num} has no endobj")
        objects[num] = body[: -len(b"endobj")]
    return objects, refs


def merge_pdfs(parts: list[bytes], out: BinaryIO) -> int:
    """Write the pages of every part, in order, as one PDF to out; return the page count."""
    catalog_id, pages_id, info_id = 1, 2, 3
    next_id = 4
    body: list[tuple[int, bytes]] = []
    kids: list[int] = []
    info = b"<< /Producer (contoffice) >>"
    for index, data in enumerate(parts):
        objects, refs = _objects(data)
        root, old_info = refs[b"Root"], refs.get(b"Info")
        pages_match = _PAGES_REF.search(objects[root])
        if pages_match is None:
            raise ValueError("catalog without /Pages")
        old_pages = int(pages_match.group(1))
        renumber = {root: catalog_id, old_pages: pages_id}
        if old_info is not None:
            renumber[old_info] = info_id
            if index == 0:
                info = objects[old_info].strip()
        for num in sorted(objects):
            if num not in renumber:
                renumber[num] = next_id
                next_id += 1

        def fix(m: re.Match[bytes], renumber: dict[int, int] = renumber) -> bytes:
            return b"%d 0 R" % renumber[int(m.group(1))]

        kids_match = _KIDS.search(objects[old_pages])
        if kids_match is None:
            raise ValueError("page tree without /Kids (nested trees are not supported)")
        kids.extend(renumber[int(m.group(1))] for m in _REF.finditer(kids_match.group(1)))
        for num, obj in objects.items():
            if num in (root, old_pages, old_info):
                continue
            cut = obj.find(b"stream")
            head, tail = (obj, b"") if cut < 0 else (obj[:cut], obj[cut:])
            body.append((renumber[num], _REF.sub(fix, head) + tail))
    kids_refs = b" ".join(b"%d 0 R" % k for k in kids)
    body.append((catalog_id, b"<< /Pages 2 0 R /Type /Catalog >>\n"))
    body.append((pages_id, b"<< /Count %d /Kids [ %s ] /Type /Pages >>\n" % (len(kids), kids_refs)))
    body.append((info_id, info + b"\n"))
    _write(out, body, next_id, info_id)
    return len(kids)


def _write(out: BinaryIO, body: list[tuple[int, bytes]], size: int, info_id: int) -> None:
    """Serialise objects with a classic xref table."""
    pos = 0
    offsets: dict[int, int] = {}

    def put(chunk: bytes) -> None:
        nonlocal pos
        out.write(chunk)
        pos += len(chunk)

    put(b"%PDF-1.4\n%\x93\x8c\x8b\x9e\n")
    digest = hashlib.md5(usedforsecurity=False)
    for num, obj in body:
        offsets[num] = pos
        put(b"%d 0 obj\n" % num)
        put(obj.lstrip(b"\r\n"))
        put(b"endobj\n")
        digest.update(obj[:64])
    xref = pos
    put(b"xref\n0 %d\n0000000000 65535 f \n" % size)
    put(b"".join(b"%010d 00000 n \n" % offsets[n] for n in range(1, size)))
    ident = digest.hexdigest().encode()
    put(
        b"trailer\n<< /ID [<%s><%s>] /Info %d 0 R /Root 1 0 R /Size %d >>\n"
        % (ident, ident, info_id, size)
    )
    put(b"startxref\n%d\n%%%%EOF\n" % xref)
