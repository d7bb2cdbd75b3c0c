"""`contracts change-general|grouping|cancellations|retention|resolve`, `invoices alter-charge`."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from contoffice.db.models import Charge, Contract
from contoffice.db.uow import Database
from contoffice.services.contracts import status as contract_status
from contoffice.services.kernel import messages as m
from contoffice.services.kernel.permissions import Actor
from tests.cli.money_support import ids, open_invoices, run
from tests.services.billing_support import make_contract, make_person


def _contract(db: Database, contract_id: int) -> Contract:
    with db.uow() as uow:
        row = uow.get(Contract, contract_id)
        uow.session.expunge(row)
        return row


def test_change_general_and_grouping(
    db: Database, db_url: str, actor: Actor, capsys: pytest.CaptureFixture[str]
) -> None:
    person = make_person(db)
    first, second = (make_contract(db, actor, person, None) for _ in range(2))
    missing = run(capsys, db_url, "contracts", "change-general", str(first), "--grouping", "A")
    assert missing.code == 2 and missing.err.count("\n") == 1  # the justification is required
    changed = run(
        capsys, db_url, "contracts", "change-general", ids([first, second]),
        "--description", "Matriz", "--grouping", "Filiais", "--justification", "pedido",
        "--json",
    )  # fmt: skip
    assert changed.code == 0, changed.err
    assert [o["done"] for o in changed.json["outcomes"]] == [True, True]
    assert (_contract(db, first).description, _contract(db, first).grouping) == (
        "Matriz",
        "Filiais",
    )
    grouped = run(capsys, db_url, "contracts", "grouping", str(second), "--name", "Sul", "--json")
    assert grouped.code == 0 and grouped.json["outcomes"][0]["id"] == second
    assert _contract(db, second).grouping == "Sul"
    unknown = run(capsys, db_url, "contracts", "grouping", "999999", "--name", "Sul", "--json")
    # every id names nothing: bad input (exit 2, one line), not a refused row
    assert unknown.code == 2 and "Contrato 999999 não encontrado" in unknown.err


def test_cancellation_manager(
    db: Database, db_url: str, actor: Actor, capsys: pytest.CaptureFixture[str]
) -> None:
    person = make_person(db)
    kept, cancelled = (make_contract(db, actor, person, None) for _ in range(2))
    contract_status.request_cancellation(
        db.uow(), actor, contract_ids=[kept, cancelled], reason="mudou de contador"
    )
    listing = run(capsys, db_url, "contracts", "cancellations", "--json")
    assert listing.code == 0
    requests = {r["contract_id"]: r for r in listing.json["requests"]}
    assert set(requests) == {kept, cancelled}
    assert requests[kept]["reason"] == "mudou de contador" and requests[kept]["status"] == "open"
    keep_id, cancel_id = requests[kept]["id"], requests[cancelled]["id"]

    retention = run(
        capsys, db_url, "contracts", "retention", str(keep_id), "--notes", "desconto", "--json"
    )
    assert retention.code == 0 and retention.json["request_id"] == keep_id
    no_notes = run(capsys, db_url, "contracts", "retention", str(keep_id), "--notes", " ")
    assert no_notes.code == 2 and no_notes.err.count("\n") == 1

    both = run(
        capsys, db_url, "contracts", "resolve", str(keep_id), "--keep", "--cancel", "--notes", "x"
    )
    assert both.code == 2 and both.err.count("\n") == 1
    resolved = run(
        capsys, db_url, "contracts", "resolve", str(keep_id), "--keep", "--notes", "ficou",
        "--json",
    )  # fmt: skip
    assert resolved.code == 0 and resolved.json["outcomes"][0]["done"] is True
    again = run(
        capsys, db_url, "contracts", "resolve", ids([keep_id, cancel_id]), "--cancel",
        "--notes", "saiu", "--json",
    )  # fmt: skip
    assert again.code == 4
    assert again.outcome(keep_id)["message"] == m.CANCELLATION_REQUEST_CLOSED.format(code=keep_id)
    assert again.outcome(cancel_id)["done"] is True
    assert _contract(db, kept).status == "active"
    assert _contract(db, cancelled).status == "cancelled"
    left = run(capsys, db_url, "contracts", "cancellations", "--json")
    assert left.json["requests"] == []
    closed = run(capsys, db_url, "contracts", "retention", str(keep_id), "--notes", "tarde")
    assert closed.code == 2
    assert closed.err == f"contoffice: {m.CANCELLATION_REQUEST_CLOSED.format(code=keep_id)}\n"


def test_alter_charge_of_an_invoice(
    db: Database, db_url: str, actor: Actor, capsys: pytest.CaptureFixture[str]
) -> None:
    person = make_person(db)
    first, second = open_invoices(db, actor, 2, person=person)
    with db.uow() as uow:
        charge = uow.session.scalar(select(Charge.id).where(Charge.invoice_id == first))
    described = run(
        capsys, db_url, "invoices", "alter-charge", str(first), "--charge", str(charge),
        "--description", "Honorários de março", "--justification", "texto", "--json",
    )  # fmt: skip
    assert described.code == 0, described.err
    assert described.outcome(first)["new_id"] is None
    asks = run(
        capsys, db_url, "invoices", "alter-charge", str(first), "--charge", str(charge),
        "--value", "100,00", "--justification", "desconto",
    )  # fmt: skip
    assert asks.code == 3 and "--yes" in asks.err and asks.err.count("\n") == 1
    reissued = run(
        capsys, db_url, "invoices", "alter-charge", str(first), "--charge", str(charge),
        "--value", "100,00", "--justification", "desconto", "--yes", "--json",
    )  # fmt: skip
    assert reissued.code == 0, reissued.err
    assert reissued.outcome(first)["new_id"] not in (None, first)
    wrong = run(
        capsys, db_url, "invoices", "alter-charge", str(second), "--charge", str(charge),
        "--description", "x", "--justification", "y", "--json",
    )  # fmt: skip
    assert wrong.code == 4
    assert wrong.outcome(second)["message"] == (f"A Conta {charge} não pertence à fatura {second}.")
    bad = run(capsys, db_url, "invoices", "alter-charge", "dez", "--charge", str(charge))
    assert bad.code == 2 and bad.err.count("\n") == 1 and bad.out == ""
