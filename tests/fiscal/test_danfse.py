"""The DANFSe PDF read back with pdftotext: numbers, names, amount, environment, watermark."""

from __future__ import annotations

import re
import zlib
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest

from contoffice.fiscal.certificate import Certificate
from contoffice.fiscal.danfse import render_danfse
from contoffice.fiscal.errors import FiscalError
from contoffice.fiscal.nfse_doc import read_nfse
from contoffice.fiscal.simulator import LocalSefin
from tests.fiscal.conftest import OFFICE, OFFICE_NAME, TAKER_NAME
from tests.support.pdftools import PdfTools, require_pdf_tools

PROCESSED = datetime(2026, 11, 20, 13, 20, 0, tzinfo=UTC)


@pytest.fixture
def nfse(sefin_cert: Certificate, signed_dps: Callable[..., bytes]) -> bytes:
    """NFS-e number 147 (R$ 1.500,00) in produção restrita."""
    sefin = LocalSefin(sefin_cert, emitters=[OFFICE], first_number=147, clock=lambda: PROCESSED)
    return sefin.emit(signed_dps(1)).nfse_xml


def page_text(pdf: bytes, tmp_path: Path) -> str:
    """pdftotext -layout of the PDF, whitespace runs folded to one space."""
    require_pdf_tools()
    path = tmp_path / "danfse.pdf"
    path.write_bytes(pdf)
    return re.sub(r"\s+", " ", PdfTools(tmp_path).text(path))


def drawn_strings(pdf: bytes) -> set[str]:
    """Every string shown by a Tj operator in the page streams (fpdf2 writes cp1252).

    pdftotext cannot read the diagonal watermark back (it splits rotated glyphs), so the
    watermark is checked in the page content itself.
    """
    found: set[str] = set()
    for stream in re.findall(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.S):
        try:
            content = zlib.decompress(stream)
        except zlib.error:
            continue
        shown = re.findall(rb"\(((?:[^()\\]|\\.)*)\) ?Tj", content)
        found.update(s.decode("cp1252") for s in shown)
    return found


def test_text_has_number_names_amount_and_environment(nfse: bytes, tmp_path: Path) -> None:
    pdf = render_danfse(nfse)
    assert pdf.startswith(b"%PDF-")
    text = page_text(pdf, tmp_path)
    info = read_nfse(nfse)
    assert re.search(r"NÚMERO DA NFS-e .*\b147\b", text)
    assert info.key in text
    assert OFFICE_NAME in text and TAKER_NAME in text
    assert "R$ 1.500,00" in text
    assert "11.222.333/0001-81" in text and "12.ABC.345/01DE-35" in text
    assert "NFS-e SEM VALIDADE JURÍDICA" in text
    assert not {"CANCELADA", "SUBSTITUÍDA"} & drawn_strings(pdf)


def test_cancelled_and_substituted_watermarks(nfse: bytes) -> None:
    assert "CANCELADA" in drawn_strings(render_danfse(nfse, cancelled=True))
    substituted = drawn_strings(render_danfse(nfse, substituted=True))
    assert "SUBSTITUÍDA" in substituted and "CANCELADA" not in substituted


def test_production_note_has_no_warning(nfse: bytes, tmp_path: Path) -> None:
    production = nfse.replace(b"<tpAmb>2</tpAmb>", b"<tpAmb>1</tpAmb>")
    assert "SEM VALIDADE JURÍDICA" not in page_text(render_danfse(production), tmp_path)


def test_not_an_nfse_is_said_in_portuguese() -> None:
    with pytest.raises(FiscalError, match="não é o XML de uma NFS-e"):
        render_danfse(b"<nota/>")
    with pytest.raises(FiscalError, match="XML da NFS-e está incompleto"):
        render_danfse(b"<NFSe xmlns='http://www.sped.fazenda.gov.br/nfse'/>")
