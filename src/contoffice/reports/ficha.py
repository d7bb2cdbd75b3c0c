"""The Ficha de Compensação: boxes (static frame) and values, at any position and size.

Used by the A4 boleto (200 × 105 mm at the bottom of the page) and by the carnê
(170 × 95 mm right of the canhoto). Box list from research/features.md §4.5.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from contoffice.reports._pdfops import BOLD, MONO, REGULAR, Ops, fit, shrink, stringWidth, wrap
from contoffice.reports.boleto_slip import BoletoSlip
from contoffice.reports.itf import BARCODE_HEIGHT, QUIET_ZONE, itf_ops

LABEL_SIZE = 5.5
VALUE_SIZE = 7.5
BARCODE_ZONE = 20 * mm  # barcode bottom 5.5 mm up: its centre sits 12 mm above the ficha's foot
# Nominal heights (mm) of the box rows, scaled to the ficha's height minus BARCODE_ZONE.
_ROWS = (
    ("header", 10.0),
    ("local", 6.5),
    ("benef", 9.5),
    ("doc", 6.5),
    ("value", 6.5),
    ("instr", 34.0),
    ("payer", 12.0),
)
_NOMINAL = sum(h for _, h in _ROWS)
_DOC_COLS = (
    ("Data do documento", 0.2),
    ("Nº do documento", 0.24),
    ("Espécie doc.", 0.14),
    ("Aceite", 0.1),
    ("Data do processamento", 0.32),
)
_VALUE_COLS = (
    ("Uso do banco", 0.2),
    ("Carteira", 0.16),
    ("Espécie", 0.12),
    ("Quantidade", 0.22),
    ("Valor", 0.3),
)
_RIGHT_INSTR = (
    "(-) Desconto / Abatimento",
    "(-) Outras deduções",
    "(+) Mora / Multa",
    "(+) Outros acréscimos",
    "(=) Valor cobrado",
)


@dataclass(frozen=True)
class FichaBox:
    """Geometry of one ficha: lower-left corner and size, in points."""

    x: float
    y: float
    w: float
    h: float

    @property
    def right_w(self) -> float:
        """Width of the right column (vencimento, valores)."""
        return self.w * 0.225

    @property
    def left_w(self) -> float:
        """Width of the left part of the boxes."""
        return self.w - self.right_w

    @property
    def scale(self) -> float:
        """Vertical scale of the box rows relative to the 105 mm A4 ficha."""
        return (self.h - BARCODE_ZONE) / (_NOMINAL * mm)

    def rows(self) -> dict[str, tuple[float, float]]:
        """Row name → (top, bottom) y in points."""
        scale = self.scale
        top = self.y + self.h
        out = {}
        for name, height in _ROWS:
            out[name] = (top, top - height * mm * scale)
            top = out[name][1]
        return out

    def cols(self, spec: tuple[tuple[str, float], ...]) -> list[tuple[str, float, float]]:
        """(label, x_left, x_right) of the left-part columns of a row."""
        out, x = [], self.x
        for label, frac in spec:
            out.append((label, x, x + frac * self.left_w))
            x += frac * self.left_w
        return out

    @property
    def logo_w(self) -> float:
        """Width of the logo/bank-name slot in the header."""
        return 0.2 * self.w

    @property
    def code_w(self) -> float:
        """Width of the bank code box in the header."""
        return 20 * mm


def _label(c: Canvas, x: float, top: float, text: str) -> None:
    c.drawString(x + 1 * mm, top - 2.1 * mm, text)


def draw_ficha_frame(c: Canvas, b: FichaBox) -> None:
    """Draw lines and box labels: the part identical on every slip."""
    r = b.rows()
    split = b.x + b.left_w
    right = b.x + b.w
    c.setLineWidth(0.5)
    _, head_bottom = r["header"]
    for x in (b.x + b.logo_w, b.x + b.logo_w + b.code_w):
        c.line(x, head_bottom, x, head_bottom + 6 * mm)
    c.setLineWidth(1.2)  # the header rule is the visual start of the ficha
    c.line(b.x, head_bottom, right, head_bottom)
    c.setLineWidth(0.5)
    for name in ("local", "benef", "doc", "value", "instr", "payer"):
        c.line(b.x, r[name][1], right, r[name][1])
    c.line(split, r["local"][0], split, r["instr"][1])
    c.setFont(REGULAR, LABEL_SIZE)
    _label(c, b.x, r["local"][0], "Local de pagamento")
    _label(c, split, r["local"][0], "Vencimento")
    _label(c, b.x, r["benef"][0], "Beneficiário")
    _label(c, split, r["benef"][0], "Agência / Código do Beneficiário")
    for row, spec in (("doc", _DOC_COLS), ("value", _VALUE_COLS)):
        top, bottom = r[row]
        for i, (label, x1, _) in enumerate(b.cols(spec)):
            if i:
                c.line(x1, top, x1, bottom)
            _label(c, x1, top, label)
    _label(c, split, r["doc"][0], "Nosso número")
    _label(c, split, r["value"][0], "(=) Valor do documento")
    top, bottom = r["instr"]
    _label(c, b.x, top, "Instruções (texto de responsabilidade do beneficiário)")
    step = (top - bottom) / len(_RIGHT_INSTR)
    for i, label in enumerate(_RIGHT_INSTR):
        y = top - i * step
        if i:
            c.line(split, y, right, y)
        _label(c, split, y, label)
    top, bottom = r["payer"]
    _label(c, b.x, top, "Pagador")
    c.drawString(b.x + 1 * mm, bottom + 1 * mm, "Sacador / Avalista:")
    c.drawRightString(right - 1 * mm, bottom + 1 * mm, "Código de baixa")
    c.drawRightString(right - 1 * mm, bottom - 2.5 * mm, "Autenticação mecânica –")
    c.setFont(BOLD, 6.5)
    c.drawRightString(right - 1 * mm, bottom - 5.3 * mm, "FICHA DE COMPENSAÇÃO")


def header_values(o: Ops, slip: BoletoSlip, b: FichaBox, trailer: str | None) -> None:
    """Bank name (when no logo), bank code in bold and the linha (or a title)."""
    _, bottom = b.rows()["header"]
    base = bottom + 1.6 * mm
    if not slip.logo_path:
        name, size = shrink(slip.bank_name, BOLD, 9, b.logo_w - 2 * mm)  # whole, smaller
        o.text(b.x + 1 * mm, base, name, BOLD, size)
    code_x = b.x + b.logo_w
    code = fit(slip.bank_code_with_dv, BOLD, 15, b.code_w - 2 * mm)
    o.text(code_x + 1.5 * mm, base, code, BOLD, 15)
    room = b.w - b.logo_w - b.code_w - 3 * mm
    text = trailer if trailer is not None else slip.digitable_line_formatted
    size = min(13.0 if trailer is None else 10.0, room / max(1.0, stringWidth(text, BOLD, 1)))
    o.right(b.x + b.w - 1 * mm, base, text, BOLD, round(size, 2))


def ficha_values(o: Ops, slip: BoletoSlip, b: FichaBox, *, pix_text: bool = False) -> None:
    """Write every value of one slip into its ficha, barcode included.

    `pix_text`: the "Pix copia e cola" goes in the instructions, in a readable size
    (the carnê's stub has room for the QR code only).
    """
    r = b.rows()
    rx = b.x + b.w - 1.5 * mm  # right column values are right-aligned
    lw = b.left_w - 2 * mm
    vs = round(VALUE_SIZE * min(1.0, b.scale), 2)  # smaller in the carnê's shorter rows
    header_values(o, slip, b, None)

    def value(x: float, bottom: float, text: str, width: float, font: str = REGULAR) -> None:
        o.text(x + 1 * mm, bottom + 1.0 * mm, fit(text, font, vs, width), font, vs)

    value(b.x, r["local"][1], slip.payment_place, lw)
    o.right(rx, r["local"][1] + 1.0 * mm, slip.due_text, BOLD, 8)
    top, bottom = r["benef"]
    value(b.x, bottom + vs * 1.1, slip.beneficiary_line, lw)
    value(b.x, bottom, slip.beneficiary_address, lw)
    o.right(rx, bottom + 1.0 * mm, slip.agency_account, REGULAR, vs)
    doc = (
        slip.document_date_text,
        slip.document_number,
        slip.document_kind,
        slip.acceptance,
        slip.processing_date_text,
    )
    for (_, x1, x2), text in zip(b.cols(_DOC_COLS), doc, strict=True):
        value(x1, r["doc"][1], text, x2 - x1 - 2 * mm)
    o.right(rx, r["doc"][1] + 1.0 * mm, slip.our_number, REGULAR, vs)
    vals = ("", slip.wallet, "R$", "", "")
    for (_, x1, x2), text in zip(b.cols(_VALUE_COLS), vals, strict=True):
        value(x1, r["value"][1], text, x2 - x1 - 2 * mm)
    o.right(rx, r["value"][1] + 1.0 * mm, slip.amount_text, BOLD, 8)
    top, bottom = r["instr"]
    lines = ((slip.heading,) if slip.heading else ()) + slip.instruction_lines()
    lead = 3.1 * mm
    y = top - 2.3 * mm - lead
    if pix_text and slip.pix_payload:
        # Whole or not at all: a copia e cola cut short cannot be paid.
        size = 6.0
        payload = wrap(slip.pix_payload, MONO, size, lw)
        room = int((y - bottom - 0.8 * mm - lead) // (size * 1.15)) + 1
        lines = lines[:max(0, len(lines) - max(0, len(payload) + 1 - room))]
    for line in lines:
        if y < bottom + 0.8 * mm:
            break
        o.text(b.x + 1 * mm, y, fit(line, REGULAR, 7, lw), REGULAR, 7)
        y -= lead
    if pix_text and slip.pix_payload:
        o.text(b.x + 1 * mm, y, "Pix copia e cola:", BOLD, 6.5)
        for line in payload:
            y -= size * 1.15
            o.text(b.x + 1 * mm, y, line, MONO, size)
    top, bottom = r["payer"]
    y = top - 2.8 * mm
    for line in (slip.payer_line, " – ".join(slip.payer_address_lines)):
        o.text(b.x + 12 * mm, y, fit(line, REGULAR, vs, b.w - 14 * mm), REGULAR, vs)
        y -= vs * 1.15
    if slip.guarantor:
        o.text(
            b.x + 21 * mm,
            bottom + 1 * mm,
            fit(slip.guarantor, REGULAR, LABEL_SIZE, lw / 2),
            REGULAR,
            LABEL_SIZE,
        )
    o.literal(itf_ops(slip.barcode, b.x + QUIET_ZONE, b.y + 12 * mm - BARCODE_HEIGHT / 2))
