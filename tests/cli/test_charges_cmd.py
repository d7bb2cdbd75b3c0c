"""`contoffice charges insert|edit|remove|suspend|unsuspend|bill|list`."""

from __future__ import annotations

from datetime import timedelta

import pytest

from contoffice.core.vocab import ChargeStatus, InvoiceStatus
from contoffice.db.uow import Database
from contoffice.services.kernel import messages as m
from contoffice.services.kernel.permissions import Actor
from tests.cli.money_support import DUE, audit_count, ids, run
from tests.services.billing_support import charges_of, invoice, make_person, make_profile


def test_insert_list_bill_and_refusals(
    db: Database, db_url: str, actor: Actor, capsys: pytest.CaptureFixture[str]
) -> None:
    person, profile = make_person(db), make_profile(db)
    inserted = run(
        capsys,
        db_url,
        "charges",
        "insert",
        "--person",
        str(person),
        "--description",
        "Abertura de filial",
        "--value",
        "1.234,56",
        "--due-date",
        DUE.strftime("%d/%m/%Y"),
        "--replications",
        "2",
        "--interval-months",
        "1",
        "--profile",
        str(profile),
        "--json",
    )
    assert inserted.code == 0, inserted.err
    a, b, c = inserted.json["charge_ids"]
    assert [ch.amount_cents for ch in charges_of(db, person)] == [123_456] * 3
    listing = run(
        capsys, db_url, "charges", "list", "--person", str(person), "--unbilled", "--json"
    )
    assert [r["id"] for r in listing.json["charges"]] == [c, b, a]  # newest due date first

    edited = run(
        capsys,
        db_url,
        "charges",
        "edit",
        str(a),
        "--value",
        "1000",
        "--description",
        "Abertura",
        "--json",
    )
    assert edited.code == 0 and charges_of(db, person)[0].amount_cents == 100_000
    assert (
        run(
            capsys, db_url, "charges", "suspend", str(b), "--reason", "Negociação em andamento"
        ).code
        == 0
    )
    billed = run(capsys, db_url, "charges", "bill", ids([a, b]), "--method", "per_charge", "--json")
    assert billed.code == 4
    assert billed.outcome(b)["message"] == m.CHARGE_ALREADY_SUSPENDED.format(code=b)
    invoice_id = billed.outcome(a)["new_id"]
    assert invoice(db, invoice_id).amount_cents == 100_000

    removed = run(
        capsys, db_url, "charges", "remove", ids([a, c]), "--justification", "desistiu", "--json"
    )
    assert removed.code == 4
    assert removed.outcome(a)["message"] == m.CHARGE_IN_INVOICE.format(code=a)
    assert charges_of(db, person)[2].status == ChargeStatus.REMOVED

    assert run(capsys, db_url, "charges", "unsuspend", str(b)).code == 0
    again = run(capsys, db_url, "charges", "unsuspend", str(b), "--json")
    assert again.outcome(b)["message"] == m.CHARGE_NOT_SUSPENDED.format(code=b)


