"""The billing run: dry run, refusals, idempotence, resume after kill -9, bad competência."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from contoffice.db.models import AuditEvent, BillingRun, Charge, Invoice
from contoffice.db.uow import Database
from contoffice.errors import InvalidInput
from contoffice.services.billing import run as billing_run
from contoffice.services.contracts import status as contract_status
from contoffice.services.kernel.permissions import Actor
from tests.services.billing_support import (
    TODAY,
    bulk_contracts,
    make_contract,
    make_person,
    make_profile,
)
from tests.support.cli_login import cli_login  # noqa: F401  (the CLI logs in)

ROOT = Path(__file__).resolve().parents[2]


def _count(db: Database, model: type, *where: object) -> int:
    with db.uow() as uow:
        return int(uow.session.scalar(select(func.count()).select_from(model).where(*where)))


def test_dry_run_lists_refusals_and_writes_nothing(db: Database, actor: Actor) -> None:
    profile = make_profile(db)
    ok = make_contract(db, actor, make_person(db, "A"), profile)
    suspended = make_contract(db, actor, make_person(db, "B"), profile)
    no_profile = make_contract(db, actor, make_person(db, "C"), None)
    awaiting = make_contract(db, actor, make_person(db, "D"), profile, awaiting=True)
    contract_status.suspend_contracts(db.uow(), actor, contract_ids=[suspended], reason="x")
    preview = billing_run.run_billing(db, actor, competence="2026-11", dry_run=True,
                                      today=TODAY)
    assert (preview.charges_created, preview.invoices_created) == (1, 1)
    assert {r.contract_id: r.message for r in preview.refused} == {
        suspended: f"Contrato {suspended} suspenso: não será faturado.",
        no_profile: f"Contrato {no_profile} sem profile de pagamento: não será faturado.",
        awaiting: f"Contrato {awaiting} aguardando ativação: não será faturado.",
    }
    assert _count(db, Invoice) == _count(db, BillingRun) == 0
    done = billing_run.run_billing(db, actor, competence="2026-11", today=TODAY)
    assert (done.charges_created, done.invoices_created, len(done.refused)) == (1, 1, 3)
    with db.uow() as uow:
        invoice = uow.session.scalar(select(Invoice))
        assert invoice.contract_id == ok and invoice.amount_cents == 93_500
        assert invoice.due_date.isoformat() == "2026-12-10" and invoice.our_number == 1
    again = billing_run.run_billing(db, actor, competence="2026-11", today=TODAY)
    assert (again.invoices_created, again.already_billed) == (0, 1)
    assert _count(db, Invoice) == 1
    assert _count(db, AuditEvent, AuditEvent.action == "billing.run") == 2


def test_bad_competence_writes_nothing(db: Database, actor: Actor) -> None:
    for text in ("2026-13", "11-2026", "", "abc"):
        with pytest.raises(InvalidInput):
            billing_run.run_billing(db, actor, competence=text)
    assert _count(db, BillingRun) == 0


@pytest.mark.usefixtures("cli_login")
def test_killed_run_is_finished_by_the_next(db: Database, db_url: str, actor: Actor) -> None:
    n = 3000
    bulk_contracts(db, n, make_profile(db), suspended_every=100)
    env = {**os.environ, "CONTOFFICE_DATABASE_URL": db_url}
    cmd = [sys.executable, "-m", "contoffice", "billing", "run", "--competence", "2026-11",
           "--chunk-size", "25", "--progress", "--json"]
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    assert proc.stderr is not None
    lines = 0
    for line in proc.stderr:
        if line.startswith("faturamento:"):
            lines += 1
            if lines == 5:
                os.kill(proc.pid, signal.SIGKILL)
                break
    proc.wait(timeout=60)
    assert proc.returncode == -signal.SIGKILL
    half = _count(db, Invoice)
    assert 0 < half < n - n // 100, half
    with db.uow() as uow:
        run = uow.session.scalar(select(BillingRun))
        assert run.status == "running" and run.last_contract_id > 0
    finished = subprocess.run([*cmd[:-2], "--json"], cwd=ROOT, env=env, capture_output=True,
                              text=True, timeout=300, check=True)
    report = json.loads(finished.stdout)
    assert report["resumed"] is True
    assert report["invoices_created"] == n - n // 100
    assert len(report["refused"]) == n // 100
    assert _count(db, Invoice) == n - n // 100
    assert _count(db, Charge) == n - n // 100
    with db.uow() as uow:  # nobody billed twice, nossos números unique and gap-free
        per_contract = uow.session.execute(select(Invoice.contract_id, func.count())
                                           .group_by(Invoice.contract_id)
                                           .having(func.count() > 1)).all()
        assert per_contract == []
        numbers = sorted(uow.session.scalars(select(Invoice.our_number)))
        assert numbers == list(range(1, len(numbers) + 1))
        assert uow.session.scalar(select(BillingRun.status)) == "done"


def test_a_new_contract_can_bring_its_next_months_of_fees(db, actor) -> None:
    """SCENARIOS.md 7: contract and 12 months of honorários in one save."""
    from datetime import date

    from sqlalchemy import func, select

    from contoffice.db.models import Charge, Person
    from contoffice.services.contracts import records as contracts

    with db.uow() as uow:
        person = Person(kind="PF", name="Nova Cliente", registered_on=date(2026, 11, 1))
        uow.session.add(person)
        uow.commit()
        pid = person.id
    cid = contracts.create_contract(db.uow(), actor, data=contracts.ContractInput(
        person_id=pid, plan="MEI", fee_cents=15_000, starts_on=date(2027, 1, 1),
        generate_months=12))
    with db.uow() as uow:
        competences = sorted(uow.session.scalars(select(Charge.competence).where(
            Charge.contract_id == cid, Charge.kind == "fee")))
        assert len(competences) == 12
        assert (competences[0], competences[-1]) == (date(2027, 1, 1), date(2027, 12, 1))
        assert uow.session.scalar(select(func.sum(Charge.amount_cents)).where(
            Charge.contract_id == cid)) == 180_000


def test_cancelling_a_contract_can_remove_its_later_open_invoices(db, actor) -> None:
    """A contract cancelled in November takes December's open invoice with it, if asked."""
    from datetime import date

    from sqlalchemy import select

    from contoffice.db.models import Charge, Invoice, Person
    from contoffice.services.billing import run as billing_run
    from contoffice.services.contracts import records as contracts
    from contoffice.services.contracts import status as contract_status

    with db.uow() as uow:
        person = Person(kind="PF", name="Saindo", registered_on=date(2026, 1, 1))
        uow.session.add(person)
        uow.commit()
        pid = person.id
    from tests.services.billing_support import make_profile

    cid = contracts.create_contract(db.uow(), actor, data=contracts.ContractInput(
        person_id=pid, plan="MEI", fee_cents=15_000, starts_on=date(2026, 10, 1),
        payment_profile_id=make_profile(db)))
    for month in ("2026-10", "2026-11", "2026-12"):
        billing_run.run_billing(db, actor, competence=month, today=date(2026, 10, 1))
    result = contract_status.cancel_contracts(
        db.uow(), actor, contract_ids=[cid], reason="mudou de escritório",
        ends_on=date(2026, 11, 30), remove_open_invoices=True)
    assert result.outcomes[0].done and result.outcomes[0].warning is None
    with db.uow() as uow:
        by_month = {i.competence.month: i.status for i in uow.session.scalars(
            select(Invoice).where(Invoice.contract_id == cid))}
        assert by_month == {10: "open", 11: "open", 12: "removed"}
        december = uow.session.scalar(select(Charge.status).where(
            Charge.contract_id == cid, Charge.competence == date(2026, 12, 1)))
        assert december == "removed"


def test_a_fee_above_the_office_ceiling_is_not_billed(db: Database, actor: Actor) -> None:
    from contoffice.db.models import OfficeSetting
    from contoffice.services.kernel import messages as m
    from contoffice.services.kernel import money_limits

    profile = make_profile(db)
    small = make_contract(db, actor, make_person(db, "Pequena Ltda"), profile, fee_cents=50_000)
    big = make_contract(db, actor, make_person(db, "Grande Ltda"), profile, fee_cents=93_500)
    with db.uow() as uow:  # the office lowers its ceiling after the contract was made
        uow.session.add(OfficeSetting(key=money_limits.CEILING_KEY, value="80000"))
        uow.commit()
    result = billing_run.run_billing(db, actor, competence="2026-11", today=TODAY)
    assert result.invoices_created == 1
    assert [(r.contract_id, r.message) for r in result.refused] == [
        (big, m.CONTRACT_FEE_ABOVE_CEILING.format(code=big, ceiling="R$ 800,00"))]
    assert _count(db, Invoice, Invoice.contract_id == small) == 1
