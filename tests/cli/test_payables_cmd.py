"""`contoffice payables insert|edit|remove` on both backends: JSON, refusals, bad input."""

from __future__ import annotations

import pytest

from contoffice.db.uow import Database
from contoffice.services.billing import charge_billing
from contoffice.services.kernel import messages as m
from contoffice.services.kernel.permissions import Actor
from tests.cli.money_support import DUE, ids, run
from tests.services.billing_support import charges_of, make_person, make_profile


def test_insert_edit_remove(
    db: Database, db_url: str, actor: Actor, capsys: pytest.CaptureFixture[str]
) -> None:
    person = make_person(db, "Papelaria Central Ltda")
    inserted = run(
        capsys, db_url, "payables", "insert", "--person", str(person),
        "--description", "Aluguel da sala", "--value", "1.500,00",
        "--due-date", DUE.strftime("%d/%m/%Y"), "--replications", "1", "--json",
    )  # fmt: skip
    assert inserted.code == 0, inserted.err
    billed, loose = inserted.json["charge_ids"]
    stored = {c.id: c for c in charges_of(db, person)}
    assert stored[billed].direction == "P" and stored[billed].amount_cents == 150_000
    profile = make_profile(db)
    charge_billing.bill_charges(
        db.uow(), actor, charge_ids=[billed], method=charge_billing.PER_CHARGE,
        payment_profile_id=profile,
    )  # fmt: skip

    preview = run(
        capsys, db_url, "payables", "edit", ids([billed, loose]), "--value", "99,90",
        "--dry-run", "--json",
    )  # fmt: skip
    assert preview.code == 4 and preview.json["dry_run"] is True
    assert {c.id: c.amount_cents for c in charges_of(db, person)}[loose] == 150_000
    edited = run(
        capsys, db_url, "payables", "edit", ids([billed, loose]), "--value", "99,90", "--json"
    )
    assert edited.code == 4
    assert edited.outcome(billed) == {
        "id": billed, "done": False, "message": m.PAYABLE_EDIT_IN_INVOICE, "warning": None,
        "new_id": None,
    }  # fmt: skip
    assert edited.outcome(loose)["done"] is True
    assert {c.id: c.amount_cents for c in charges_of(db, person)}[loose] == 9_990

    refused = run(capsys, db_url, "payables", "remove", str(billed), "--json")
    assert refused.code == 4
    assert refused.outcome(billed)["message"] == m.CHARGE_IN_INVOICE.format(code=billed)
    removed = run(capsys, db_url, "payables", "remove", str(loose), "--justification", "duplicada")
    assert removed.code == 0, removed.err
    assert {c.id: c.status for c in charges_of(db, person)}[loose] == "removed"


def test_bad_input_is_one_line(
    db: Database, db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    person = make_person(db)
    bad_value = run(
        capsys, db_url, "payables", "insert", "--person", str(person), "--description", "x",
        "--value", "muito", "--due-date", "01/01/2030",
    )  # fmt: skip
    assert bad_value.code == 2 and bad_value.err.count("\n") == 1
    assert bad_value.err.startswith("contoffice: ")
    nothing = run(capsys, db_url, "payables", "edit", "1")
    assert nothing.code == 2 and nothing.err == f"contoffice: {m.NOTHING_TO_CHANGE}\n"
    bad_ids = run(capsys, db_url, "payables", "remove", "a,b")
    assert bad_ids.code == 2 and "Lista de códigos inválida" in bad_ids.err
