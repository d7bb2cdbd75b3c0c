"""`invoices receipt --invoices IDS -o FILE.pdf` over the demo office."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select

from contoffice.cli import main
from contoffice.db.models import Invoice
from contoffice.db.uow import Database
from contoffice.demo.office import build_demo
from tests.support.pdftools import PdfTools, require_pdf_tools


def _ids(db: Database, status: str, n: int) -> list[int]:
    with db.uow() as uow:
        return list(
            uow.session.scalars(
                select(Invoice.id)
                .where(Invoice.status == status, Invoice.direction == "R")
                .order_by(Invoice.id)
                .limit(n)
            )
        )


def test_receipts_are_written_and_a_reprint_is_a_second_copy(
    db: Database, db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    build_demo(db, people=40, seed=4)
    ids = _ids(db, "settled", 2) + _ids(db, "partial", 1)
    out = tmp_path / "recibos.pdf"
    argv = ["invoices", "receipt", "--invoices", ",".join(map(str, ids)), "-o", str(out)]
    assert main([*argv, "--json", "--database", db_url]) == 0
    assert json.loads(capsys.readouterr().out) == {"output": str(out), "pages": 2, "invoices": ids}
    require_pdf_tools()
    tools = PdfTools(tmp_path)
    assert "2ª via" not in tools.text(out)
    again = tmp_path / "segunda.pdf"
    assert main([*argv[:-1], str(again), "--database", db_url]) == 0
    assert "3 recibo(s), 2 página(s)" in capsys.readouterr().out
    assert tools.text(again).count("2ª via") == 3


def test_an_open_invoice_is_refused_and_nothing_is_written(
    db: Database, db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    build_demo(db, people=40, seed=4)
    open_id = _ids(db, "open", 1)[0]
    out = tmp_path / "x.pdf"
    code = main(
        ["invoices", "receipt", "--invoices", str(open_id), "-o", str(out), "--database", db_url]
    )
    assert code == 2
    assert f"A Fatura {open_id} não possui liquidação" in capsys.readouterr().err
    assert not out.exists()
    code = main(["invoices", "receipt", "--invoices", "1,x", "-o", str(out), "--database", db_url])
    assert code == 2 and "Lista de códigos inválida" in capsys.readouterr().err
