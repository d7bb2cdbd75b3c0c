"""`contoffice statement` and `contoffice people sheet` over the demo office."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from contoffice.db.models import Person
from contoffice.db.uow import Database
from contoffice.demo.office import FEATURED_CNPJ, build_demo
from contoffice.services.panels.client_panel import client_header
from tests.cli.money_support import run
from tests.support.pdftools import PdfTools, require_pdf_tools


@pytest.fixture
def people(db: Database) -> list[int]:
    """The featured client first, then two other clients of the demo office."""
    build_demo(db, people=40, seed=4)
    with db.uow() as uow:
        featured = int(uow.session.scalar(select(Person.id).where(
            Person.document == FEATURED_CNPJ)))
        others = list(uow.session.scalars(select(Person.id).where(
            Person.id != featured, Person.roles.op("&")(1) == 1).order_by(Person.id).limit(2)))
    return [featured, *others]


def _name(db: Database, person_id: int) -> str:
    with db.uow() as uow:
        return str(uow.session.get(Person, person_id).name)


def test_one_statement_to_pdf_and_json(
    db: Database, db_url: str, people: list[int], tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    today = date.today()
    out = tmp_path / "extrato.pdf"
    ran = run(capsys, db_url, "statement", "--person", str(people[0]), "--from",
              f"01/01/{today.year}", "--to", today.strftime("%d/%m/%Y"), "-o", str(out), "--json")
    assert ran.code == 0, ran.err
    doc = ran.json
    assert doc["output"] == str(out) and doc["pages"] >= 1
    (only,) = doc["statements"]
    balances = client_header(db.uow(), people[0], today=today).balances
    assert only["closing_cents"] == balances.overdue_cents + balances.current_cents
    assert only["closing_cents"] == only["opening_cents"] + sum(
        line["amount_cents"] for line in only["lines"])
    require_pdf_tools()
    flat = " ".join(PdfTools(tmp_path).text(out).split())
    assert "Padaria Pão Quente Ltda" in flat
    assert f"Período: 01/01/{today.year} a {today.strftime('%d/%m/%Y')}" in flat


def test_a_batch_writes_one_pdf_with_every_client(
    db: Database, db_url: str, people: list[int], tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = tmp_path / "lote.pdf"
    ran = run(capsys, db_url, "statement", "--people", ",".join(map(str, people)),
              "--from", "01/01/2025", "-o", str(out))
    assert ran.code == 0, ran.err
    assert ran.out.rstrip().endswith(f"gravada(s) em {out}.") and "3 extrato(s)" in ran.out
    require_pdf_tools()
    text = PdfTools(tmp_path).text(out)
    assert text.count("EXTRATO DE CONTA") >= 3
    for person_id in people:
        assert _name(db, person_id) in text


def test_an_inverted_period_writes_nothing(
    db_url: str, people: list[int], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "x.pdf"
    ran = run(capsys, db_url, "statement", "--person", str(people[0]), "--from", "31/03/2026",
              "--to", "01/03/2026", "-o", str(out))
    assert ran.code == 2
    assert "Período inválido: --to (01/03/2026) é anterior a --from (31/03/2026)." in ran.err
    assert not out.exists()
    ran = run(capsys, db_url, "statement", "--person", "987654", "-o", str(out))
    assert ran.code != 0 and "Cadastro 987654 não encontrado" in ran.err and not out.exists()


def test_the_client_sheet(
    db: Database, db_url: str, people: list[int], tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = tmp_path / "ficha.pdf"
    ran = run(capsys, db_url, "people", "sheet", str(people[0]), "-o", str(out), "--json")
    assert ran.code == 0, ran.err
    assert ran.json == {"output": str(out), "pages": 1, "person_id": people[0]}
    require_pdf_tools()
    flat = " ".join(PdfTools(tmp_path).text(out).split())
    assert "FICHA CADASTRAL" in flat and "CNPJ: 12.ABC.345/01DE-35" in flat
    assert "Nome / Razão social: Padaria Pão Quente Ltda" in flat
