"""`contoffice invoices settle|reverse|alter|remove|suspend|…`: the JSON contract and exit codes."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date, timedelta

import pytest

from contoffice.core.vocab import InvoiceStatus
from contoffice.db.uow import Database
from contoffice.services.kernel import messages as m
from contoffice.services.kernel.permissions import Actor
from tests.cli.money_support import audit_count, ids, open_invoices, run
from tests.services.billing_support import cash_account, invoice


def test_settle_json_contract_and_refusal_exit_4(
    db: Database, db_url: str, actor: Actor, capsys: pytest.CaptureFixture[str]
) -> None:
    first, second = open_invoices(db, actor, 2)
    done = run(
        capsys,
        db_url,
        "invoices",
        "settle",
        str(first),
        "--value",
        "1.000,00",
        "--justification",
        "pago no balcão",
        "--json",
    )
    assert done.code == 0, done.err
    assert done.json == {
        "dry_run": False,
        "outcomes": [{"id": first, "done": True, "message": None, "warning": None, "new_id": None}],
    }
    settled = invoice(db, first)
    assert (settled.status, settled.paid_cents, settled.amount_cents) == (
        InvoiceStatus.SETTLED,
        100_000,
        100_000,
    )  # over-payment → acréscimo conta
    again = run(
        capsys,
        db_url,
        "invoices",
        "settle",
        ids([first, second]),
        "--justification",
        "lote",
        "--json",
    )
    assert again.code == 4
    assert again.outcome(first) == {
        "id": first,
        "done": False,
        "warning": None,
        "new_id": None,
        "message": m.INVOICE_ALREADY_SETTLED.format(code=first),
    }
    assert again.outcome(second)["done"] is True
    assert invoice(db, second).status == InvoiceStatus.SETTLED


def test_settle_partial_and_text_output(
    db: Database, db_url: str, actor: Actor, capsys: pytest.CaptureFixture[str]
) -> None:
    (inv,) = open_invoices(db, actor, 1)
    ran = run(
        capsys,
        db_url,
        "invoices",
        "settle",
        str(inv),
        "--partial",
        "--value",
        "300",
        "--date",
        (date.today() - timedelta(days=3)).strftime("%d/%m/%Y"),
        "--justification",
        "parcial",
    )
    assert ran.code == 0 and f"{inv:>8}  ok" in ran.out
    row = invoice(db, inv)
    assert (row.status, row.paid_cents) == (InvoiceStatus.PARTIAL, 30_000)


def test_dry_run_writes_nothing(
    db: Database, db_url: str, actor: Actor, capsys: pytest.CaptureFixture[str]
) -> None:
    invs = open_invoices(db, actor, 2)
    before = audit_count(db)
    ran = run(
        capsys,
        db_url,
        "invoices",
        "settle",
        ids(invs),
        "--justification",
        "x",
        "--dry-run",
        "--json",
    )
    assert ran.code == 0 and ran.json["dry_run"] is True
    assert [o["done"] for o in ran.json["outcomes"]] == [True, True]
    assert all(invoice(db, i).status == InvoiceStatus.OPEN for i in invs)
    assert audit_count(db) == before
    preview = run(
        capsys, db_url, "invoices", "remove", ids(invs), "--justification", "x", "--dry-run"
    )
    assert preview.code == 0 and preview.out.startswith("Prévia: nada foi gravado.")
    assert all(invoice(db, i).status == InvoiceStatus.OPEN for i in invs)


def test_reissue_needs_yes(
    db: Database, db_url: str, actor: Actor, capsys: pytest.CaptureFixture[str]
) -> None:
    (inv,) = open_invoices(db, actor, 1)
    new_due = (date.today() + timedelta(days=40)).isoformat()
    asked = run(
        capsys,
        db_url,
        "invoices",
        "alter",
        str(inv),
        "--due-date",
        new_due,
        "--surcharge",
        "12,50",
        "--justification",
        "cliente pediu",
        "--json",
    )
    assert asked.code == 3 and asked.out == ""
    assert m.REISSUE_WARNING.format(codes=inv) in asked.err
    assert invoice(db, inv).status == InvoiceStatus.OPEN
    done = run(
        capsys,
        db_url,
        "invoices",
        "alter",
        str(inv),
        "--due-date",
        new_due,
        "--surcharge",
        "12,50",
        "--justification",
        "cliente pediu",
        "--yes",
        "--json",
    )
    assert done.code == 0, done.err
    new_id = done.outcome(inv)["new_id"]
    assert new_id and invoice(db, inv).status == InvoiceStatus.REMOVED
    new = invoice(db, new_id)
    assert (new.due_date.isoformat(), new.amount_cents, new.replaces_id) == (
        new_due,
        93_500 + 1_250,
        inv,
    )
    extra = run(
        capsys,
        db_url,
        "invoices",
        "add-charge",
        str(new_id),
        "--description",
        "Certidão",
        "--value",
        "1.234,56",
        "--justification",
        "pedido",
        "--yes",
        "--json",
    )
    assert extra.code == 0 and invoice(db, extra.outcome(new_id)["new_id"]).amount_cents == (
        93_500 + 1_250 + 123_456
    )


def test_alter_value_description_discount_marks(
    db: Database, db_url: str, actor: Actor, capsys: pytest.CaptureFixture[str]
) -> None:
    a, b = open_invoices(db, actor, 2)
    value = run(
        capsys,
        db_url,
        "invoices",
        "alter",
        str(a),
        "--value",
        "1000",
        "--justification",
        "reajuste",
        "--yes",
        "--json",
    )
    assert value.code == 0 and invoice(db, value.outcome(a)["new_id"]).amount_cents == 100_000
    text = run(
        capsys,
        db_url,
        "invoices",
        "alter",
        str(b),
        "--description",
        "Honorários 11/2026",
        "--justification",
        "texto",
    )
    assert text.code == 0 and invoice(db, b).description == "Honorários 11/2026"
    discount = run(
        capsys,
        db_url,
        "invoices",
        "alter",
        str(b),
        "--discount",
        "50,00",
        "--discount-until",
        invoice(db, b).due_date.strftime("%d/%m/%Y"),
        "--instruction",
        "Não receber após 30 dias",
        "--justification",
        "desconto",
    )
    assert discount.code == 0 and invoice(db, b).discount_cents == 5_000
    unmark = run(
        capsys,
        db_url,
        "invoices",
        "alter",
        str(b),
        "--unmark-transmitted",
        "--justification",
        "x",
        "--json",
    )
    assert unmark.code == 4
    assert unmark.outcome(b)["message"] == m.INVOICE_NO_REMITTANCE.format(code=b)


def test_reverse_remove_suspend_comment_spc_baixa(
    db: Database, db_url: str, actor: Actor, capsys: pytest.CaptureFixture[str]
) -> None:
    a, b, c = open_invoices(db, actor, 3)
    assert run(capsys, db_url, "invoices", "settle", str(a), "--justification", "ok").code == 0
    caixa = cash_account(db)
    back = run(
        capsys,
        db_url,
        "invoices",
        "reverse",
        ids([a, b]),
        "--cash-account",
        str(caixa),
        "--justification",
        "cheque devolvido",
        "--json",
    )
    assert back.code == 4 and back.outcome(a)["done"]
    assert back.outcome(b)["message"] == m.REVERSAL_NOT_SETTLED.format(code=b)
    assert invoice(db, a).status == InvoiceStatus.OPEN
    closed = cash_account(db, active=False, name="Cofre antigo")
    bad = run(
        capsys,
        db_url,
        "invoices",
        "reverse",
        str(a),
        "--cash-account",
        str(closed),
        "--justification",
        "x",
    )
    assert bad.code == 2 and bad.err == (
        "contoffice: " + m.CASH_ACCOUNT_INACTIVE.format(name="Cofre antigo") + "\n"
    )

    suspend = run(
        capsys,
        db_url,
        "invoices",
        "suspend",
        ids([b, b]),
        "--reason",
        "Pedido do cliente",
        "--notes",
        "viagem",
        "--json",
    )
    assert suspend.code == 0 and invoice(db, b).status == InvoiceStatus.SUSPENDED
    twice = run(
        capsys, db_url, "invoices", "suspend", str(b), "--reason", "Pedido do cliente", "--json"
    )
    assert twice.code == 4
    assert twice.outcome(b)["message"] == m.INVOICE_ALREADY_SUSPENDED.format(code=b)
    assert run(capsys, db_url, "invoices", "unsuspend", str(b)).code == 0

    asked = run(capsys, db_url, "invoices", "comment", str(c), "--text", "ligar sexta")
    assert asked.code == 3 and "Confirma a inserção desse comentário?" in asked.err
    assert (
        run(capsys, db_url, "invoices", "comment", str(c), "--text", "ligar sexta", "--yes").code
        == 0
    )
    history = run(capsys, db_url, "invoices", "history", str(c), "--json")
    assert history.code == 0
    comments = [h for h in history.json["history"] if h["kind"] == "comment"]
    assert [(h["label"], h["text"]) for h in comments] == [
        ("Comentário", f"Comentário de {comments[0]['operator']}: ligar sexta")]

    assert run(capsys, db_url, "invoices", "spc", str(c), "--add").code == 0
    again = run(capsys, db_url, "invoices", "spc", str(c), "--add", "--json")
    assert again.code == 4
    assert again.outcome(c)["message"] == m.INVOICE_ALREADY_IN_SPC.format(code=c)
    assert run(capsys, db_url, "invoices", "baixa", str(c)).code == 0
    assert invoice(db, c).baixa_requested

    removed = run(
        capsys,
        db_url,
        "invoices",
        "remove",
        ids([a, c]),
        "--also-charges",
        "--justification",
        "cancelado",
        "--json",
    )
    assert removed.code == 0
    assert {invoice(db, a).status, invoice(db, c).status} == {InvoiceStatus.REMOVED}


@pytest.mark.parametrize(
    "argv, field",
    [
        (["settle", "1", "--value", "12,345"], "duas casas"),
        (["settle", "1,x"], "Lista de códigos inválida"),
        (["settle", "1", "--date", "31/02/2026"], "Data de liquidação"),
        (["alter", "1", "--value", "10", "--surcharge", "1"], "--surcharge"),
    ],
)
def test_bad_input_is_one_line(
    db_url: str, capsys: pytest.CaptureFixture[str], argv: list[str], field: str
) -> None:
    ran = run(capsys, db_url, "invoices", *argv, "--justification", "x")
    assert ran.code == 2 and ran.out == ""
    assert ran.err.startswith("contoffice: ") and ran.err.count("\n") == 1
    assert "Traceback" not in ran.err


def test_one_real_process(db: Database, db_url: str, actor: Actor) -> None:
    """The console entry point, as a script calls it: exit 4 and the JSON on stdout."""
    first, second = open_invoices(db, actor, 2)
    from contoffice.services.settlements import settle as settlements

    settlements.settle_invoices(
        db.uow(),
        actor,
        invoice_ids=[first],
        method="other",
        settled_on=date.today(),
        justification="x",
    )
    env = {**os.environ, "CONTOFFICE_DATABASE_URL": db_url}
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "contoffice",
            "invoices",
            "settle",
            ids([first, second]),
            "--justification",
            "lote noturno",
            "--json",
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 4, done.stderr
    import json

    outcomes = json.loads(done.stdout)["outcomes"]
    assert [(o["id"], o["done"]) for o in outcomes] == [(first, False), (second, True)]
    assert outcomes[0]["message"] == m.INVOICE_ALREADY_SETTLED.format(code=first)
