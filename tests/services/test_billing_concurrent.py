"""Two desks start the billing run of the same competência at once (two processes, both
backends: an advisory lock on PostgreSQL, a lock row on SQLite)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from sqlalchemy import func, select

from contoffice.db.models import BillingRun, Charge, Invoice
from contoffice.db.uow import Database
from contoffice.services.billing import run as billing_run
from tests.services.billing_support import bulk_contracts, make_profile
from tests.support.cli_login import cli_login  # noqa: F401  (the CLI logs in)

CONTRACTS = 3000


@pytest.mark.usefixtures("cli_login")
def test_two_simultaneous_runs_bill_each_contract_once(db: Database, db_url: str) -> None:
    bulk_contracts(db, CONTRACTS, make_profile(db))
    env = {**os.environ, "CONTOFFICE_DATABASE_URL": db_url}
    argv = [
        sys.executable,
        "-m",
        "contoffice",
        "billing",
        "run",
        "--competence",
        "2026-11",
        "--chunk-size",
        "200",
        "--json",
    ]
    desks = [
        subprocess.Popen(argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for _ in range(2)
    ]
    results, errors = [], []
    for desk in desks:
        out, err = desk.communicate(timeout=300)
        assert desk.returncode == 0, err
        results.append(json.loads(out))
        errors.append(err)
    with db.uow() as uow:
        per_contract = uow.session.execute(
            select(Invoice.contract_id, func.count()).group_by(Invoice.contract_id)
        ).all()
        fees = uow.session.scalar(select(func.count()).select_from(Charge)) or 0
        runs = list(uow.session.scalars(select(BillingRun)))
    assert len(per_contract) == CONTRACTS and {n for _c, n in per_contract} == {1}
    assert fees == CONTRACTS
    assert {r.status for r in runs} == {"done"}
    assert sum(r.invoices_created for r in runs) == CONTRACTS
    # Each desk tells its own part; the other desk's work is "already billed".
    assert sorted(r["invoices_created"] for r in results) == [0, CONTRACTS]
    for r, err in zip(results, errors, strict=True):
        assert r["invoices_created"] + r["already_billed"] == CONTRACTS
        assert r["refused"] == []
        assert (billing_run.WAITING in err) == r["waited"]
        if r["waited"]:
            assert r["invoices_created"] == 0
    assert any(r["waited"] for r in results), "the two desks did not overlap"
