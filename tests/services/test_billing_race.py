"""Two desks bill the same competência at once, with the fee contas made ahead (issue: money
never doubles). Real processes on SQLite and PostgreSQL; every conta ends in one invoice."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date

import pytest
from sqlalchemy import func, select

from contoffice.db.models import Charge, Contract, Invoice
from contoffice.db.uow import Database
from contoffice.services.billing import fees
from contoffice.services.invoicing.rules import add_months
from contoffice.services.kernel.permissions import Actor
from tests.services.billing_support import bulk_contracts, make_profile
from tests.support.cli_login import cli_login  # noqa: F401  (the CLI logs in)

CONTRACTS = 30
PAIRS = 20
FIRST = date(2027, 1, 1)
CLEAN_EXITS = {0, 4}  # 4: some rows refused (charges bill), said per row; never a crash


def _fees_ahead(db: Database, actor: Actor, months: int) -> list[int]:
    profile = make_profile(db)
    bulk_contracts(db, CONTRACTS, profile)
    with db.uow() as uow:
        people = list(uow.session.scalars(select(Contract.person_id).order_by(Contract.id)))
    result = fees.generate_fees(db.uow(), actor, person_ids=people, start=FIRST, times=months)
    assert all(o.done for o in result.outcomes)
    return people


def _desk(db_url: str, *args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "CONTOFFICE_DATABASE_URL": db_url}
    return subprocess.Popen([sys.executable, "-m", "contoffice", *args], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _run(competence: date) -> list[str]:
    return ["billing", "run", "--competence", competence.isoformat()[:7], "--chunk-size", "1",
            "--json"]


def _finish(desks: list[subprocess.Popen[str]]) -> None:
    for desk in desks:
        _out, err = desk.communicate(timeout=300)
        assert desk.returncode in CLEAN_EXITS, err
        assert "erro inesperado" not in err, err


def _assert_billed_once(db: Database, competence: date) -> None:
    with db.uow() as uow:
        fees_of_month = list(uow.session.execute(
            select(Charge.id, Charge.invoice_id).where(Charge.competence == competence)))
        invoices = list(uow.session.execute(
            select(Invoice.id, Invoice.amount_cents).where(Invoice.competence == competence)))
        linked = dict(uow.session.execute(
            select(Charge.invoice_id, func.count()).where(Charge.invoice_id.is_not(None))
            .group_by(Charge.invoice_id)).all())
        sums = dict(uow.session.execute(
            select(Charge.invoice_id, func.sum(Charge.amount_cents))
            .where(Charge.invoice_id.is_not(None)).group_by(Charge.invoice_id)).all())
    assert len(fees_of_month) == CONTRACTS, "a fee conta was created twice"
    assert all(invoice_id is not None for _c, invoice_id in fees_of_month), "a conta not billed"
    orphans = [i for i, _a in invoices if linked.get(i, 0) == 0]
    assert orphans == [], f"{len(orphans)} invoices of {competence:%m/%Y} have no conta"
    assert len(invoices) == CONTRACTS, f"{len(invoices) - CONTRACTS} duplicated invoices"
    assert all(sums[i] == amount for i, amount in invoices)


@pytest.mark.usefixtures("cli_login")
def test_two_desks_bill_a_month_made_ahead_once(db: Database, db_url: str,
                                                actor: Actor) -> None:
    _fees_ahead(db, actor, PAIRS)
    for n in range(PAIRS):
        competence = add_months(FIRST, n)
        _finish([_desk(db_url, *_run(competence)) for _ in range(2)])
        _assert_billed_once(db, competence)


@pytest.mark.usefixtures("cli_login")
def test_charges_bill_racing_a_run_bills_each_conta_once(db: Database, db_url: str,
                                                         actor: Actor) -> None:
    months = 4
    _fees_ahead(db, actor, months)
    for n in range(months):
        competence = add_months(FIRST, n)
        with db.uow() as uow:
            ids = [str(i) for i in uow.session.scalars(
                select(Charge.id).where(Charge.competence == competence).order_by(Charge.id))]
        by_hand = ["charges", "bill", ",".join(ids), "--method", "per_charge", "--json"]
        _finish([_desk(db_url, *_run(competence)), _desk(db_url, *by_hand)])
        _assert_billed_once(db, competence)
