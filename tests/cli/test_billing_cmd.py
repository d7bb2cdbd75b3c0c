"""`contoffice billing run` and `contoffice fees generate` from the command line."""

from __future__ import annotations

import json

import pytest

from contoffice.cli import main
from contoffice.db.uow import Database
from contoffice.services.kernel.permissions import Actor
from tests.services.billing_support import make_contract, make_person, make_profile


def _json(capsys: pytest.CaptureFixture[str]) -> dict:
    return json.loads(capsys.readouterr().out)


def test_fees_then_billing_run(db: Database, db_url: str, actor: Actor,
                               capsys: pytest.CaptureFixture[str]) -> None:
    profile = make_profile(db)
    person = make_person(db)
    make_contract(db, actor, person, profile)
    suspended = make_contract(db, actor, make_person(db, "Outro"), profile)
    from contoffice.services.contracts import status as contract_status

    contract_status.suspend_contracts(db.uow(), actor, contract_ids=[suspended], reason="x")
    base = ["--database", db_url]
    assert main([*base, "fees", "generate", "--people", str(person), "--start", "2026-11",
                 "--times", "12", "--json"]) == 0
    fees = _json(capsys)
    assert fees["people"][0]["done"] and fees["people"][0]["last_fee"]["competence"] == "2027-10"
    assert main([*base, "billing", "run", "--competence", "2026-11", "--dry-run", "--json"]) == 0
    preview = _json(capsys)
    assert preview["dry_run"] and preview["invoices_created"] == 1
    assert preview["charges_created"] == 0  # the fee conta exists already
    assert preview["refused"] == [{"contract_id": suspended, "person_id": person + 1,
                                   "reason": f"Contrato {suspended} suspenso: não será faturado."}]
    assert main([*base, "billing", "run", "--competence", "2026-11", "--json"]) == 0
    done = _json(capsys)
    assert (done["invoices_created"], done["charges_created"], len(done["refused"])) == (1, 0, 1)
    assert main([*base, "billing", "run", "--competence", "2026-11", "--json"]) == 0
    again = _json(capsys)
    assert (again["invoices_created"], again["already_billed"]) == (0, 1)


def test_bad_competence_is_one_line(db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--database", db_url, "billing", "run", "--competence", "2026-13"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("contoffice: ") and err.count("\n") == 1
    assert "Traceback" not in err
