"""`contoffice contracts create|list|cancel|suspend|…|change-plan`."""

from __future__ import annotations

from datetime import date

import pytest

from contoffice.core.vocab import ContractStatus, InvoiceStatus
from contoffice.db.models import Contract
from contoffice.db.uow import Database
from contoffice.services.billing import run as billing_run
from contoffice.services.kernel import messages as m
from contoffice.services.kernel.permissions import Actor
from tests.cli.money_support import ids, run
from tests.services.billing_support import invoices_of, make_person, make_profile


def _contract(db: Database, contract_id: int) -> Contract:
    with db.uow() as uow:
        return uow.get(Contract, contract_id)


def test_create_list_and_status_tools(
    db: Database, db_url: str, actor: Actor, capsys: pytest.CaptureFixture[str]
) -> None:
    person, profile = make_person(db), make_profile(db)
    made = run(
        capsys,
        db_url,
        "contracts",
        "create",
        "--person",
        str(person),
        "--plan",
        "Simples Nacional",
        "--fee",
        "935,00",
        "--due-day",
        "10",
        "--profile",
        str(profile),
        "--start",
        "2026-01",
        "--json",
    )
    assert made.code == 0, made.err
    a = made.json["contract_id"]
    b = run(
        capsys,
        db_url,
        "contracts",
        "create",
        "--person",
        str(person),
        "--plan",
        "Folha",
        "--fee",
        "200",
        "--due-day",
        "5",
        "--start",
        "01/2026",
        "--awaiting",
        "--json",
    ).json["contract_id"]
    listing = run(capsys, db_url, "contracts", "list", "--person", str(person), "--json")
    assert {(r["id"], r["fee_cents"], r["status"]) for r in listing.json["contracts"]} == {
        (a, 93_500, "active"),
        (b, 20_000, "awaiting"),
    }

    assert (
        run(capsys, db_url, "contracts", "suspend", str(a), "--justification", "inadimplente").code
        == 0
    )
    twice = run(
        capsys, db_url, "contracts", "suspend", ids([a, b]), "--justification", "x", "--json"
    )
    assert twice.code == 4
    assert twice.outcome(a)["message"] == m.CONTRACT_ALREADY_SUSPENDED.format(code=a)
    assert run(capsys, db_url, "contracts", "unsuspend", str(a)).code == 0
    activated = run(capsys, db_url, "contracts", "activate", ids([a, b]), "--months", "2", "--json")
    assert activated.code == 4
    assert activated.outcome(a)["message"] == m.CONTRACT_NOT_AWAITING.format(code=a)
    assert _contract(db, b).status == ContractStatus.ACTIVE
    assert (
        run(
            capsys,
            db_url,
            "contracts",
            "request-cancel",
            str(b),
            "--justification",
            "mudou de escritório",
        ).code
        == 0
    )
    assert _contract(db, b).status == ContractStatus.CANCEL_REQUESTED
    cancel = run(
        capsys,
        db_url,
        "contracts",
        "cancel",
        str(b),
        "--justification",
        "saiu",
        "--ends-on",
        "30/11/2026",
        "--dry-run",
        "--json",
    )
    assert cancel.code == 0 and _contract(db, b).status == ContractStatus.CANCEL_REQUESTED
    assert (
        run(
            capsys,
            db_url,
            "contracts",
            "cancel",
            str(b),
            "--justification",
            "saiu",
            "--ends-on",
            "30/11/2026",
        ).code
        == 0
    )
    assert _contract(db, b).ends_on == date(2026, 11, 30)
    gone = run(capsys, db_url, "contracts", "cancel", str(b), "--justification", "x", "--json")
    assert gone.outcome(b)["message"] == m.CONTRACT_ALREADY_CANCELLED.format(code=b)


