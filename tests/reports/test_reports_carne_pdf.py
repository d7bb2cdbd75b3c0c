"""Carnê: three parcelas per A4 page, each with its own barcode."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from contoffice.reports import render_boletos
from tests.reports.samples import PIX, VECTORS


def test_three_pages_every_slip_decodes(tmp_path: Path, make_slip, pdf_tools) -> None:
    slips = [
        make_slip(n, installment_label=f"Parcela {n + 1:02d}/12", competence=date(2029, n + 1, 1))
        for n in range(9)
    ]
    pdf = tmp_path / "carne.pdf"
    assert render_boletos(slips, pdf, carne=True) == 3
    pages = pdf_tools.pages(pdf)
    assert len(pages) == 3
    for number, page in enumerate(pages):
        expected = sorted(s.barcode for s in slips[3 * number : 3 * number + 3])
        assert sorted(pdf_tools.decode(page, "i25")) == expected
    text = pdf_tools.text(pdf)
    for _, line in VECTORS:
        assert line in text
    assert "Parcela 03/12" in text
    assert "Comp. 09/2029" in text
    assert text.count("FICHA DE COMPENSAÇÃO") == 9


def test_partial_last_page_and_pix_on_the_stub(tmp_path: Path, make_slip, pdf_tools) -> None:
    slips = [make_slip(n, pix_payload=PIX if n == 3 else None) for n in range(4)]
    pdf = tmp_path / "carne.pdf"
    assert render_boletos(slips, pdf, carne=True) == 2
    first, second = pdf_tools.pages(pdf)
    assert pdf_tools.decode(second, "i25") == [VECTORS[3][0]]
    assert pdf_tools.decode(second, "qrcode") == [PIX]
    assert pdf_tools.decode(first, "qrcode") == []
    # The copia e cola is printed whole, in a readable size, in the ficha's instructions.
    second_text = pdf_tools.text(pdf).split("\f")[1]
    assert any(PIX[:cut] in second_text and PIX[cut:] in second_text
               for cut in range(40, len(PIX) - 20)), "the copia e cola is not printed whole"


def test_monthly_fee_stub_says_the_competencia(tmp_path: Path, make_slip, pdf_tools) -> None:
    pdf = tmp_path / "fees.pdf"
    render_boletos([make_slip(0, competence=date(2026, 10, 1))], pdf, carne=True)
    text = pdf_tools.text(pdf)
    assert "Competência" in text and "10/2026" in text and "Parcela" not in text
