"""The A4 boleto page: recibo do pagador on top, a cut line, the ficha at the bottom."""

from __future__ import annotations

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from contoffice.reports._pdfops import BOLD, REGULAR, Ops, dashed_line, fit
from contoffice.reports.boleto_slip import BoletoSlip
from contoffice.reports.ficha import (
    LABEL_SIZE,
    VALUE_SIZE,
    FichaBox,
    draw_ficha_frame,
    ficha_values,
    header_values,
)
from contoffice.reports.pix_qr import pix_block

PAGE_W, PAGE_H = A4
X0 = 5 * mm
WIDTH = PAGE_W - 2 * X0  # 200 mm
FICHA = FichaBox(X0, 8 * mm, WIDTH, 105 * mm)  # bottom of A4, within 95–108 mm
CUT_Y = FICHA.y + FICHA.h + 6 * mm
# The recibo reuses the ficha's header geometry, 287 mm from the foot of the page.
RECIBO_HEAD = FichaBox(X0, 287 * mm - FICHA.h, WIDTH, FICHA.h)
RIGHT_W = FICHA.right_w
SPLIT = X0 + WIDTH - RIGHT_W
# Recibo rows below the header: (top, bottom) in mm from the page foot.
_BENEF = (277.0, 267.0)
_PAYER = (267.0, 260.0)
_DOC = (260.0, 253.0)
_DEMO = (253.0, 213.0)
_DOC_COLS = (
    ("Data do documento", 0.25),
    ("Nº do documento", 0.3),
    ("Espécie doc.", 0.15),
    ("Carteira", 0.3),
)
_RIGHT_DEMO = (
    "(=) Valor do documento",
    "(-) Desconto / Abatimento",
    "(+) Mora / Multa",
    "(=) Valor cobrado",
)
PIX_TOP = 205 * mm
PIX_QR = 38 * mm


class A4Layout:
    """One boleto per A4 page."""

    form_name = "contoffice_boleto_a4"
    slips_per_page = 1

    def draw_frame(self, c: Canvas) -> None:
        """Static lines and labels of the whole page."""
        head = RECIBO_HEAD.rows()["header"]
        c.setLineWidth(0.5)
        for x in (X0 + RECIBO_HEAD.logo_w, X0 + RECIBO_HEAD.logo_w + RECIBO_HEAD.code_w):
            c.line(x, head[1], x, head[1] + 6 * mm)
        c.setLineWidth(1.2)
        c.line(X0, head[1], X0 + WIDTH, head[1])
        c.setLineWidth(0.5)
        for _, bottom in (_BENEF, _PAYER, _DOC, _DEMO):
            c.line(X0, bottom * mm, X0 + WIDTH, bottom * mm)
        c.line(SPLIT, _BENEF[0] * mm, SPLIT, _DEMO[1] * mm)
        c.setFont(REGULAR, LABEL_SIZE)
        label = self._label
        label(c, X0, _BENEF[0], "Beneficiário")
        label(c, SPLIT, _BENEF[0], "Agência / Código do Beneficiário")
        label(c, X0, _PAYER[0], "Pagador")
        label(c, SPLIT, _PAYER[0], "Nosso número")
        x = X0
        for i, (text, frac) in enumerate(_DOC_COLS):
            if i:
                c.line(x, _DOC[0] * mm, x, _DOC[1] * mm)
            label(c, x, _DOC[0], text)
            x += frac * (WIDTH - RIGHT_W)
        label(c, SPLIT, _DOC[0], "Vencimento")
        label(c, X0, _DEMO[0], "Demonstrativo / Instruções")
        step = (_DEMO[0] - _DEMO[1]) / len(_RIGHT_DEMO)
        for i, text in enumerate(_RIGHT_DEMO):
            top = _DEMO[0] - i * step
            if i:
                c.line(SPLIT, top * mm, X0 + WIDTH, top * mm)
            label(c, SPLIT, top, text)
        c.drawRightString(X0 + WIDTH - 1 * mm, _DEMO[1] * mm - 3 * mm, "Autenticação mecânica")
        dashed_line(c, 0, CUT_Y, PAGE_W, CUT_Y)
        c.drawRightString(PAGE_W - X0, CUT_Y + 1 * mm, "Corte na linha pontilhada")
        draw_ficha_frame(c, FICHA)

    @staticmethod
    def _label(c: Canvas, x: float, top_mm: float, text: str) -> None:
        c.drawString(x + 1 * mm, top_mm * mm - 2.1 * mm, text)

    def slip_ops(self, o: Ops, slip: BoletoSlip, index: int) -> None:
        """Every value of one slip on its page."""
        header_values(o, slip, RECIBO_HEAD, "RECIBO DO PAGADOR")
        lw = WIDTH - RIGHT_W - 2 * mm
        rx = X0 + WIDTH - 1.5 * mm

        def value(x: float, bottom_mm: float, text: str, width: float, font: str = REGULAR) -> None:
            o.text(
                x + 1 * mm,
                bottom_mm * mm + 1.3 * mm,
                fit(text, font, VALUE_SIZE, width),
                font,
                VALUE_SIZE,
            )

        value(X0, _BENEF[1] + 4, slip.beneficiary_line, lw)
        value(X0, _BENEF[1], slip.beneficiary_address, lw)
        o.right(rx, _BENEF[1] * mm + 1.3 * mm, slip.agency_account, REGULAR, VALUE_SIZE)
        value(X0, _PAYER[1], slip.payer_line, lw)
        o.right(rx, _PAYER[1] * mm + 1.3 * mm, slip.our_number, REGULAR, VALUE_SIZE)
        x = X0
        texts = (slip.document_date_text, slip.document_number, slip.document_kind, slip.wallet)
        for (_, frac), text in zip(_DOC_COLS, texts, strict=True):
            width = frac * (WIDTH - RIGHT_W)
            value(x, _DOC[1], text, width - 2 * mm)
            x += width
        o.right(rx, _DOC[1] * mm + 1.3 * mm, slip.due_text, BOLD, 8)
        step = (_DEMO[0] - _DEMO[1]) / len(_RIGHT_DEMO)
        o.right(rx, (_DEMO[0] - step) * mm + 1.3 * mm, slip.amount_text, BOLD, 8)
        lines = ((slip.heading,) if slip.heading else ()) + slip.instruction_lines()
        y = _DEMO[0] * mm - 6 * mm
        for line in lines:
            if y < _DEMO[1] * mm + 1 * mm:
                break
            o.text(X0 + 1 * mm, y, fit(line, REGULAR, 7.5, lw), REGULAR, 7.5)
            y -= 3.4 * mm
        if slip.pix_payload:
            pix_block(
                o, slip.pix_payload, X0, PIX_TOP, PIX_QR, WIDTH - PIX_QR - 4 * mm, 7.0, beside=True
            )
        ficha_values(o, slip, FICHA)

    def slip_images(self, c: Canvas, slip: BoletoSlip, index: int) -> None:
        """Bank logos (raster): reportlab stores one copy per file in the document."""
        if slip.logo_path:
            for box in (RECIBO_HEAD, FICHA):
                _, bottom = box.rows()["header"]
                c.drawImage(
                    slip.logo_path,
                    box.x + 1 * mm,
                    bottom + 1 * mm,
                    width=box.logo_w - 2 * mm,
                    height=7 * mm,
                    preserveAspectRatio=True,
                    anchor="sw",
                    mask="auto",
                )
