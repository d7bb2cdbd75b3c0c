"""Interleaved 2 of 5 for the 44-digit boleto barcode, drawn as filled rectangles.

Size from the FEBRABAN/BB spec (research/boleto.md §1.5): 103 mm × 13 mm with a
quiet zone of at least 5 mm on each side. At wide:narrow = 3 the 44 digits,
start and stop take 405 modules, so the narrow bar is 103/405 ≈ 0.2543 mm
(3 device pixels at 300 dpi, which keeps office laser printers readable).
"""

from __future__ import annotations

from functools import cache
from itertools import groupby

from barcode.itf import ITF
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from contoffice.core.text import is_ascii_digits

BARCODE_WIDTH = 103 * mm
BARCODE_HEIGHT = 13 * mm
QUIET_ZONE = 5 * mm
RATIO = 3  # FEBRABAN allows 1:2.5 to 1:3; 3 gives the widest narrow bar in 103 mm
MODULES = 405  # 22 pairs × 18 modules + start (4) + stop (5)
NARROW = BARCODE_WIDTH / MODULES


@cache
def _pair_runs(pair: str) -> tuple[int, ...]:
    """Module widths (bar, space, bar, ...) of one interleaved digit pair."""
    raw = ITF(pair, narrow=1, wide=RATIO).build()[0]
    runs = [(k, len(list(g))) for k, g in groupby(raw)]
    # python-barcode frames every symbol with start (1010) and stop (11101):
    # strip them so a pair's ten elements can be reused for any code.
    return tuple(n for _, n in runs[4:-3])


def itf_runs(code: str) -> list[int]:
    """Element widths in modules, starting with a bar and alternating bar/space."""
    if len(code) % 2 or not is_ascii_digits(code):
        raise ValueError("ITF needs an even number of digits")
    runs = [1, 1, 1, 1]  # start: narrow bar, narrow space, narrow bar, narrow space
    for i in range(0, len(code), 2):
        runs.extend(_pair_runs(code[i : i + 2]))
    runs.extend((RATIO, 1, 1))  # stop: wide bar, narrow space, narrow bar
    return runs


@cache
def _checked_start_stop() -> bool:
    """Confirm once that our start/stop framing equals python-barcode's whole symbol."""
    sample = "0123456789"
    whole = [len(list(g)) for _, g in groupby(ITF(sample, narrow=1, wide=RATIO).build()[0])]
    return whole == itf_runs(sample)


@cache
def _pair_ops(position: int, pair: str) -> str:
    """Bars of the pair at position (0..21), relative to the symbol's origin."""
    pos = (4 + 18 * position) * NARROW
    parts = []
    for i, n in enumerate(_pair_runs(pair)):
        if i % 2 == 0:
            parts.append(f"{pos:.3f} 0 {n * NARROW:.3f} {BARCODE_HEIGHT:.3f} re\n")
        pos += n * NARROW
    return "".join(parts)


_H = f"{BARCODE_HEIGHT:.3f}"
_START = f"0 0 {NARROW:.3f} {_H} re\n{2 * NARROW:.3f} 0 {NARROW:.3f} {_H} re\n"
_STOP_X = (MODULES - RATIO - 2) * NARROW
_STOP = (
    f"{_STOP_X:.3f} 0 {RATIO * NARROW:.3f} {_H} re\n"
    f"{_STOP_X + (RATIO + 1) * NARROW:.3f} 0 {NARROW:.3f} {_H} re\n"
)


def itf_ops(code: str, x: float, y: float) -> str:
    """PDF operators filling the bars of code, lower-left corner at (x, y), 103 × 13 mm."""
    if len(code) != 44 or not is_ascii_digits(code):
        raise ValueError(f"boleto barcode must have 44 digits, got {code!r}")
    if not _checked_start_stop():  # pragma: no cover - guards a python-barcode change
        raise RuntimeError("python-barcode ITF framing changed; itf.py needs review")
    # Each (position, pair) is formatted once per process: 22 lookups per barcode.
    pairs = "".join(_pair_ops(i, code[2 * i : 2 * i + 2]) for i in range(22))
    return f"q 1 0 0 1 {x:.3f} {y:.3f} cm 0 g\n{_START}{pairs}{_STOP}f Q"


def draw_itf(canvas: Canvas, code: str, x: float, y: float) -> None:
    """Draw the barcode on a reportlab canvas (bars start at x; keep QUIET_ZONE free)."""
    canvas.addLiteral(itf_ops(code, x, y))
