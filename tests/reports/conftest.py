"""Fixtures for the PDF tests: sample slips and the poppler/zbar round trip."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from contoffice.reports.boleto_slip import BoletoSlip
from tests.reports.samples import VECTORS
from tests.support.pdftools import PdfTools, require_pdf_tools

BASE = BoletoSlip(
    bank_code_with_dv="341-7",
    bank_name="Banco Itaú S.A.",
    digitable_line_formatted=VECTORS[0][1],
    barcode=VECTORS[0][0],
    beneficiary_name="Escritório Contábil Exemplo Ltda",
    beneficiary_document="11.222.333/0001-81",
    beneficiary_address="Rua das Flores, 123 – Centro – São Paulo/SP – CEP 01001-000",
    agency_account="1248 / 02124-6",
    document_number="2029000001",
    our_number="109/00010152-7",
    wallet="109",
    amount_cents=675787,
    payer_name="João da Silva Ação",
    payer_document="123.456.789-09",
    payer_address_lines=("Av. Paulista, 1000 – ap. 12", "Bela Vista – São Paulo/SP – 01310-100"),
    due_date=date(2029, 5, 20),
    document_date=date(2029, 5, 1),
    processing_date=date(2029, 5, 1),
    fine_line="Após o vencimento, multa de 2,00%",
    interest_line="Juros de mora de R$ 2,25 ao dia",
    instructions=("Não receber após 30 dias do vencimento.",),
)


@pytest.fixture
def make_slip() -> Callable[..., BoletoSlip]:
    """A BoletoSlip with vector `n` of VECTORS and any field overridden."""

    def make(n: int = 0, **changes: object) -> BoletoSlip:
        barcode, line = VECTORS[n % len(VECTORS)]
        fields: dict[str, object] = {"barcode": barcode, "digitable_line_formatted": line}
        fields.update(changes)
        return replace(BASE, **fields)  # type: ignore[arg-type]

    return make


@pytest.fixture
def pdf_tools(tmp_path: Path) -> PdfTools:
    """The poppler/zbar tools; skipped locally when absent, a failure under CI."""
    require_pdf_tools()
    return PdfTools(tmp_path)
