"""Contas de envio → Gateways de SMS: saving, refusals at the field, and a real test send."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import select

from contoffice.core.secrets import STORE, sms_key
from contoffice.db import models
from contoffice.db.base import Base
from contoffice.db.queries.history.sentences import sentence
from contoffice.db.uow import Database
from contoffice.errors import InvalidInput, NotAllowed
from contoffice.services.kernel.permissions import Actor
from contoffice.services.messaging import gateways
from contoffice.services.messaging.gateways import GatewayInput
from tests.support.http_server import http_server
from tests.support.smtp_server import free_port

FORM_BODY = "to=#telefone#&msg=#mensagem#"


def _gateway(url: str, **changes: object) -> GatewayInput:
    values: dict[str, object] = {
        "name": "Zenvia", "url": url, "method": "post",
        "headers": "Authorization: Bearer #token#\nX-Origem: contoffice",
        "body_template": FORM_BODY, "daily_limit": 500, "per_minute": 30, "is_default": True}
    values.update(changes)
    return GatewayInput(**values)  # type: ignore[arg-type]


def _unique_url(base: str = "http://127.0.0.1:9") -> str:
    """A URL no other test used: the (in-memory) keyring lives as long as the test process."""
    return f"{base}/sms/{uuid.uuid4().hex}"


def _database_text(db: Database) -> str:
    """Every value of every table, as text."""
    chunks: list[str] = []
    with db.engine.connect() as conn:
        for table in Base.metadata.sorted_tables:
            for row in conn.execute(select(table)):
                chunks.extend(str(value) for value in row)
    return "\n".join(chunks)


def test_saved_gateway_keeps_its_token_in_the_keyring_only(db: Database, actor: Actor) -> None:
    url, token = _unique_url(), f"tk-{uuid.uuid4().hex}"
    gateway_id = gateways.save_gateway(db.uow(), actor, _gateway(url), new_token=token)
    assert STORE.get(sms_key(url)) == token
    [row] = gateways.list_gateways(db.uow())
    assert row.id == gateway_id and row.has_token
    assert (row.data.name, row.data.method, row.data.daily_limit) == ("Zenvia", "POST", 500)
    assert row.data.headers.splitlines()[0] == "Authorization: Bearer #token#"
    assert token not in _database_text(db)
    assert uuid.UUID(url.rsplit("/", 1)[1]).hex in _database_text(db)  # the dump does see rows
    with db.uow() as uow:
        event = uow.session.scalars(select(models.AuditEvent).where(
            models.AuditEvent.action == "messaging.gateway_saved")).one()
        assert token not in f"{event.before}{event.after}{event.justification}"
        text = sentence(event.action, event.before, event.after, "Ana")
    assert text.startswith("Gateway de SMS") and "Zenvia" in text and "Ana" in text


def test_edit_keeps_the_token_and_a_new_url_takes_it_along(db: Database, actor: Actor) -> None:
    url, token = _unique_url(), f"tk-{uuid.uuid4().hex}"
    gateway_id = gateways.save_gateway(db.uow(), actor, _gateway(url), new_token=token)
    gateways.save_gateway(db.uow(), actor, _gateway(url, per_minute=5), gateway_id=gateway_id)
    [row] = gateways.list_gateways(db.uow())
    assert row.data.per_minute == 5 and row.has_token and STORE.get(sms_key(url)) == token
    moved = _unique_url()
    gateways.save_gateway(db.uow(), actor, _gateway(moved), gateway_id=gateway_id)
    assert STORE.get(sms_key(moved)) == token
    second = gateways.save_gateway(db.uow(), actor, _gateway(_unique_url(), name="Reserva"))
    rows = {r.id: r for r in gateways.list_gateways(db.uow())}
    assert rows[second].data.is_default and not rows[gateway_id].data.is_default
    assert not rows[second].has_token


@pytest.mark.parametrize(("changes", "field", "words"), [
    ({"url": "ftp://gateway/sms"}, "URL", "Endereço do gateway"),
    ({"method": "DELETE"}, "Método", "Método do gateway"),
    ({"headers": "Authorization Bearer #token#"}, "Cabeçalhos", "linha 1"),
    ({"body_template": "to=#telefone#&msg=#texto#"}, "Corpo", "#texto#"),
    ({"url": "http://gw.example/#numero#"}, "URL", "#numero#"),
    ({"name": "  "}, "Nome", "Informe o nome"),
    ({"per_minute": -1}, "Por minuto", "negativo"),
])
def test_a_refusal_names_its_field(db: Database, actor: Actor, changes: dict[str, object],
                                   field: str, words: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        gateways.save_gateway(db.uow(), actor, _gateway(**{"url": _unique_url(), **changes}))
    assert caught.value.field == field and words in caught.value.message
    assert gateways.list_gateways(db.uow()) == []


def test_name_is_unique_and_the_tool_needs_its_permission(db: Database, actor: Actor) -> None:
    gateways.save_gateway(db.uow(), actor, _gateway(_unique_url()))
    with pytest.raises(InvalidInput) as caught:
        gateways.save_gateway(db.uow(), actor, _gateway(_unique_url(), name="ZENVIA"))
    assert caught.value.field == "Nome" and "Já existe" in caught.value.message
    clerk = Actor(id=actor.id, login="bia", name="Bia", permissions=frozenset({"messages.send"}))
    with pytest.raises(NotAllowed):
        gateways.save_gateway(db.uow(), clerk, _gateway(_unique_url(), name="Outro"))
    [row] = gateways.list_gateways(db.uow())
    with pytest.raises(NotAllowed):
        gateways.test_gateway(db, clerk, row.id, "11987654321")
    assert len(gateways.list_gateways(db.uow())) == 1


def test_test_send_reaches_the_gateway(db: Database, actor: Actor) -> None:
    token = f"tk/{uuid.uuid4().hex}"
    with http_server(responses=[(500, "x"), (200, "ok")]) as server:
        url = _unique_url(server.url) + "?key=#token#"
        gateway_id = gateways.save_gateway(db.uow(), actor, _gateway(url), new_token=token)
        with pytest.raises(NotAllowed) as caught:
            gateways.test_gateway(db, actor, gateway_id, "(11) 98765-4321")
        assert "500" in caught.value.message and token not in caught.value.message
        outcome = gateways.test_gateway(db, actor, gateway_id, "(11) 98765-4321")
        assert outcome == ("O gateway de SMS Zenvia aceitou a mensagem de teste para "
                           "(11) 98765-4321 (resposta 200).")
    assert len(server.requests) == 2
    request = server.requests[1]
    assert request.method == "POST" and request.params == {"key": token}
    assert request.headers["authorization"] == f"Bearer {token}"
    assert request.form() == {"to": "5511987654321",
                              "msg": "Teste do gateway de SMS Zenvia pelo contoffice."}
    assert token not in _database_text(db)


def test_test_send_without_a_stored_token_is_refused(db: Database, actor: Actor) -> None:
    with http_server() as server:
        gateway_id = gateways.save_gateway(db.uow(), actor, _gateway(_unique_url(server.url)))
        with pytest.raises(NotAllowed) as caught:
            gateways.test_gateway(db, actor, gateway_id, "11987654321")
        with pytest.raises(InvalidInput):
            gateways.test_gateway(db, actor, gateway_id, " ")
    assert "token do gateway de SMS Zenvia não está guardado" in caught.value.message
    assert server.requests == []


def test_a_down_gateway_is_said_in_portuguese(db: Database, actor: Actor) -> None:
    url = _unique_url(f"http://127.0.0.1:{free_port()}")
    gateway_id = gateways.save_gateway(db.uow(), actor, _gateway(url), new_token="abc")
    with pytest.raises(NotAllowed) as caught:
        gateways.test_gateway(db, actor, gateway_id, "11987654321")
    assert "Não foi possível conectar ao gateway de SMS" in caught.value.message
