"""SMS through an HTTP gateway on 127.0.0.1: the same outbox, retries and log as e-mail."""

from __future__ import annotations

from sqlalchemy import select

from contoffice.core.message_vocab import MessageChannel, MessageStatus
from contoffice.core.secrets import STORE, sms_key
from contoffice.db.models import Invoice, OutboundMessage, Person, SmsGateway
from contoffice.db.uow import Database
from contoffice.services.kernel.permissions import Actor
from contoffice.services.messaging import dispatch, mass
from tests.services.messaging.support import NO_WAIT, billed_office
from tests.support.http_server import http_server

TOKEN = "tok-SEGREDO-sms-987"


def _gateway(db: Database, url: str) -> int:
    with db.uow() as uow:
        row = SmsGateway(name="Gateway", url=f"{url}/v1/sms", method="POST",
                         headers="Authorization: Bearer #token#\nContent-Type: application/json",
                         body_template='{"to": "#telefone#", "text": "#mensagem#"}',
                         is_default=True)
        uow.session.add(row)
        uow.commit()
        STORE.put(sms_key(row.url), TOKEN)
        return row.id


def test_a_gateway_500_is_retried_and_then_the_sms_goes(db: Database, actor: Actor) -> None:
    ids = billed_office(db, actor, 2)
    with db.uow() as uow:
        people = [uow.session.get(Person, uow.session.get(Invoice, i).person_id) for i in ids]
        people[0].mobile = "11987654321"
        people[1].mobile = ""  # skipped: no mobile
        uow.commit()
    with http_server(responses=[(500, "indisponível"), (200, '{"ok": true}')]) as server:
        _gateway(db, server.url)
        plan = mass.plan_batch(db.uow(), actor, mass.Selection(invoice_ids=tuple(ids)),
                               channel=MessageChannel.SMS)
        assert [line.reason for line in plan.skipped] == ["Cliente sem celular cadastrado."]
        batch_id = mass.queue_batch(db, actor, plan)
        report = dispatch.send_queued(db, actor, batch_id=batch_id, pace=NO_WAIT)
        requests = list(server.requests)
    assert (report.sent, report.failed) == (1, 0)
    assert len(requests) == 2  # the 500, then the retry that went through
    sent = requests[-1]
    assert sent.headers["authorization"] == f"Bearer {TOKEN}"
    payload = sent.json()
    assert payload["to"] == "5511987654321"
    assert f"fatura {ids[0]}" in payload["text"] and "R$ 5" in payload["text"]
    with db.uow() as uow:
        row = uow.session.scalars(select(OutboundMessage)).one()
        assert row.status is MessageStatus.SENT and row.attempts == 1
        assert row.destination == "11987654321"


def test_a_gateway_that_keeps_failing_is_logged_with_its_reason(
    db: Database, actor: Actor
) -> None:
    ids = billed_office(db, actor, 1)
    with db.uow() as uow:
        uow.session.get(Person, uow.session.get(Invoice, ids[0]).person_id).mobile = "1133335555"
        uow.commit()
    with http_server(responses=[(500, f"falhou {TOKEN}")] * 5) as server:
        _gateway(db, server.url)
        plan = mass.plan_batch(db.uow(), actor, mass.Selection(invoice_ids=tuple(ids)),
                               channel=MessageChannel.SMS)
        report = dispatch.send_queued(db, actor, batch_id=mass.queue_batch(db, actor, plan),
                                      pace=NO_WAIT)
    assert report.failed == 1
    with db.uow() as uow:
        row = uow.session.scalars(select(OutboundMessage)).one()
    assert row.status is MessageStatus.FAILED
    assert row.last_error.startswith("O gateway de SMS respondeu 500")
    assert "tentou 3 vezes" in row.last_error and TOKEN not in row.last_error
