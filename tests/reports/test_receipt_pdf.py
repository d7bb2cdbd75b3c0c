"""The receipt PDF read back with pdftotext: extenso, payer document, 2ª via, pages."""

from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path

import pytest

from contoffice.core.extenso import valor_por_extenso
from contoffice.reports.receipt_pdf import ReceiptData, ReceiptPayment, render_receipts
from tests.support.pdftools import PdfTools

BASE = ReceiptData(
    number="1234-5678",
    amount="R$ 1.234,56",
    amount_words=valor_por_extenso(123_456),
    payer_name="João da Silva Ação",
    payer_document="CPF 968.811.342-58",
    reference="Honorários 10/2026 — Plano Simples, fatura nº 1234, vencimento 10/11/2026",
    payments=(ReceiptPayment("23/11/2026", "Outros", "R$ 1.234,56"),),
    place_date="São Paulo, 24 de novembro de 2026.",
    issuer_name="Ribeiro & Lima Contabilidade Ltda",
    issuer_document="CNPJ 02.558.157/0001-62",
    issuer_address="Rua XV de Novembro, 250 — Centro — São Paulo/SP",
)


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_receipt_text(tmp_path: Path, pdf_tools: PdfTools) -> None:
    out = tmp_path / "recibo.pdf"
    assert render_receipts([BASE], out) == 1
    text = _flat(pdf_tools.text(out))
    assert "RECIBO" in text and "Nº 1234-5678" in text
    assert "Valor: R$ 1.234,56" in text
    assert "mil duzentos e trinta e quatro reais e cinquenta e seis centavos" in text
    assert "Recebemos de João da Silva Ação (CPF 968.811.342-58)" in text
    assert "São Paulo, 24 de novembro de 2026." in text
    assert "CNPJ 02.558.157/0001-62" in text
    assert "2ª via" not in text


def test_reprint_and_cnpj_payer(tmp_path: Path, pdf_tools: PdfTools) -> None:
    company = replace(
        BASE,
        payer_name="Padaria Pão Quente Ltda",
        payer_document="CNPJ 12.ABC.345/01DE-35",
        copy_label="2ª via",
    )
    out = tmp_path / "segunda.pdf"
    render_receipts([company], out)
    text = _flat(pdf_tools.text(out))
    assert "2ª via" in text and "(CNPJ 12.ABC.345/01DE-35)" in text


def test_two_receipts_a_page_and_many_payments(tmp_path: Path, pdf_tools: PdfTools) -> None:
    many = replace(
        BASE,
        payments=tuple(ReceiptPayment(f"{d:02d}/11/2026", "Outros", "R$ 10,00") for d in range(9)),
        note="Pagamento parcial da fatura nº 1234 (valor R$ 2.000,00); saldo em aberto: R$ 765,44.",
    )
    out = tmp_path / "tres.pdf"
    assert render_receipts([BASE, many, BASE], out) == 2
    text = _flat(pdf_tools.text(out))
    assert "saldo em aberto: R$ 765,44." in text
    assert "… e 4 pagamento(s) anterior(es), incluídos no total." in text


def test_a_failed_render_leaves_no_file(tmp_path: Path) -> None:
    out = tmp_path / "nada.pdf"
    with pytest.raises(ValueError):
        render_receipts([], out)
    assert list(tmp_path.iterdir()) == []
    buf = io.BytesIO()
    assert render_receipts([BASE], buf) == 1 and buf.getvalue().startswith(b"%PDF")