def test_changes_that_reissue_need_yes(
    db: Database, db_url: str, actor: Actor, capsys: pytest.CaptureFixture[str]
) -> None:
    person, profile, other = make_person(db), make_profile(db), make_profile(db)
    a = run(
        capsys,
        db_url,
        "contracts",
        "create",
        "--person",
        str(person),
        "--plan",
        "Simples",
        "--fee",
        "935",
        "--due-day",
        "10",
        "--profile",
        str(profile),
        "--start",
        "2026-01",
        "--json",
    ).json["contract_id"]
    billing_run.run_billing(db, actor, competence=date.today().replace(day=1))
    (old,) = invoices_of(db, person)
    asked = run(
        capsys,
        db_url,
        "contracts",
        "change-plan",
        str(a),
        "--plan",
        "Lucro Presumido",
        "--fee",
        "1.500,00",
        "--justification",
        "novo regime",
    )
    assert asked.code == 3 and m.REISSUE_WARNING.format(codes=old.id) in asked.err
    assert _contract(db, a).fee_cents == 93_500
    done = run(
        capsys,
        db_url,
        "contracts",
        "change-plan",
        str(a),
        "--plan",
        "Lucro Presumido",
        "--fee",
        "1.500,00",
        "--justification",
        "novo regime",
        "--yes",
        "--json",
    )
    assert done.code == 0 and _contract(db, a).fee_cents == 150_000
    (new,) = invoices_of(db, person, InvoiceStatus.OPEN)
    assert new.amount_cents == 150_000 and new.replaces_id == old.id
    moved = run(
        capsys,
        db_url,
        "contracts",
        "change-profile",
        str(a),
        "--profile",
        str(other),
        "--justification",
        "banco novo",
        "--yes",
    )
    assert moved.code == 0 and _contract(db, a).payment_profile_id == other
    (newer,) = invoices_of(db, person, InvoiceStatus.OPEN)
    assert newer.payment_profile_id == other
    rule = run(
        capsys,
        db_url,
        "contracts",
        "change-due-rule",
        str(a),
        "--due-day",
        "5",
        "--rule",
        "business_day",
        "--justification",
        "pedido",
        "--yes",
        "--json",
    )
    assert rule.code == 0 and _contract(db, a).due_rule == "business_day"
    bad = run(
        capsys,
        db_url,
        "contracts",
        "change-due-rule",
        str(a),
        "--due-day",
        "40",
        "--justification",
        "x",
        "--yes",
    )
    assert bad.code == 2 and "Dia de vencimento" in bad.err


def test_create_with_its_first_months_of_fees(
    db: Database, db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from sqlalchemy import select

    from contoffice.db.models import Charge

    person = make_person(db)
    made = run(capsys, db_url, "contracts", "create", "--person", str(person), "--plan", "MEI",
               "--fee", "150", "--due-day", "5", "--start", "2027-01", "--fees-months", "6",
               "--json")
    assert made.code == 0, made.err
    with db.uow() as uow:
        fees = uow.session.scalars(select(Charge.amount_cents).where(
            Charge.contract_id == made.json["contract_id"])).all()
    assert fees == [15_000] * 6


def test_cancel_with_its_later_open_invoices(
    db: Database, db_url: str, actor: Actor, capsys: pytest.CaptureFixture[str]
) -> None:
    from contoffice.services.contracts import records as contracts

    person, profile = make_person(db), make_profile(db)
    cid = contracts.create_contract(db.uow(), actor, data=contracts.ContractInput(
        person_id=person, plan="MEI", fee_cents=15_000, starts_on=date(2026, 10, 1),
        payment_profile_id=profile))
    for month in ("2026-11", "2026-12"):
        billing_run.run_billing(db, actor, competence=month, today=date(2026, 10, 1))
    done = run(capsys, db_url, "contracts", "cancel", str(cid), "--justification", "saiu",
               "--ends-on", "30/11/2026", "--remove-open-invoices", "--json")
    assert done.code == 0, done.err
    statuses = sorted(i.status for i in invoices_of(db, person))
    assert statuses == [InvoiceStatus.OPEN, InvoiceStatus.REMOVED]
