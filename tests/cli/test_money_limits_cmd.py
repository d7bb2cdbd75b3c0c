"""`invoices settle` and `charges insert` under the office's money bounds (issue 15 item 4)."""

from __future__ import annotations

import pytest

from contoffice.db.uow import Database
from contoffice.services.kernel.permissions import Actor
from tests.cli.money_support import audit_count, open_invoices, run
from tests.services.billing_support import make_person


@pytest.mark.parametrize(
    "value", ["92.233.720.368.547.758,07", "1.000.000.000,00", "10.000.000,01", "9" * 40]
)
def test_settle_above_the_ceiling_is_one_line_exit_2(
    db: Database, actor: Actor, db_url: str, capsys: pytest.CaptureFixture[str], value: str
) -> None:
    [invoice_id] = open_invoices(db, actor, 1)
    before = audit_count(db)
    ran = run(capsys, db_url, "invoices", "settle", str(invoice_id), "--value", value,
              "--justification", "pago", "--yes")
    assert ran.code == 2 and ran.out == ""
    assert ran.err.count("\n") == 1 and ran.err.startswith("contoffice: ")
    assert "R$ 10.000.000,00" in ran.err or "dígitos" in ran.err
    assert audit_count(db) == before


def test_settle_above_the_threshold_needs_yes(
    db: Database, actor: Actor, db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    [invoice_id] = open_invoices(db, actor, 1)
    argv = ("invoices", "settle", str(invoice_id), "--value", "250.000,00",
            "--justification", "pago", "--json")
    asked = run(capsys, db_url, *argv)
    assert asked.code == 3 and "R$ 250.000,00" in asked.err and "--yes" in asked.err
    assert asked.out == ""
    done = run(capsys, db_url, *argv, "--yes")
    assert done.code == 0, done.err
    assert done.outcome(invoice_id)["done"]


def test_settle_dated_1900_refused(
    db: Database, actor: Actor, db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    [invoice_id] = open_invoices(db, actor, 1)
    ran = run(capsys, db_url, "invoices", "settle", str(invoice_id), "--date", "01/01/1900",
              "--justification", "pago")
    assert ran.code == 2 and "anterior à fundação do escritório" in ran.err


def test_insert_charge_above_the_threshold_needs_yes(
    db: Database, db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    person = make_person(db)
    argv = ("charges", "insert", "--person", str(person), "--description", "Consultoria",
            "--value", "150.000,00", "--due-date", "10/12/2030", "--json")
    asked = run(capsys, db_url, *argv)
    assert asked.code == 3 and "--yes" in asked.err
    done = run(capsys, db_url, *argv, "--yes")
    assert done.code == 0 and len(done.json["charge_ids"]) == 1
