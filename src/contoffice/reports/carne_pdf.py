"""The carnê: three parcelas per A4 page, each a canhoto (left) and a full ficha (right).

A4 is 297 mm high: three 99 mm rows, each ficha 95 mm (the FEBRABAN minimum)
with 2 mm above and below for the cut. The ficha is 170 mm wide (BB accepts
170–216 mm), which leaves 30 mm for the canhoto (research/features.md §4.6).
"""

from __future__ import annotations

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from contoffice.core.format import format_competence
from contoffice.reports._pdfops import BOLD, REGULAR, Ops, dashed_line, fit
from contoffice.reports.boleto_slip import BoletoSlip
from contoffice.reports.ficha import FichaBox, draw_ficha_frame, ficha_values
from contoffice.reports.pix_qr import pix_block

PAGE_W, PAGE_H = A4
ROW_H = PAGE_H / 3
STUB_X = 4 * mm
STUB_W = 30 * mm
CUT_X = 35.5 * mm
FICHA_X = 37 * mm
FICHA_W = 170 * mm
FICHA_H = 95 * mm
_HEAD = 8 * mm
_BOX = 6.3 * mm
_FIRST_BOX = ""  # captioned per slip: "Parcela" or "Competência"
_STUB_BOXES = (
    _FIRST_BOX,
    "Vencimento",
    "Agência / Código do Beneficiário",
    "Nosso número",
    "Nº do documento",
    "(=) Valor do documento",
    "(=) Valor cobrado",
)
_PAYER_H = 9 * mm


def _row_bottom(index: int) -> float:
    """Foot of the index-th parcela on the page (0 = top)."""
    return PAGE_H - ROW_H * (index + 1) + 2 * mm


def ficha_box(index: int) -> FichaBox:
    """Geometry of the ficha of the index-th parcela on the page."""
    return FichaBox(FICHA_X, _row_bottom(index), FICHA_W, FICHA_H)


class CarneLayout:
    """Three parcelas per A4 page."""

    form_name = "contoffice_carne_a4"
    slips_per_page = 3

    def draw_frame(self, c: Canvas) -> None:
        """Cut lines, canhoto boxes and ficha boxes of the three rows."""
        for cut in (1, 2):
            dashed_line(c, 0, PAGE_H - cut * ROW_H, PAGE_W, PAGE_H - cut * ROW_H)
        for index in range(3):
            bottom = _row_bottom(index)
            top = bottom + FICHA_H
            dashed_line(c, CUT_X, bottom - 1 * mm, CUT_X, top + 1 * mm)
            self._stub_frame(c, top)
            draw_ficha_frame(c, ficha_box(index))

    @staticmethod
    def _stub_frame(c: Canvas, top: float) -> None:
        c.setLineWidth(1.2)
        y = top - _HEAD
        c.line(STUB_X, y, STUB_X + STUB_W, y)
        c.setLineWidth(0.5)
        c.setFont(REGULAR, 5)
        c.drawRightString(STUB_X + STUB_W, y + 4.2 * mm, "Recibo do")
        c.drawRightString(STUB_X + STUB_W, y + 1.8 * mm, "Pagador")
        for label in (*_STUB_BOXES, "Pagador"):
            c.drawString(STUB_X + 0.5 * mm, y - 2 * mm, label)
            y -= _PAYER_H if label == "Pagador" else _BOX
            c.line(STUB_X, y, STUB_X + STUB_W, y)
        c.drawRightString(STUB_X + STUB_W, y - 2.5 * mm, "Autenticação mecânica")

    def slip_ops(self, o: Ops, slip: BoletoSlip, index: int) -> None:
        """Canhoto values and the full ficha of one parcela."""
        top = _row_bottom(index) + FICHA_H
        self._stub_values(o, slip, top)
        ficha_values(o, slip, ficha_box(index), pix_text=True)

    @staticmethod
    def _stub_values(o: Ops, slip: BoletoSlip, top: float) -> None:
        x, w, size = STUB_X + 0.5 * mm, STUB_W - 1 * mm, 7.0
        o.text(x, top - _HEAD + 1.8 * mm, fit(slip.bank_code_with_dv, BOLD, 11, 17 * mm), BOLD, 11)
        # An installment plan's slip says "Parcela 03/12"; a monthly fee its competência.
        first = slip.installment_label or (
            format_competence(slip.competence) if slip.competence else slip.due_text[3:])
        texts = (
            first,
            slip.due_text,
            slip.agency_account,
            slip.our_number,
            slip.document_number,
            slip.amount_text,
            "",
        )
        y = top - _HEAD
        for label, text in zip(_STUB_BOXES, texts, strict=True):
            y -= _BOX
            bold = label in (_FIRST_BOX, "Vencimento", "(=) Valor do documento")
            font = BOLD if bold else REGULAR
            o.text(x, y + 1 * mm, fit(text, font, size, w), font, size)
            if label == _FIRST_BOX:
                caption = "Parcela" if slip.installment_label else "Competência"
                o.text(STUB_X + 0.5 * mm, y + _BOX - 2 * mm, caption, REGULAR, 5)
                if slip.installment_label and slip.competence is not None:
                    comp = format_competence(slip.competence)
                    o.right(STUB_X + STUB_W - 0.5 * mm, y + _BOX - 2 * mm, f"Comp. {comp}",
                            REGULAR, 5)
        o.text(x, y - 4.5 * mm, fit(slip.payer_name, REGULAR, 6, w), REGULAR, 6)
        o.text(x, y - 7.3 * mm, fit(slip.payer_document, REGULAR, 6, w), REGULAR, 6)
        if slip.pix_payload:
            qr_top = y - _PAYER_H - 4 * mm
            pix_block(
                o,
                slip.pix_payload,
                STUB_X + 2 * mm,
                qr_top,
                24 * mm,
                STUB_W,
                3.0,
                beside=False,
                bottom=top - FICHA_H + 0.5 * mm,
                with_text=False,
            )

    def slip_images(self, c: Canvas, slip: BoletoSlip, index: int) -> None:
        """Bank logo in the ficha header of this parcela."""
        if slip.logo_path:
            box = ficha_box(index)
            _, bottom = box.rows()["header"]
            c.drawImage(
                slip.logo_path,
                box.x + 1 * mm,
                bottom + 1 * mm,
                width=box.logo_w - 2 * mm,
                height=6 * mm,
                preserveAspectRatio=True,
                anchor="sw",
                mask="auto",
            )
