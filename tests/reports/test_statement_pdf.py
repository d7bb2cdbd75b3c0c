"""The statement PDF flows over pages and starts each client on a new one."""

from __future__ import annotations

from pathlib import Path

from contoffice.reports.statement_pdf import (
    Letterhead,
    StatementDoc,
    StatementRow,
    render_statements,
)
from tests.support.pdftools import PdfTools, require_pdf_tools


def _doc(client: str, n: int) -> StatementDoc:
    rows = tuple(StatementRow("05/01/2026", f"Honorários {i:03d}", str(i), "10/02/2026",
                              "R$ 935,00", "", f"R$ {i},00") for i in range(n))
    head = Letterhead("Ribeiro & Lima Contabilidade Ltda", ("CNPJ 02.558.157/0001-62",))
    return StatementDoc(head,
                        f"{client} — código 7", ("CNPJ 12.ABC.345/01DE-35",),
                        "01/01/2026 a 31/12/2026", "R$ 0,00", rows, "R$ 9.350,00",
                        (("Faturado no período", "R$ 9.350,00"),),
                        (("A vencer", "1", "R$ 935,00"),), "Emitido em 29/11/2026")


def test_a_long_statement_continues_and_the_next_starts_on_its_own_page(tmp_path: Path) -> None:
    out = tmp_path / "extratos.pdf"
    pages = render_statements([_doc("Padaria Pão Quente Ltda", 120), _doc("Oficina ME", 1)], out)
    assert pages == 4  # 120 entries take three pages, the second client one
    require_pdf_tools()
    text = PdfTools(tmp_path).text(out)
    per_page = text.split("\f")
    assert all("EXTRATO DE CONTA" in page for page in per_page[:4])
    assert "(continuação)" in per_page[1] and "Honorários 119" in per_page[2]
    assert "Saldo final" in per_page[2] and "Oficina ME" in per_page[3]
    assert sum(page.count("Honorários ") for page in per_page) == 121
