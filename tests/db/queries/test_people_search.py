"""The finder's free text (SCENARIOS 2): any part of name, document, e-mail, phone; 2 backends."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from alembic import command
from sqlalchemy import select, text

from contoffice.core.documents import format_document
from contoffice.core.paging import PageRequest
from contoffice.core.text import fold
from contoffice.db import migrate
from contoffice.db.models import Person
from contoffice.db.models.people import person_search_key
from contoffice.db.queries import people as finder
from contoffice.db.uow import Database
from contoffice.demo.office import FEATURED_CNPJ, build_demo
from contoffice.services.kernel.permissions import Actor
from contoffice.services.people.records import (
    PersonInput,
    create_person,
    person_input,
    update_person,
)

TODAY = date(2026, 11, 24)
PADARIA = "Padaria Pão Quente Ltda"


@pytest.fixture
def office(db: Database, actor: Actor) -> tuple[Database, Actor, Person]:
    build_demo(db, people=300, seed=7, today=TODAY)
    with db.uow() as uow:
        padaria = uow.session.scalars(select(Person).where(Person.document == FEATURED_CNPJ)).one()
    return db, actor, padaria


def _ids(db: Database, typed: str, **filters: object) -> list[int]:
    with db.uow() as uow:
        result = finder.search(uow.session, PageRequest({"text": typed, **filters}, limit=10_000))
        assert result.total == len(result.rows)
        return sorted(r.id for r in result.rows)


def _everyone(db: Database) -> list[Person]:
    with db.uow() as uow:
        return list(uow.session.scalars(select(Person)))


def _oracle(person: Person, wanted: str) -> bool:
    """Python's own reading of "contains", field by field (3 characters or more)."""
    fields = (fold(person.name), fold(person.trade_name), person.document.lower(),
              person.email.lower(), person.phone, person.mobile)
    return any(wanted in field for field in fields)


def _index_is_sound(db: Database) -> None:
    """SQLite: the FTS5 index agrees with the person rows it was built from."""
    if db.backend == "sqlite":
        with db.engine.begin() as conn:
            conn.exec_driver_sql(
                "INSERT INTO person_search (person_search, rank) VALUES ('integrity-check', 1)"
            )


@pytest.mark.parametrize("typed", ["Pão Quente", "pao quente", "QUENTE", "ria pão", "Ltda"])
def test_any_part_of_the_name_accent_and_case_blind(office, typed: str) -> None:
    db, _actor, padaria = office
    found = _ids(db, typed)
    assert padaria.id in found
    expected = sorted(p.id for p in _everyone(db) if _oracle(p, fold(typed)))
    assert found == expected


@pytest.mark.parametrize(
    "typed",
    ["12.ABC.345/01DE-35", "12abc34501de35", "12.abc.345/01de-35", "ABC.345", "c345/01d", "01DE35"],
)
def test_cnpj_with_or_without_mask_in_any_case(office, typed: str) -> None:
    db, _actor, padaria = office
    assert _ids(db, typed) == [padaria.id]


def test_email_part_phone_digits_and_code(office) -> None:
    db, _actor, padaria = office
    assert padaria.email and padaria.phone
    local = padaria.email.split("@")[0]
    assert padaria.id in _ids(db, local[2:12].upper())
    assert padaria.id in _ids(db, padaria.phone[2:8])
    masked = f"({padaria.phone[:2]}) {padaria.phone[2:6]}-{padaria.phone[6:]}"
    assert _ids(db, masked) == sorted(
        p.id for p in _everyone(db) if padaria.phone in p.phone or padaria.phone in p.mobile
    )
    assert padaria.id in _ids(db, str(padaria.id))  # digits alone also name a code
    other = _everyone(db)[5]
    assert other.id in _ids(db, format_document(other.document) or str(other.id))


def test_short_text_falls_back_to_prefixes(office) -> None:
    db, _actor, padaria = office
    found = _ids(db, "Pa")
    assert padaria.id in found
    everyone = {p.id: p for p in _everyone(db)}
    assert all(
        fold(everyone[i].name).startswith("pa")
        or fold(everyone[i].trade_name).startswith("pa")
        or everyone[i].email.startswith("pa")
        for i in found
    )


