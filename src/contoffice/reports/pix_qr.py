"""PIX QR code (BR Code) drawn as vector rectangles, plus its "copia e cola" text."""

from __future__ import annotations

from functools import lru_cache

import segno
from reportlab.lib.units import mm

from contoffice.reports._pdfops import MONO, REGULAR, Ops, wrap

QUIET_MODULES = 4  # ISO/IEC 18004 quiet zone; the size given includes it


@lru_cache(maxsize=64)
def _qr_ops(payload: str, size: float) -> str:
    """Operators for the QR at the origin; cached since a carnê repeats static keys."""
    # Level M survives a smudge or a fold yet keeps modules ≥ 0.4 mm at 24 mm.
    qr = segno.make(payload, error="m", micro=False, boost_error=False)
    matrix = qr.matrix
    n = len(matrix)
    unit = size / (n + 2 * QUIET_MODULES)
    parts = ["0 g"]
    for row_index, row in enumerate(matrix):
        y = size - (QUIET_MODULES + row_index + 1) * unit
        start = None
        # One rectangle per horizontal run of dark modules: a third of the operators.
        for col, dark in enumerate((*row, 0)):
            if dark and start is None:
                start = col
            elif not dark and start is not None:
                x = (QUIET_MODULES + start) * unit
                parts.append(f"{x:.3f} {y:.3f} {(col - start) * unit:.3f} {unit:.3f} re")
                start = None
    parts.append("f")
    return "\n".join(parts)


def qr_ops(payload: str, x: float, y: float, size: float) -> str:
    """PDF operators drawing payload as a QR code in a size × size square at (x, y)."""
    return f"q 1 0 0 1 {x:.3f} {y:.3f} cm\n{_qr_ops(payload, size)}\nQ"


def pix_block(
    o: Ops,
    payload: str,
    x: float,
    top: float,
    qr_size: float,
    text_w: float,
    text_size: float,
    beside: bool,
    bottom: float = 0.0,
    with_text: bool = True,
) -> None:
    """QR code with the "Pix copia e cola" caption and payload text (beside or below)."""
    o.literal(qr_ops(payload, x, top - qr_size, qr_size))
    if not with_text:  # the payload is printed elsewhere on the page
        o.text(x, top - qr_size - 3 * mm, "Pix: leia o QR code", REGULAR, 5.5)
        return
    if beside:
        tx, ty = x + qr_size + 2 * mm, top - 4 * mm
    else:
        tx, ty = x, top - qr_size - 1 * mm
    o.text(tx, ty - 0.5 * mm, "Pix copia e cola", REGULAR, max(text_size + 1, 5))
    ty -= (text_size + 1.5) * 1.2
    for line in wrap(payload, MONO, text_size, text_w):
        if ty < bottom:
            break
        o.text(tx, ty, line, MONO, text_size)
        ty -= text_size * 1.15
