"""Anexar arquivos / Banco de Imagens: binary round trip, limits, permissions, soft removal."""

from __future__ import annotations

import json
import os

import pytest
from sqlalchemy import select

from contoffice.db.models import Attachment, AuditEvent
from contoffice.db.uow import Database
from contoffice.errors import InvalidInput, NotAllowed, NotFound
from contoffice.services.attachments import files as attachments
from contoffice.services.attachments.files import NewFile
from contoffice.services.kernel.permissions import Actor
from tests.cli.money_support import open_invoices
from tests.services.billing_support import make_contract, make_person, make_profile

BINARY = bytes(range(256)) * 64 + b"\x00\xff\x00" + os.urandom(4096)


def test_binary_round_trip_and_listing(db: Database, actor: Actor) -> None:
    person = make_person(db)
    contract = make_contract(db, actor, person, make_profile(db))
    (invoice,) = open_invoices(db, actor, 1, person=person)
    scan = attachments.attach_file(
        db.uow(),
        actor,
        person_id=person,
        contract_id=contract,
        file=NewFile(BINARY, "C:\\scans\\contrato.pdf", category="Contrato assinado"),
    )
    photo = attachments.attach_file(
        db.uow(),
        actor,
        person_id=person,
        invoice_id=invoice,
        file=NewFile(b"\x89PNG\r\n\x1a\n", "comprovante.png"),
    )
    assert attachments.read_attachment(db.uow(), actor, scan) == ("contrato.pdf", BINARY)
    rows = attachments.list_attachments(db.uow(), actor, person_id=person)
    assert [(r.id, r.filename, r.mime_type, r.size) for r in rows] == [
        (photo, "comprovante.png", "image/png", 8),
        (scan, "contrato.pdf", "application/pdf", len(BINARY)),
    ]
    assert rows[1].category == "Contrato assinado" and rows[1].contract_id == contract
    only = attachments.list_attachments(db.uow(), actor, person_id=person, invoice_id=invoice)
    assert [r.id for r in only] == [photo]
    assert not any(hasattr(r, "content") for r in rows)  # metadata only
    with db.uow() as uow:
        event = uow.session.scalar(
            select(AuditEvent).where(
                AuditEvent.action == "attachment.added", AuditEvent.entity_id == scan
            )
        )
        assert json.loads(event.after)["size"] == len(BINARY)


def test_soft_removal_keeps_who_when_why(db: Database, actor: Actor) -> None:
    person = make_person(db)
    kept = attachments.attach_file(
        db.uow(), actor, person_id=person, file=NewFile(b"abc", "rg.jpg")
    )
    with pytest.raises(InvalidInput):
        attachments.remove_attachment(db.uow(), actor, attachment_id=kept, reason=" ")
    attachments.remove_attachment(db.uow(), actor, attachment_id=kept, reason="duplicado")
    assert attachments.list_attachments(db.uow(), actor, person_id=person) == []
    with pytest.raises(NotFound, match="pode ter sido removido"):
        attachments.read_attachment(db.uow(), actor, kept)
    with pytest.raises(NotAllowed, match="já foi removido"):
        attachments.remove_attachment(db.uow(), actor, attachment_id=kept, reason="de novo")
    with db.uow() as uow:
        row = uow.get(Attachment, kept)
        assert (bytes(row.content), row.removed_by, row.removal_reason) == (
            b"abc",
            actor.id,
            "duplicado",
        )
        assert row.removed_at is not None


def test_limits_and_targets(db: Database, actor: Actor, monkeypatch: pytest.MonkeyPatch) -> None:
    person, other = make_person(db), make_person(db, "Outro")
    monkeypatch.setattr(attachments, "MAX_BYTES", 1024)
    with pytest.raises(InvalidInput, match="o limite é 0 MB") as error:
        attachments.attach_file(
            db.uow(), actor, person_id=person, file=NewFile(b"x" * 1025, "grande.bin")
        )
    assert "grande.bin" in str(error.value)
    with pytest.raises(InvalidInput, match="vazio"):
        attachments.attach_file(db.uow(), actor, person_id=person, file=NewFile(b"", "a.txt"))
    contract = make_contract(db, actor, other, None)
    with pytest.raises(InvalidInput, match=f"não pertence ao cadastro {person}"):
        attachments.attach_file(
            db.uow(), actor, person_id=person, contract_id=contract, file=NewFile(b"1", "a.txt")
        )
    with db.uow() as uow:
        assert uow.session.scalar(select(Attachment.id)) is None


def test_default_limit_message() -> None:
    assert attachments.MAX_BYTES == 20 * 1024 * 1024
    text = attachments.TOO_LARGE.format(name="a.pdf", size=25.0, limit=20)
    assert text == "O arquivo a.pdf tem 25.0 MB; o limite é 20 MB por arquivo."


def test_permissions(db: Database, actor: Actor) -> None:
    person = make_person(db)
    (invoice,) = open_invoices(db, actor, 1, person=person)
    viewer = Actor(
        id=actor.id,
        login="ana",
        name="Ana",
        is_admin=False,
        permissions=frozenset({"contracts.images"}),
    )
    with pytest.raises(NotAllowed, match="Anexar arquivos"):
        attachments.attach_file(db.uow(), viewer, person_id=person, file=NewFile(b"1", "a.txt"))
    on_invoice = attachments.attach_file(
        db.uow(), actor, person_id=person, invoice_id=invoice, file=NewFile(b"1", "a.txt")
    )
    assert attachments.list_attachments(db.uow(), viewer, person_id=person)[0].id == on_invoice
    with pytest.raises(NotAllowed, match="Banco de Imagens"):
        attachments.read_attachment(db.uow(), viewer, on_invoice)