def test_like_wildcards_and_quotes_are_literal(office) -> None:
    db, actor, _padaria = office
    with db.uow() as uow:
        odd = create_person(uow, actor, PersonInput(kind="PRE", name='Bar_do "Zé" 100% Natural'))
    assert _ids(db, "100%") == [odd]
    assert _ids(db, "r_do") == [odd]
    assert _ids(db, '"zé"') == [odd]
    assert _ids(db, "pa%ria") == []  # not a pattern: "Padaria" stays out
    assert _ids(db, "pad_ria") == []
    assert _ids(db, "%%%") == []
    assert _ids(db, "___") == []


HOSTILE = ['"', '""', '"pao" OR "x', "pao*", "NEAR(pao quente)", "pao AND quente", "-pao",
           "col:pao", "^pao", "\\", "\x00pão\x00", "pão\udcff quente", "١٢٣٤٥", "🍞🍞🍞",
           "x" * 5000, "9" * 5000]


@pytest.mark.parametrize("typed", HOSTILE)
def test_anything_typed_is_text_never_syntax(office, typed: str) -> None:
    db, _actor, _padaria = office
    found = _ids(db, typed)  # no error on either backend
    assert len(found) <= 1


def test_updates_and_deletes_keep_the_index_in_step(office) -> None:
    db, actor, padaria = office
    with db.uow() as uow:
        data, version = person_input(uow, padaria.id)
    with db.uow() as uow:
        update_person(uow, actor, padaria.id, replace(data, name="Panificadora Trigo Dourado Ltda"),
                      expected_version=version)
    assert padaria.id not in _ids(db, "pão quente ltda")
    assert _ids(db, "trigo dourado") == [padaria.id]
    assert _ids(db, "12abc345") == [padaria.id]  # the document did not change
    _index_is_sound(db)
    with db.uow() as uow:
        fresh = create_person(uow, actor, PersonInput(kind="PRE", name="Quitanda Xyzzy"))
    assert _ids(db, "xyzz") == [fresh]
    with db.uow() as uow:
        uow.session.delete(uow.session.get(Person, fresh))
        uow.commit()
    assert _ids(db, "xyzz") == []
    _index_is_sound(db)


def test_combines_with_the_other_filters(office) -> None:
    db, _actor, padaria = office
    assert _ids(db, "quente", active=True) == [
        i for i in _ids(db, "quente") if i in _ids(db, "", active=True)
    ]
    assert padaria.id not in _ids(db, "quente", active=False)
    assert _ids(db, "   ") == _ids(db, "")  # nothing typed: no filter


def test_the_trigram_index_serves_the_search(office) -> None:
    """The plan reads the index (an unindexed "contains" would scan every person)."""
    db, _actor, _padaria = office
    stmt = finder.filtered({"text": "pão quente"})
    with db.engine.begin() as conn:
        sql = str(stmt.compile(conn, compile_kwargs={"literal_binds": True}))
        if db.backend == "sqlite":
            plan = " | ".join(row[-1] for row in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}"))
            assert "VIRTUAL TABLE INDEX" in plan and "SCAN person " not in plan + " ", plan
        else:
            conn.exec_driver_sql("SET LOCAL enable_seqscan = off")  # 300 rows: force the choice
            plan = " | ".join(row[0] for row in conn.exec_driver_sql(f"EXPLAIN {sql}"))
            assert "ix_person_search_key_trgm" in plan, plan


def test_bulk_loaded_and_migrated_rows_carry_the_same_key(office, db_url: str) -> None:
    db, _actor, padaria = office
    _index_is_sound(db)  # the demo indexed its people once, at the end of the load
    keys = {p.id: p.search_key for p in _everyone(db)}
    assert keys == {p.id: person_search_key(p.__dict__) for p in _everyone(db)}
    db.dispose()
    command.downgrade(migrate.alembic_config(db_url), "0005")
    migrate.upgrade(db_url)
    again = Database(db_url)
    try:
        assert {p.id: p.search_key for p in _everyone(again)} == keys
        assert _ids(again, "pão quente") == [padaria.id]
        _index_is_sound(again)
        with again.engine.connect() as conn:
            assert conn.execute(text("SELECT COUNT(*) FROM person")).scalar_one() == len(keys)
    finally:
        again.dispose()
