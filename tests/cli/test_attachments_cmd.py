"""`contoffice attachments add|list|get|remove`: a binary file in and out, on both backends."""

from __future__ import annotations

from pathlib import Path

import pytest

from contoffice.db.uow import Database
from contoffice.services.kernel.permissions import Actor
from tests.cli.money_support import open_invoices, run
from tests.services.billing_support import make_person


def test_add_list_get_remove(
    db: Database, db_url: str, actor: Actor, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    person = make_person(db)
    (invoice,) = open_invoices(db, actor, 1, person=person)
    source = tmp_path / "contrato social.pdf"
    source.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 100 + b"\x00")
    added = run(
        capsys,
        db_url,
        "attachments",
        "add",
        str(source),
        "--person",
        str(person),
        "--category",
        "Documentos",
        "--json",
    )
    assert added.code == 0, added.err
    first = added.json["attachment_id"]
    receipt = tmp_path / "pix.png"
    receipt.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    second = run(
        capsys,
        db_url,
        "attachments",
        "add",
        str(receipt),
        "--person",
        str(person),
        "--invoice",
        str(invoice),
        "--json",
    ).json["attachment_id"]
    listing = run(capsys, db_url, "attachments", "list", "--person", str(person), "--json")
    assert [
        (a["id"], a["filename"], a["size"], a["invoice_id"]) for a in listing.json["attachments"]
    ] == [
        (second, "pix.png", 10, invoice),
        (first, "contrato social.pdf", source.stat().st_size, None),
    ]
    copy = tmp_path / "copia.pdf"
    got = run(capsys, db_url, "attachments", "get", str(first), "-o", str(copy))
    assert got.code == 0 and copy.read_bytes() == source.read_bytes()
    assert (
        run(
            capsys, db_url, "attachments", "remove", str(first), "--justification", "versão antiga"
        ).code
        == 0
    )
    again = run(capsys, db_url, "attachments", "get", str(first), "-o", str(copy))
    assert again.code == 2 and "não encontrado" in again.err and again.err.count("\n") == 1
    missing = run(
        capsys, db_url, "attachments", "add", str(tmp_path / "nada.pdf"), "--person", str(person)
    )
    assert missing.code == 2 and "Não foi possível ler" in missing.err
