"""`contoffice clearance generate|pdf`: a dry run lists who may have it and why not; then issued."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from contoffice.db.uow import Database
from contoffice.services.kernel.permissions import Actor
from tests.cli.money_support import run
from tests.services.billing_support import make_person, make_profile
from tests.services.clearance_support import YEAR, configure_office, pay, year_of_invoices


def test_dry_run_then_generate_then_pdf(db: Database, db_url: str, actor: Actor, tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    configure_office(db, actor)
    paid = make_person(db, "Padaria Quitada Ltda")
    pay(db, actor, year_of_invoices(db, actor, paid, make_profile(db)), date(YEAR, 10, 1))
    owing = make_person(db, "Mercado Devedor Ltda")
    owed = year_of_invoices(db, actor, owing, make_profile(db), months=(4,))

    plan = run(capsys, db_url, "clearance", "generate", "--year", str(YEAR), "--dry-run", "--json")
    assert plan.code == 0
    clients = {c["person_id"]: c for c in plan.json["clients"]}
    assert clients[paid]["eligible"] and clients[paid]["declaration_id"] is None
    assert not clients[owing]["eligible"]
    assert f"Fatura {owed[0]}, vencida em 10/04/{YEAR}, em aberto" in clients[owing]["reason"]

    refused = run(capsys, db_url, "clearance", "generate", "--year", str(YEAR),
                  "--person", str(owing))
    assert refused.code == 2 and f"Fatura {owed[0]}" in refused.err

    done = run(capsys, db_url, "clearance", "generate", "--year", str(YEAR), "--json")
    assert done.code == 0
    issued = {c["person_id"]: c["declaration_id"] for c in done.json["clients"]}
    assert issued[paid] is not None and issued[owing] is None

    out = tmp_path / "negativa.pdf"
    pdf = run(capsys, db_url, "clearance", "pdf", str(issued[paid]), "-o", str(out), "--json")
    assert pdf.code == 0 and pdf.json["name"] == f"negativa-{YEAR}-{paid}.pdf"
    assert out.read_bytes().startswith(b"%PDF")

    this_year = run(capsys, db_url, "clearance", "generate", "--year", str(date.today().year))
    assert this_year.code == 2 and "ano encerrado" in this_year.err
