"""`contoffice mail …` on both backends against a real SMTP server on 127.0.0.1."""

from __future__ import annotations

import pytest

from contoffice.core.secrets import STORE, smtp_key
from contoffice.db.models import Invoice, Person
from contoffice.db.uow import Database
from contoffice.services.kernel.permissions import Actor
from tests.cli.money_support import run
from tests.services.messaging.support import billed_office
from tests.support import smtp_server as local


def _add(capsys: pytest.CaptureFixture[str], db_url: str, port: int,
         monkeypatch: pytest.MonkeyPatch, password: str = local.PASSWORD) -> None:
    monkeypatch.setenv("CONTOFFICE_SMTP_PASSWORD", password)
    added = run(capsys, db_url, "mail", "account", "add", "--name", "Cobrança", "--host",
                local.HOST, "--port", str(port), "--plain", "--user", local.USER, "--sender",
                "cobranca@escritorio.com.br", "--sender-name", "Escritório", "--default",
                "--json")
    assert added.code == 0, added.err
    assert added.json["password_in_keyring"] is True


def test_account_send_batch_and_log(
    db: Database, db_url: str, actor: Actor, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = billed_office(db, actor, 4)
    with db.uow() as uow:
        no_mail = uow.session.get(Person, uow.session.get(Invoice, ids[3]).person_id)
        no_mail.email = ""
        person_id = uow.session.get(Invoice, ids[0]).person_id
        uow.commit()
    with local.smtp_server() as server:
        _add(capsys, db_url, server.port, monkeypatch)
        assert STORE.get(smtp_key(local.USER, local.HOST)) == local.PASSWORD
        listed = run(capsys, db_url, "mail", "account", "list", "--json")
        assert listed.json[0]["has_password"] and local.PASSWORD not in listed.out
        tested = run(capsys, db_url, "mail", "account", "test", "Cobrança", "--to",
                     "ana@escritorio.com.br")
        assert tested.code == 0 and "ana@escritorio.com.br" in tested.out
        assert server.received[-1].message["To"] == "ana@escritorio.com.br"

        dry = run(capsys, db_url, "mail", "send", "--invoices", str(ids[0]), "--dry-run",
                  "--json")
        assert dry.code == 0 and len(dry.json["messages"]) == 1 and len(server.received) == 1
        sent = run(capsys, db_url, "mail", "send", "--invoices", str(ids[0]), "--json")
        assert sent.code == 0 and sent.json["sent"] == 1
        assert server.received[-1].message["Subject"].startswith(f"Boleto da fatura {ids[0]}")

        batch = run(capsys, db_url, "mail", "batch", "--competence", "2026-12", "--json")
        assert batch.json["sent"] == 3 and batch.code == 0
        assert [s["reason"] for s in batch.json["skipped"]] == ["Cliente sem e-mail cadastrado."]
        assert len(server.received) == 5

    log = run(capsys, db_url, "mail", "log", "--person", str(person_id), "--json")
    assert [m["status_label"] for m in log.json] == ["Enviada", "Enviada"]
    assert log.json[0]["attachments"] == f"boleto-fatura-{ids[0]}.pdf"
    everything = run(capsys, db_url, "mail", "log", "--json")
    assert len(everything.json) == 4


def test_a_wrong_password_and_a_server_down_are_clear_lines(
    db: Database, db_url: str, actor: Actor, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = billed_office(db, actor, 1)
    with local.smtp_server() as server:
        _add(capsys, db_url, server.port, monkeypatch, password="errada")
        tested = run(capsys, db_url, "mail", "account", "test", "Cobrança")
        assert tested.code == 2 and "recusou o usuário ou a senha" in tested.err
        assert "errada" not in tested.err + tested.out
        sent = run(capsys, db_url, "mail", "send", "--invoices", str(ids[0]))
    assert sent.code == 1 and "recusou o usuário ou a senha" in sent.out
    down = run(capsys, db_url, "mail", "account", "test", "Cobrança")
    assert down.code == 2 and "Não foi possível conectar a 127.0.0.1" in down.err
    unknown = run(capsys, db_url, "mail", "send", "--invoices", str(ids[0]), "--account",
                  "Outra")
    assert unknown.code == 2 and "Conta de envio Outra não encontrada." in unknown.err
    no_gateway = run(capsys, db_url, "mail", "send", "--invoices", str(ids[0]), "--sms")
    assert no_gateway.code == 2 and "Nenhum gateway de SMS cadastrado." in no_gateway.err
