"""Registering people: every field checked, duplicates refused, stale edits refused, audited."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from sqlalchemy import select

from contoffice.db.models import AuditEvent, Person
from contoffice.db.uow import Database
from contoffice.errors import InvalidInput, NotAllowed, Stale
from contoffice.services.kernel.permissions import Actor
from contoffice.services.people import records as people

PADARIA = people.PersonInput(
    kind="PJ",
    name="  Padaria   Pão Quente Ltda ",
    trade_name="Pão Quente",
    document="12.abc.345/01de-35",
    email="Contato@PaoQuente.com.BR",
    phone="(11) 3456-7890",
    postal_code="01310-100",
    city="São Paulo",
    state="sp",
    district="Bela Vista",
    street="Avenida Paulista",
    number="1000",
    city_ibge_code="3550308",
)


def test_create_normalises_and_audits(db: Database, actor: Actor) -> None:
    with db.uow() as uow:
        pid = people.create_person(uow, actor, PADARIA)
    with db.uow() as uow:
        person = uow.get(Person, pid)
        assert person.name == "Padaria Pão Quente Ltda"
        assert person.document == "12ABC34501DE35"
        assert person.postal_code == "01310100"
        assert person.state == "SP"
        assert person.name_key == "padaria pao quente ltda"
        event = uow.session.scalar(select(AuditEvent).where(AuditEvent.entity_id == pid))
        assert event.action == "person.created"
        assert event.operator_id == actor.id
        assert json.loads(event.after)["document"] == "12ABC34501DE35"


@pytest.mark.parametrize(
    ("change", "field", "fragment"),
    [
        ({"document": "12.ABC.345/01DE-36"}, "CNPJ", "CNPJ"),
        ({"kind": "PF", "document": "123.456.789-00"}, "CPF", "CPF"),
        ({"kind": "PF", "document": ""}, "CPF", "obrigatório"),
        ({"name": "   "}, "Nome", "Nome"),
        ({"postal_code": "1234"}, "CEP", "CEP"),
        ({"email": "sem-arroba"}, "E-mail", "E-mail"),
        ({"phone": "12"}, "Telefone", "Telefone"),
        ({"state": "XX"}, "UF", "UF"),
        ({"city_ibge_code": "35503"}, "Código IBGE", "IBGE"),
    ],
)
def test_wrong_fields_are_refused_naming_the_field(
    db: Database, actor: Actor, change: dict, field: str, fragment: str
) -> None:
    with db.uow() as uow, pytest.raises(InvalidInput) as raised:
        people.create_person(uow, actor, replace(PADARIA, **change))
    assert raised.value.field == field
    assert fragment in str(raised.value)
    with db.uow() as uow:
        assert uow.session.scalar(select(Person.id)) is None  # nothing written


def test_duplicate_document_is_refused(db: Database, actor: Actor) -> None:
    with db.uow() as uow:
        pid = people.create_person(uow, actor, PADARIA)
    with db.uow() as uow, pytest.raises(InvalidInput, match=f"código {pid}"):
        people.create_person(uow, actor, replace(PADARIA, name="Outra"))


def test_pre_registration_needs_no_document(db: Database, actor: Actor) -> None:
    with db.uow() as uow:
        pid = people.create_person(uow, actor, people.PersonInput(kind="PRE", name="Lead"))
    assert pid > 0


def test_edit_from_a_stale_version_is_refused(db: Database, actor: Actor) -> None:
    with db.uow() as uow:
        pid = people.create_person(uow, actor, PADARIA)
    with db.uow() as uow:
        data, version = people.person_input(uow, pid)
    with db.uow() as uow:
        people.update_person(
            uow, actor, pid, replace(data, trade_name="Ana"), expected_version=version
        )
    with db.uow() as uow, pytest.raises(Stale, match="outro usuário"):
        people.update_person(
            uow, actor, pid, replace(data, trade_name="Carlos"), expected_version=version
        )
    with db.uow() as uow:
        assert uow.get(Person, pid).trade_name == "Ana"
        events = uow.session.scalars(
            select(AuditEvent.action).where(AuditEvent.entity_id == pid)
        ).all()
        assert events == ["person.created", "person.updated"]


def test_inactivating_keeps_the_person(db: Database, actor: Actor) -> None:
    with db.uow() as uow:
        pid = people.create_person(uow, actor, PADARIA)
    with db.uow() as uow:
        result = people.set_active(uow, actor, [pid, 999_999], False)
    assert [o.done for o in result.outcomes] == [True, False]
    assert "999999" in (result.outcomes[1].message or "")
    with db.uow() as uow:
        assert uow.get(Person, pid).active is False


def test_permission_is_checked_in_the_service(db: Database) -> None:
    clerk = Actor(id=1, login="x", name="X", permissions=frozenset({"people.view"}))
    with db.uow() as uow, pytest.raises(NotAllowed, match='"Novo cadastro"'):
        people.create_person(uow, clerk, PADARIA)


def test_city_comes_from_the_ibge_list(db: Database, actor: Actor) -> None:
    with db.uow() as uow:
        by_name = people.create_person(uow, actor, replace(
            PADARIA, document="02558157000162", city="sao paulo", city_ibge_code=""))
        by_code = people.create_person(uow, actor, replace(
            PADARIA, document="11222333000181", city="", state="", city_ibge_code="3509502"))
    with db.uow() as uow:
        first, second = uow.get(Person, by_name), uow.get(Person, by_code)
        assert (first.city, first.city_ibge_code) == ("São Paulo", "3550308")
        assert (second.city, second.state) == ("Campinas", "SP")
    with db.uow() as uow, pytest.raises(InvalidInput, match="não fica na UF RJ"):
        people.create_person(uow, actor, replace(PADARIA, state="RJ"))
