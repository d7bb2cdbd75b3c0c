"""`boleto pdf --invoices IDS -o FILE [--carne]` over the demo office."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import select

from contoffice.cli import main
from contoffice.db.models import Invoice
from contoffice.db.uow import Database
from contoffice.demo.office import build_demo
from tests.support.pdftools import PdfTools, require_pdf_tools


def test_boleto_pdf_writes_a_scannable_carne(db: Database, db_url: str, tmp_path: Path,
                                             capsys) -> None:
    require_pdf_tools()
    build_demo(db, people=40, seed=4)
    with db.uow() as uow:
        ids = list(uow.session.scalars(select(Invoice.id).where(
            Invoice.status == "open", Invoice.payment_profile_id.is_not(None)).limit(4)))
    out = tmp_path / "carne.pdf"
    code = main(["boleto", "pdf", "--invoices", ",".join(map(str, ids)), "-o", str(out),
                 "--carne", "--json", "--database", db_url])
    assert code == 0
    assert json.loads(capsys.readouterr().out)["pages"] == 2
    tools = PdfTools(tmp_path)
    assert sum(len(tools.decode(p, "i25")) for p in tools.pages(out)) == 4


def test_boleto_pdf_refuses_a_settled_invoice_and_writes_nothing(db: Database, db_url: str,
                                                                 tmp_path: Path,
                                                                 capsys) -> None:
    build_demo(db, people=40, seed=4)
    with db.uow() as uow:
        settled = uow.session.scalar(select(Invoice.id).where(Invoice.status == "settled"))
    out = tmp_path / "x.pdf"
    code = main(["boleto", "pdf", "--invoices", str(settled), "-o", str(out),
                 "--database", db_url])
    err = capsys.readouterr().err
    assert code == 2 and f"A Fatura {settled} já está liquidada" in err
    assert not out.exists()
    code = main(["boleto", "pdf", "--invoices", "1,x", "-o", str(out), "--database", db_url])
    assert code == 2 and "lista de faturas inválida" in capsys.readouterr().err


def test_set_pix_records_and_refuses_a_bad_crc(db: Database, db_url: str, capsys) -> None:
    from tests.reports.samples import PIX

    build_demo(db, people=40, seed=4)
    with db.uow() as uow:
        invoice = uow.session.scalar(select(Invoice.id).where(Invoice.status == "open"))
    assert main(["boleto", "set-pix", "--invoice", str(invoice), "--payload", PIX,
                 "--database", db_url]) == 0
    with db.uow() as uow:
        assert uow.get(Invoice, invoice).pix_emv == PIX
    assert main(["boleto", "set-pix", "--invoice", str(invoice), "--payload", "000201",
                 "--database", db_url]) == 2
    assert capsys.readouterr().err.count("\n") == 1
