"""A4 boletos: every barcode decodes back to its 44 digits, the linha is in the text."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from contoffice.reports import render_boletos
from tests.reports.samples import PIX, VECTORS


def test_each_page_barcode_decodes_to_its_input(tmp_path: Path, make_slip, pdf_tools) -> None:
    slips = [make_slip(n) for n in range(3)]
    pdf = tmp_path / "boletos.pdf"
    assert render_boletos(slips, pdf) == 3
    pages = pdf_tools.pages(pdf)
    assert len(pages) == 3
    for slip, page in zip(slips, pages, strict=True):
        assert pdf_tools.decode(page, "i25") == [slip.barcode]
    text = pdf_tools.text(pdf)
    for _, line in VECTORS[:3]:
        assert line in text


def test_pix_qr_decodes_to_the_payload(tmp_path: Path, make_slip, pdf_tools) -> None:
    pdf = tmp_path / "pix.pdf"
    render_boletos([make_slip(0, pix_payload=PIX)], pdf)
    (page,) = pdf_tools.pages(pdf)
    assert pdf_tools.decode(page, "qrcode") == [PIX]
    assert pdf_tools.decode(page, "i25") == [VECTORS[0][0]]
    text = pdf_tools.text(pdf)
    assert "Pix copia e cola" in text
    assert PIX[:60] in text


def test_mandatory_boxes_and_values_are_printed(tmp_path: Path, make_slip, pdf_tools) -> None:
    pdf = tmp_path / "boxes.pdf"
    render_boletos([make_slip(0, installment_label="Parcela 03/12")], pdf)
    text = pdf_tools.text(pdf)
    for expected in (
        "Local de pagamento",
        "Vencimento",
        "Beneficiário",
        "Nosso número",
        "(=) Valor do documento",
        "(-) Desconto / Abatimento",
        "(+) Mora / Multa",
        "(=) Valor cobrado",
        "Pagador",
        "Sacador / Avalista",
        "Código de baixa",
        "FICHA DE COMPENSAÇÃO",
        "RECIBO DO PAGADOR",
        "341-7",
        "20/05/2029",
        "R$ 6.757,87",
        "11.222.333/0001-81",
        "123.456.789-09",
        "109/00010152-7",
        "multa de 2,00%",
        "Parcela 03/12",
        "Escritório Contábil Exemplo Ltda",
    ):
        assert expected in text, expected


def test_no_due_date_prints_contra_apresentacao(tmp_path: Path, make_slip, pdf_tools) -> None:
    pdf = tmp_path / "cp.pdf"
    render_boletos([make_slip(0, due_date=None)], pdf)
    assert "Contra apresentação" in pdf_tools.text(pdf)


def test_renders_into_a_binary_stream(make_slip) -> None:
    buf = io.BytesIO()
    assert render_boletos([make_slip(0), make_slip(1)], buf) == 2
    assert buf.getvalue().startswith(b"%PDF")


def test_no_slips_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        render_boletos([], tmp_path / "x.pdf")
    assert not list(tmp_path.iterdir())


def test_slip_rejects_a_bad_barcode(make_slip) -> None:
    with pytest.raises(ValueError):
        make_slip(0, barcode="123")
    with pytest.raises(TypeError):
        make_slip(0, instructions="one string")


def test_a_long_bank_name_shrinks_instead_of_being_cut(tmp_path: Path, make_slip,
                                                       pdf_tools) -> None:
    pdf = tmp_path / "caixa.pdf"
    render_boletos([make_slip(0, bank_name="Caixa Econômica Federal")], pdf)
    text = pdf_tools.text(pdf)
    assert "Caixa Econômica Federal" in text and "Fede…" not in text
