"""An unknown id: exit 2, one pt-BR line naming the thing in its gender, nothing written.

An empty list, an empty history or an empty spreadsheet is what an existing record
with nothing in it looks like; an id that names nothing is said so.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from contoffice.cli import common
from contoffice.core.messages import not_found
from contoffice.db.uow import Database
from contoffice.services.kernel.permissions import Actor
from contoffice.services.kernel.results import RowOutcome
from tests.cli.money_support import Ran, audit_count, open_invoices, run
from tests.services.billing_support import make_person

UNKNOWN = 999_999
INVOICE = f"Fatura {UNKNOWN} não encontrada"
PERSON = f"Cadastro {UNKNOWN} não encontrado"


def _said(ran: Ran, start: str) -> None:
    """Exit 2, nothing on stdout, one pt-BR line on stderr that starts with `start`."""
    assert ran.code == 2, (ran.code, ran.out, ran.err)
    assert ran.out == ""
    assert ran.err.startswith(f"contoffice: {start}") and ran.err.count("\n") == 1, ran.err


@pytest.fixture
def out(tmp_path: Path) -> Path:
    """An empty folder for the output (the SQLite file lives in tmp_path itself)."""
    folder = tmp_path / "saida"
    folder.mkdir()
    return folder


def _nothing_in(folder: Path) -> None:
    assert list(folder.iterdir()) == []  # no file, no half-written temporary either


@pytest.mark.parametrize(
    ("argv", "start"),
    [
        (("invoices", "history", str(UNKNOWN)), INVOICE),
        (("invoices", "history", str(UNKNOWN), "--json"), INVOICE),
        (("invoices", "list", "--person", str(UNKNOWN)), PERSON),
        (("invoices", "list", "--person", str(UNKNOWN), "--json"), PERSON),
        (("contracts", "list", "--person", str(UNKNOWN)), PERSON),
        (("charges", "list", "--person", str(UNKNOWN)), PERSON),
        (("attachments", "list", "--person", str(UNKNOWN)), PERSON),
    ],
)
def test_reads_of_an_unknown_id(
    db_url: str, capsys: pytest.CaptureFixture[str], argv: tuple[str, ...], start: str
) -> None:
    _said(run(capsys, db_url, *argv), start)


def test_an_existing_record_with_nothing_in_it_is_no_error(
    db: Database, db_url: str, actor: Actor, capsys: pytest.CaptureFixture[str]
) -> None:
    person = make_person(db)
    listed = run(capsys, db_url, "invoices", "list", "--person", str(person), "--json")
    assert listed.code == 0 and listed.json["total"] == 0, listed.err
    (found,) = open_invoices(db, actor, 1, person=person)
    ran = run(capsys, db_url, "invoices", "history", str(found), "--json")
    assert ran.code == 0 and ran.json["invoice_id"] == found, ran.err


def test_export_of_an_unknown_client_writes_no_file(
    db: Database, db_url: str, out: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    audits = audit_count(db)
    ran = run(capsys, db_url, "export", "client.receivable", "--person", str(UNKNOWN),
              "-o", str(out / "faturas.xlsx"))
    _said(ran, PERSON)
    _nothing_in(out)
    assert audit_count(db) == audits


def test_boleto_of_an_unknown_invoice_writes_no_file(
    db: Database, db_url: str, out: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ran = run(capsys, db_url, "boleto", "pdf", "--invoices", str(UNKNOWN),
              "-o", str(out / "boleto.pdf"))
    _said(ran, INVOICE)
    _nothing_in(out)


def test_an_unknown_attachment_writes_no_file(
    db_url: str, out: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ran = run(capsys, db_url, "attachments", "get", str(UNKNOWN), "-o", str(out / "a.pdf"))
    _said(ran, f"Anexo {UNKNOWN} não encontrado")
    _nothing_in(out)


def test_a_mass_tool_with_some_unknown_ids_answers_per_row(
    db: Database, db_url: str, actor: Actor, capsys: pytest.CaptureFixture[str]
) -> None:
    (known,) = open_invoices(db, actor, 1)
    ran = run(capsys, db_url, "invoices", "settle", f"{known},{UNKNOWN}", "--method", "other",
              "--justification", "lote", "--yes", "--json")
    assert ran.code == 4, ran.err
    assert ran.outcome(UNKNOWN)["message"] == not_found("Fatura", UNKNOWN)
    assert ran.outcome(known)["done"] is True


@pytest.mark.parametrize("ids", [str(UNKNOWN), f"{UNKNOWN - 1},{UNKNOWN}"])
def test_a_mass_tool_where_every_id_is_unknown_is_bad_input(
    db: Database, db_url: str, capsys: pytest.CaptureFixture[str], ids: str
) -> None:
    audits = audit_count(db)
    for dry_run in ((), ("--dry-run",)):
        ran = run(capsys, db_url, "invoices", "settle", ids, "--method", "other",
                  "--justification", "lote", "--yes", *dry_run)
        _said(ran, "Fatura" if "," not in ids else "Faturas")
        assert "não encontrad" in ran.err
    assert audit_count(db) == audits


def _refused(row_id: int, what: str) -> RowOutcome:
    return RowOutcome(row_id, False, not_found(what, row_id))


def test_unknown_rows_names_them_in_their_gender() -> None:
    assert common.unknown_rows([_refused(7, "Fatura")]) == not_found("Fatura", 7)
    assert common.unknown_rows([_refused(7, "Fatura"), _refused(8, "Fatura")]) == (
        "Faturas 7, 8 não encontradas.")
    assert common.unknown_rows([_refused(7, "Cadastro"), _refused(8, "Cadastro")]) == (
        "Cadastros 7, 8 não encontrados.")
    mixed = common.unknown_rows([_refused(7, "Fatura"), _refused(8, "Conta a pagar")])
    assert mixed is not None and mixed.count("\n") == 0 and "Conta a pagar 8" in mixed


def test_unknown_rows_leaves_real_refusals_alone() -> None:
    assert common.unknown_rows([]) is None
    assert common.unknown_rows([_refused(7, "Fatura"), RowOutcome(8, True)]) is None
    assert common.unknown_rows([_refused(7, "Fatura"),
                                RowOutcome(8, False, "A Fatura 8 já está liquidada")]) is None
    # The id in the message must be the row's own.
    assert common.unknown_rows([RowOutcome(8, False, not_found("Fatura", 7))]) is None
