"""contoffice.banking computes the codes, the PDF prints them, zbarimg reads them back."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from contoffice.banking.boleto import BoletoInput, compute_codes
from contoffice.banking.pix import build_static_pix
from contoffice.reports import render_boletos


def test_compute_codes_to_pdf_to_zbar(tmp_path: Path, make_slip, pdf_tools) -> None:
    inputs = [
        BoletoInput(
            bank="341",
            agency="1248",
            account="02124",
            wallet="109",
            our_number=f"{10152 + n:08d}",
            amount_cents=675787 + n,
            due_date=date(2029, 5, 20),
            document_number=f"{10152 + n:08d}",
        )
        for n in range(4)
    ]
    pix = build_static_pix(
        "fulano@example.com", "Escritório Exemplo", "São Paulo", amount_cents=675787, txid="BOLETO1"
    )
    slips = []
    for n, inp in enumerate(inputs):
        codes = compute_codes(inp)
        slips.append(
            make_slip(
                0,
                barcode=codes.barcode,
                digitable_line_formatted=codes.digitable_line_formatted,
                bank_code_with_dv=codes.bank_code_with_dv,
                our_number=codes.our_number_formatted,
                agency_account=codes.agency_account_formatted,
                amount_cents=inp.amount_cents,
                pix_payload=pix if n == 0 else None,
            )
        )
    pdf = tmp_path / "roundtrip.pdf"
    render_boletos(slips, pdf, carne=True)
    first, second = pdf_tools.pages(pdf)
    assert sorted(pdf_tools.decode(first, "i25")) == sorted(s.barcode for s in slips[:3])
    assert pdf_tools.decode(second, "i25") == [slips[3].barcode]
    assert pdf_tools.decode(first, "qrcode") == [pix]
    text = pdf_tools.text(pdf)
    for slip in slips:
        assert slip.digitable_line_formatted in text