def test_all_in_one_and_edit_in_invoice_needs_yes(
    db: Database, db_url: str, actor: Actor, capsys: pytest.CaptureFixture[str]
) -> None:
    person = make_person(db)
    first = run(
        capsys,
        db_url,
        "charges",
        "insert",
        "--person",
        str(person),
        "--description",
        "Consultoria",
        "--value",
        "500",
        "--due-date",
        DUE.isoformat(),
        "--replications",
        "1",
        "--interval-days",
        "7",
        "--json",
    ).json["charge_ids"]
    due = (DUE + timedelta(days=30)).strftime("%d/%m/%Y")
    preview = run(
        capsys,
        db_url,
        "charges",
        "bill",
        ids(first),
        "--method",
        "all_in_one",
        "--due-date",
        due,
        "--description",
        "Consultorias",
        "--dry-run",
        "--json",
    )
    assert preview.code == 0 and all(ch.invoice_id is None for ch in charges_of(db, person))
    one = run(
        capsys,
        db_url,
        "charges",
        "bill",
        ids(first),
        "--method",
        "all_in_one",
        "--due-date",
        due,
        "--description",
        "Consultorias",
        "--json",
    )
    assert one.code == 0
    (new_id,) = {o["new_id"] for o in one.json["outcomes"]}
    made = invoice(db, new_id)
    assert (made.amount_cents, made.description, made.status) == (
        100_000,
        "Consultorias",
        InvoiceStatus.OPEN,
    )
    before = audit_count(db)
    asked = run(capsys, db_url, "charges", "edit", str(first[0]), "--value", "600")
    assert asked.code == 3 and m.CHARGE_EDIT_IN_INVOICE_CONFIRM in asked.err
    assert audit_count(db) == before
    done = run(
        capsys, db_url, "charges", "edit", str(first[0]), "--value", "600", "--yes", "--json"
    )
    assert done.code == 0
    assert invoice(db, done.outcome(first[0])["new_id"]).amount_cents == 110_000


def test_bad_values(db: Database, db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    person = str(make_person(db))
    ran = run(
        capsys,
        db_url,
        "charges",
        "insert",
        "--person",
        person,
        "--description",
        "x",
        "--value",
        "dez reais",
        "--due-date",
        DUE.isoformat(),
    )
    assert ran.code == 2 and ran.err.count("\n") == 1 and "não é um valor" in ran.err
    zero = run(
        capsys,
        db_url,
        "charges",
        "insert",
        "--person",
        person,
        "--description",
        "x",
        "--value",
        "0",
        "--due-date",
        DUE.isoformat(),
    )
    assert zero.code == 2 and m.AMOUNT_NOT_POSITIVE in zero.err
    assert charges_of(db, int(person)) == []


@pytest.mark.parametrize(
    ("description", "value", "expected"),
    [
        ("", "1.234,56", m.DESCRIPTION_REQUIRED),  # not "Informe a justificativa."
        ("   ", "1.234,56", m.DESCRIPTION_REQUIRED),
        ("Consultoria", "-1.234,56", m.AMOUNT_NOT_POSITIVE),  # not argparse's "falta o valor"
        ("Consultoria", "-10", m.AMOUNT_NOT_POSITIVE),
        ("Consultoria", "-0,50", m.AMOUNT_NOT_POSITIVE),
    ],
)
def test_insert_names_the_field_at_fault(
    db: Database,
    db_url: str,
    capsys: pytest.CaptureFixture[str],
    description: str,
    value: str,
    expected: str,
) -> None:
    person = str(make_person(db))
    argv = ["charges", "insert", "--person", person, "--description", description,
            "--value", value, "--due-date", DUE.strftime("%d/%m/%Y")]
    ran = run(capsys, db_url, *argv)
    assert ran.code == 2 and ran.err.count("\n") == 1, ran.err
    assert expected in ran.err and "falta o valor" not in ran.err
    assert m.JUSTIFICATION_REQUIRED not in ran.err
    assert charges_of(db, int(person)) == []
    # `--value=-1.234,56` (one word) said the same already; both spellings now agree.
    if value.startswith("-"):
        joined = [a for a in argv if a not in ("--value", value)] + [f"--value={value}"]
        assert expected in run(capsys, db_url, *joined).err


def test_insert_refusals_carry_the_field(db: Database, actor: Actor) -> None:
    """The window marks the field the refusal names: Descrição, then Valor."""
    from contoffice.errors import InvalidInput
    from contoffice.services.billing import charges

    person = make_person(db)
    for description, cents, field in (("", 100, "Descrição"), ("Consultoria", -123_456, "Valor")):
        data = charges.ChargeInput(person_id=person, description=description,
                                   amount_cents=cents, due_date=DUE)
        with pytest.raises(InvalidInput) as refused:
            charges.insert_charges(db.uow(), actor, data=data)
        assert refused.value.field == field
