"""Raw PDF content-stream building: the fast path for the per-slip values.

reportlab's drawString costs tens of microseconds per call; a boleto has about
sixty strings and a carnê of 12,000 slips would spend seconds just in method
dispatch. The variable part of each slip is therefore written as one string of
PDF operators and handed to ``Canvas.addLiteral``; the static frame still uses
the ordinary canvas API inside a form XObject.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from functools import lru_cache

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import getFont
from reportlab.pdfgen.canvas import Canvas

REGULAR = "Helvetica"
BOLD = "Helvetica-Bold"
MONO = "Courier"

_FONT_OP = re.compile(r"(/\S+)\s+[\d.]+\s+Tf")


class _EscapeTable(dict[int, str]):
    """str.translate table: WinAnsi (cp1252) bytes as PDF escapes, filled on first use."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        if ch in "()\\":
            value = "\\" + ch
        elif code < 128:
            value = ch
        else:
            # Octal escapes keep the content stream pure ASCII whatever cp1252 gives.
            value = "".join(f"\\{b:03o}" for b in ch.encode("cp1252", errors="replace"))
        self[code] = value
        return value


_ESCAPE = _EscapeTable()


def pdf_string(text: str) -> str:
    """Escape text as the body of a PDF literal string in WinAnsi encoding."""
    return text.translate(_ESCAPE)


def font_names(canvas: Canvas) -> dict[str, str]:
    """Map our three font names to this document's internal PDF names (/F1 ...)."""
    names = {}
    for font in (REGULAR, BOLD, MONO):
        text = canvas.beginText()
        text.setFont(font, 8)
        match = _FONT_OP.search(text.getCode())
        if match is None:  # pragma: no cover - reportlab always emits Tf here
            raise RuntimeError(f"reportlab gave no font operator for {font}")
        names[font] = match.group(1)
    return names


class _Widths(dict[str, float]):
    """Glyph advance (1/1000 em) per character of one standard font, filled on first use."""

    def __init__(self, font: str) -> None:
        super().__init__()
        self.table = getFont(font).widths  # indexed by the WinAnsi byte

    def __missing__(self, ch: str) -> float:
        value = float(sum(self.table[b] for b in ch.encode("cp1252", errors="replace")))
        self[ch] = value
        return value


_WIDTHS = {name: _Widths(name) for name in (REGULAR, BOLD, MONO)}


@lru_cache(maxsize=8192)
def _em_width(text: str, font: str) -> float:
    return sum(map(_WIDTHS[font].__getitem__, text)) / 1000


def stringWidth(text: str, font: str, size: float) -> float:
    """Width of text in points; a cached stand-in for reportlab's (pure Python here)."""
    return _em_width(text, font) * size


def fit(text: str, font: str, size: float, width: float) -> str:
    """Cut text with an ellipsis so it fits width points (boxes never overflow)."""
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text + "…"


def shrink(text: str, font: str, size: float, width: float,
           smallest: float = 5.5) -> tuple[str, float]:
    """The text and the largest size (down to `smallest`) at which it fits; cut only below."""
    needed = stringWidth(text, font, size)
    if needed > width:  # rounded down to what is printed, so the width check below agrees
        size = max(smallest, math.floor(size * width / needed * 100) / 100)
    return fit(text, font, size, width), size


def wrap(text: str, font: str, size: float, width: float) -> list[str]:
    """Split text into lines of at most width points, breaking anywhere if it must."""
    lines: list[str] = []
    line = ""
    for ch in text:
        if line and stringWidth(line + ch, font, size) > width:
            lines.append(line)
            line = ""
        line += ch
    if line:
        lines.append(line)
    return lines


@dataclass
class Ops:
    """Collects text and filled rectangles of one slip as PDF operators."""

    fonts: dict[str, str]
    texts: list[str] = field(default_factory=list)
    shapes: list[str] = field(default_factory=list)
    _font: tuple[str, float] | None = None

    def text(self, x: float, y: float, s: str, font: str = REGULAR, size: float = 8) -> None:
        """Left-aligned text with its baseline at (x, y) points."""
        if not s:
            return
        if self._font != (font, size):
            self.texts.append(f"{self.fonts[font]} {size:g} Tf")
            self._font = (font, size)
        self.texts.append(f"1 0 0 1 {x:.2f} {y:.2f} Tm ({pdf_string(s)}) Tj")

    def right(self, x: float, y: float, s: str, font: str = REGULAR, size: float = 8) -> None:
        """Right-aligned text ending at x."""
        self.text(x - stringWidth(s, font, size), y, s, font, size)

    def literal(self, ops: str) -> None:
        """Raw operators for shapes (barcode bars, QR modules)."""
        self.shapes.append(ops)

    def code(self) -> str:
        """The content stream: shapes first, then one BT/ET text block."""
        parts = list(self.shapes)
        if self.texts:
            parts.append("BT")
            parts.extend(self.texts)
            parts.append("ET")
        return "\n".join(parts)


def dashed_line(canvas: Canvas, x1: float, y1: float, x2: float, y2: float) -> None:
    """A cut line (linha de corte) drawn dashed and thin."""
    canvas.saveState()
    canvas.setDash(2 * mm, 1 * mm)
    canvas.setLineWidth(0.4)
    canvas.line(x1, y1, x2, y2)
    canvas.restoreState()
