"""Fixtures for the PDF tests: sample slips and the poppler/zbar round trip."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from tests.reports.samples import VECTORS

from contoffice.reports.boleto_slip import BoletoSlip

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


class PdfTools:
    """pdftoppm / zbarimg / pdftotext wrappers."""

    def __init__(self, tmp: Path) -> None:
        self.tmp = tmp

    def pages(self, pdf: Path) -> list[Path]:
        """Rasterise every page at 300 dpi in grey (what an office laser would do)."""
        prefix = self.tmp / f"{pdf.stem}-page"
        subprocess.run(
            ["pdftoppm", "-r", "300", "-gray", "-png", str(pdf), str(prefix)], check=True
        )
        return sorted(self.tmp.glob(f"{prefix.name}-*.png"))

    def decode(self, image: Path, symbology: str) -> list[str]:
        """Symbols of one kind (i25 or qrcode) that zbarimg finds on the image."""
        proc = subprocess.run(
            ["zbarimg", "--raw", "-q", "-Sdisable", f"-S{symbology}.enable", str(image)],
            capture_output=True,
            text=True,
            check=False,
        )
        # Exit 4 means "no symbol found"; anything else non-zero is a real failure.
        assert proc.returncode in (0, 4), proc.stderr
        return [line for line in proc.stdout.splitlines() if line]

    def text(self, pdf: Path) -> str:
        """pdftotext -layout of the whole document."""
        return subprocess.run(
            ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout


@pytest.fixture
def pdf_tools(tmp_path: Path) -> PdfTools:
    """The poppler/zbar tools; skipped locally when absent, a failure under CI."""
    missing = [tool for tool in ("pdftoppm", "pdftotext", "zbarimg") if not shutil.which(tool)]
    if missing:
        reason = f"{', '.join(missing)} not installed (apt-get install poppler-utils zbar-tools)"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    return PdfTools(tmp_path)
