"""Unit of work: commit is explicit, leaving rolls back, concurrent edits become Stale."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from contoffice.db.models import Contract, Invoice, OfficeSetting, Person
from contoffice.db.uow import Database
from contoffice.errors import NotFound, Stale


def _person(uow) -> Person:
    person = Person(kind="PF", name="Maria", registered_on=date(2026, 1, 2))
    uow.session.add(person)
    uow.flush()
    return person


def test_leaving_without_commit_rolls_back(db: Database) -> None:
    with db.uow() as uow:
        uow.session.add(OfficeSetting(key="x", value="1"))
    with db.uow() as uow:
        assert uow.session.get(OfficeSetting, "x") is None


def test_a_released_savepoint_is_still_rolled_back(db: Database) -> None:
    """A dry-run's first write is in a SAVEPOINT: its RELEASE must not commit (pysqlite)."""
    with db.uow() as uow:
        uow.session.get(OfficeSetting, "ledger.fees")  # a read first, as the services do
        savepoint = uow.session.begin_nested()
        uow.session.add(OfficeSetting(key="x", value="1"))
        savepoint.commit()
        uow.rollback()
    with db.uow() as uow:
        assert uow.session.get(OfficeSetting, "x") is None


def test_commit_persists(db: Database) -> None:
    with db.uow() as uow:
        uow.session.add(OfficeSetting(key="x", value="1"))
        uow.commit()
    with db.uow() as uow:
        assert uow.session.get(OfficeSetting, "x").value == "1"


def test_get_missing_raises_not_found(db: Database) -> None:
    with db.uow() as uow, pytest.raises(NotFound, match="Fatura 999 não encontrada"):
        uow.get(Invoice, 999, what="Fatura")


def test_two_desks_editing_the_same_invoice(db: Database) -> None:
    with db.uow() as uow:
        person = _person(uow)
        contract = Contract(person_id=person.id, plan="P", fee_cents=100, starts_on=date.today())
        uow.session.add(contract)
        uow.flush()
        invoice = Invoice(
            person_id=person.id,
            issue_date=date(2026, 1, 1),
            due_date=date(2026, 1, 10),
            amount_cents=100,
        )
        uow.session.add(invoice)
        uow.commit()
        invoice_id = invoice.id
    first, second = db.uow(), db.uow()
    with first, second:
        mine = first.get(Invoice, invoice_id)
        theirs = second.get(Invoice, invoice_id)
        mine.description = "Ana"
        first.commit()
        theirs.description = "Carlos"
        with pytest.raises(Stale, match="alterado por outro usuário"):
            second.commit()
    with db.uow() as uow:
        kept = uow.get(Invoice, invoice_id)
        assert kept.description == "Ana"
        assert kept.version_id == 2


def test_sqlite_runs_with_wal_and_foreign_keys(db: Database, backend: str) -> None:
    if backend != "sqlite":
        pytest.skip("SQLite pragmas")
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 10_000


def test_foreign_keys_are_enforced(db: Database) -> None:
    from sqlalchemy.exc import IntegrityError

    with db.uow() as uow:
        uow.session.add(Contract(person_id=424242, plan="P", fee_cents=1, starts_on=date.today()))
        with pytest.raises(IntegrityError):
            uow.session.flush()


def test_timestamps_come_back_in_utc(db: Database) -> None:
    with db.uow() as uow:
        person = _person(uow)
        uow.commit()
        pid = person.id
    with db.uow() as uow:
        created = uow.session.scalar(select(Person.created_at).where(Person.id == pid))
    assert created.tzinfo is not None
    assert created.utcoffset().total_seconds() == 0


def test_an_unreachable_server_becomes_database_unavailable() -> None:
    from contoffice.errors import DatabaseUnavailable

    db = Database("postgresql+psycopg://app@127.0.0.1:1/nada")
    with pytest.raises(DatabaseUnavailable, match="não está acessível"), db.uow() as uow:
        uow.session.execute(select(1))
    db.dispose()
