"""Informações de acesso: argon2 only, unique logins, refusals, one-time passwords, the lock,
and an audit trail (and a whole database) that never holds a password."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import replace
from datetime import date, timedelta

import pytest
from sqlalchemy import func, select, text

from contoffice.db.models import AuditEvent, Person
from contoffice.db.queries import history
from contoffice.db.uow import Database
from contoffice.errors import InvalidInput, NotAllowed, Stale
from contoffice.services.kernel.permissions import Actor
from contoffice.services.people import access, records
from contoffice.services.people import messages as m
from contoffice.services.people.access import AccessInput
from contoffice.services.people.form import load_person, save_person

SECRET = "Pao-Quente#2026"
TODAY = date(2026, 12, 1)
ACCESS = AccessInput(login="  Contato@PaoQuente.com.BR ", new_password=SECRET,
                     expires_on=date(2027, 12, 31), max_attempts=3, active=True)


def _person(db: Database, actor: Actor, name: str = "Padaria Pão Quente") -> int:
    with db.uow() as uow:
        return records.create_person(uow, actor, records.PersonInput(kind="PRE", name=name))


def _save(db: Database, actor: Actor, pid: int, data: AccessInput = ACCESS) -> access.AccessView:
    with db.uow() as uow:
        return access.save_access(uow, actor, pid, data)


def _verify(db: Database, login: str, password: str, today: date = TODAY) -> int | None:
    with db.uow() as uow:
        return access.verify_access(uow, login, password, today=today)


def _view(db: Database, pid: int) -> access.AccessView:
    with db.uow() as uow:
        return access.access_view(uow, pid)


def test_password_is_stored_only_as_an_argon2_hash(db: Database, actor: Actor) -> None:
    pid = _person(db, actor)
    view = _save(db, actor, pid)
    assert view == access.AccessView(login="contato@paoquente.com.br", has_password=True,
                                     expires_on=date(2027, 12, 31), max_attempts=3,
                                     failed_attempts=0, active=True, locked=False)
    with db.uow() as uow:
        stored = uow.get(Person, pid).access_password_hash
    assert stored is not None and stored.startswith("$argon2id$") and SECRET not in stored
    assert _verify(db, "CONTATO@paoquente.com.br ", SECRET) == pid
    assert _verify(db, "contato@paoquente.com.br", SECRET.lower()) is None


def test_a_login_belongs_to_one_person(db: Database, actor: Actor) -> None:
    first, second = _person(db, actor), _person(db, actor, "Outra Padaria")
    _save(db, actor, first)
    _save(db, actor, first, replace(ACCESS, new_password=None))  # its own login again: fine
    with pytest.raises(InvalidInput) as refused:
        _save(db, actor, second, replace(ACCESS, login="CONTATO@paoquente.com.br"))
    assert str(refused.value) == "Login de acesso já usado por outro cadastro."
    assert refused.value.field == access.FIELD_LOGIN
    assert _view(db, second).login == ""


@pytest.mark.parametrize(("change", "message", "field"), [
    ({"login": "ana maria"}, m.ACCESS_LOGIN_SPACES, access.FIELD_LOGIN),
    ({"login": "ab"}, "de 3 a 80 caracteres", access.FIELD_LOGIN),
    ({"login": "a" * 81}, "de 3 a 80 caracteres", access.FIELD_LOGIN),
    ({"new_password": "1234567"}, "pelo menos 8 caracteres", access.FIELD_PASSWORD),
    ({"new_password": ""}, "pelo menos 8 caracteres", access.FIELD_PASSWORD),
    ({"max_attempts": 0}, "entre 1 e 99", access.FIELD_ATTEMPTS),
    ({"max_attempts": 100}, "entre 1 e 99", access.FIELD_ATTEMPTS),
    ({"login": " ", "new_password": None}, m.ACCESS_ACTIVE_WITHOUT_LOGIN, access.FIELD_LOGIN),
    ({"login": "", "active": False}, m.ACCESS_PASSWORD_WITHOUT_LOGIN, access.FIELD_LOGIN),
    ({"new_password": None}, m.ACCESS_ACTIVE_WITHOUT_PASSWORD, access.FIELD_PASSWORD),
])
def test_wrong_access_data_is_refused_naming_the_field(
        db: Database, actor: Actor, change: dict, message: str, field: str) -> None:
    pid = _person(db, actor)
    with pytest.raises(InvalidInput) as refused:
        _save(db, actor, pid, replace(ACCESS, **change))
    assert message in str(refused.value) and refused.value.field == field
    with db.uow() as uow:
        person = uow.get(Person, pid)
        assert (person.access_login, person.access_password_hash) == (None, None)
        assert uow.session.scalar(select(func.count()).select_from(AuditEvent).where(
            AuditEvent.action.like("person.access%"))) == 0


def test_only_the_access_permission_may_change_it(db: Database, actor: Actor) -> None:
    pid = _person(db, actor)
    clerk = Actor(id=actor.id, login="ana", name="Ana", permissions=frozenset({"people.edit"}))
    with pytest.raises(NotAllowed, match='"Informações de acesso"'):
        _save(db, clerk, pid)
    with db.uow() as uow, pytest.raises(NotAllowed):
        access.access_view(uow, pid, actor=clerk)
    allowed = replace(clerk, permissions=frozenset({"people.access_data"}))
    assert _save(db, allowed, pid).has_password


def test_active_needs_a_stored_or_new_password(db: Database, actor: Actor) -> None:
    pid = _person(db, actor)
    _save(db, actor, pid, replace(ACCESS, active=False))
    view = _save(db, actor, pid, replace(ACCESS, new_password=None, active=True))
    assert view.active and view.has_password  # the stored password is enough
    cleared = _save(db, actor, pid, replace(ACCESS, login="", new_password=None, active=False))
    assert cleared.login == "" and not cleared.active


def test_wrong_passwords_lock_and_a_new_password_unlocks(db: Database, actor: Actor) -> None:
    pid = _person(db, actor)
    _save(db, actor, pid)  # 3 attempts
    for tries in (1, 2, 3):
        assert _verify(db, "contato@paoquente.com.br", "errada!!") is None
        assert _view(db, pid).failed_attempts == tries
    assert _view(db, pid).locked
    assert _verify(db, "contato@paoquente.com.br", SECRET) is None  # even the right one
    assert _verify(db, "contato@paoquente.com.br", "errada!!") is None
    assert _view(db, pid).failed_attempts == 3  # a locked account counts no further
    with db.uow() as uow:
        assert access.unlock_access(uow, actor, pid).locked is False
    assert _verify(db, "contato@paoquente.com.br", SECRET) == pid
    assert _verify(db, "contato@paoquente.com.br", "errada!!") is None
    view = _save(db, actor, pid, replace(ACCESS, new_password="Outra-Senha-1"))
    assert view.failed_attempts == 0
    assert _verify(db, "contato@paoquente.com.br", "Outra-Senha-1") == pid


def test_a_right_password_clears_the_failures(db: Database, actor: Actor) -> None:
    pid = _person(db, actor)
    _save(db, actor, pid)
    assert _verify(db, "contato@paoquente.com.br", "errada!!") is None
    assert _verify(db, "contato@paoquente.com.br", SECRET) == pid
    assert _view(db, pid).failed_attempts == 0


def test_expired_inactive_and_unknown_are_refused(db: Database, actor: Actor) -> None:
    pid = _person(db, actor)
    _save(db, actor, pid, replace(ACCESS, expires_on=TODAY))
    login = "contato@paoquente.com.br"
    assert _verify(db, login, SECRET, TODAY) == pid  # the last valid day
    assert _verify(db, login, SECRET, TODAY + timedelta(days=1)) is None
    assert _verify(db, "ninguem@exemplo.com.br", SECRET) is None
    _save(db, actor, pid, replace(ACCESS, new_password=None, expires_on=None, active=False))
    assert _verify(db, login, SECRET) is None
    _save(db, actor, pid, replace(ACCESS, new_password=None, expires_on=None))
    assert _verify(db, login, SECRET) == pid
    with db.uow() as uow:
        records.set_active(uow, actor, [pid], False)
    assert _verify(db, login, SECRET) is None  # an inactive registration does not log in
    assert _view(db, pid).failed_attempts == 0  # refusals that are no wrong password


def test_one_time_password(db: Database, actor: Actor) -> None:
    pid = _person(db, actor)
    with db.uow() as uow, pytest.raises(NotAllowed) as refused:
        access.issue_one_time_password(uow, pid, actor=actor)
    assert str(refused.value) == ("Cliente sem login de acesso: cadastre o login em "
                                  "Informações de acesso.")
    _save(db, actor, pid)
    _verify(db, "contato@paoquente.com.br", "errada!!")
    with db.uow() as uow:
        first = access.issue_one_time_password(uow, pid, actor=actor)
    with db.uow() as uow:
        second = access.issue_one_time_password(uow, pid, actor=actor)
    for password in (first, second):
        assert len(password) == 10 and set(password) <= set(access.ONE_TIME_ALPHABET)
        assert not set(password) & set("0O1lI")
    assert first != second and _view(db, pid).failed_attempts == 0
    assert _verify(db, "contato@paoquente.com.br", first) is None  # replaced by the second
    assert _verify(db, "contato@paoquente.com.br", SECRET) is None
    assert _verify(db, "contato@paoquente.com.br", second) == pid


def test_one_time_password_left_uncommitted_keeps_the_old_one(db: Database,
                                                              actor: Actor) -> None:
    pid = _person(db, actor)
    _save(db, actor, pid)
    with db.uow() as uow:  # the sender could not send: it leaves without committing
        issued = access.issue_one_time_password(uow, pid, actor=actor, commit=False)
    assert _verify(db, "contato@paoquente.com.br", issued) is None
    assert _verify(db, "contato@paoquente.com.br", SECRET) == pid


def test_edit_from_a_stale_version_is_refused(db: Database, actor: Actor) -> None:
    pid = _person(db, actor)
    version = load_person(db.uow(), pid).version
    _save(db, actor, pid, replace(ACCESS, active=False))
    with db.uow() as uow, pytest.raises(Stale):
        access.save_access(uow, actor, pid, ACCESS, expected_version=version)


def test_person_form_saves_person_and_access_or_nothing(db: Database, actor: Actor) -> None:
    taken = _person(db, actor)
    _save(db, actor, taken)
    new = records.PersonInput(kind="PRE", name="Cliente Novo")
    with pytest.raises(InvalidInput, match="já usado"):
        save_person(db.uow(), actor, new, access=replace(ACCESS, login="contato@paoquente.com.br"))
    with db.uow() as uow:  # refused before the person was written
        assert uow.session.scalar(select(func.count()).select_from(Person)) == 1
    pid = save_person(db.uow(), actor, new, access=replace(ACCESS, login="novo.cliente"))
    edit = load_person(db.uow(), pid)
    assert edit.access is not None and edit.access.login == "novo.cliente"
    assert edit.access.has_password
    save_person(db.uow(), actor, replace(new, name="Cliente Renomeado"), edit,
                replace(ACCESS, login="novo.cliente", new_password=None, max_attempts=7))
    again = load_person(db.uow(), pid)
    assert again.data.name == "Cliente Renomeado" and again.access.max_attempts == 7  # type: ignore[union-attr]


def _dump(db: Database) -> str:
    """Every value of every table, as text (SQLite: its own dump; PostgreSQL: each row)."""
    if db.backend == "sqlite":
        with sqlite3.connect(str(db.engine.url.database)) as raw:
            return "\n".join(raw.iterdump())
    with db.engine.connect() as conn:
        tables = conn.execute(text(
            "SELECT table_name FROM information_schema.tables "
            "WHERE table_schema = 'public' AND table_type = 'BASE TABLE'")).scalars().all()
        assert "audit_event" in tables and "person" in tables
        return "\n".join(value for table in tables for value in
                         conn.execute(text(f'SELECT t::text FROM "{table}" t')).scalars())


def test_audit_and_database_never_hold_a_clear_password(db: Database, actor: Actor) -> None:
    pid = _person(db, actor)
    _save(db, actor, pid)
    _save(db, actor, pid, replace(ACCESS, new_password="Segunda-Senha-9", max_attempts=4))
    with db.uow() as uow:
        issued = access.issue_one_time_password(uow, pid, actor=actor)
    _verify(db, "contato@paoquente.com.br", "Errada-Mesmo-7")
    with db.uow() as uow:
        access.unlock_access(uow, actor, pid)
        events = uow.session.scalars(select(AuditEvent).where(
            AuditEvent.person_id == pid, AuditEvent.action.like("person.access%"))
            .order_by(AuditEvent.id)).all()
        stored_hash = uow.get(Person, pid).access_password_hash
    assert [e.action for e in events] == [
        "person.access_changed", "person.access_changed", "person.access_password_issued",
        "person.access_unlocked"]
    clear = (SECRET, "Segunda-Senha-9", issued, "Errada-Mesmo-7")
    for event in events:
        trail = f"{event.before}\n{event.after}\n{event.justification}"
        assert not any(p in trail for p in clear) and "$argon2" not in trail
    assert json.loads(events[1].after) == {"access_max_attempts": 4,
                                           "password": "senha alterada"}
    assert history.sentence(events[1].action, events[1].before, events[1].after, "Ana") == (
        "Informações de acesso alteradas por Ana: tentativas antes de bloquear de 3 para 4; "
        "senha alterada")
    dump = _dump(db)
    assert stored_hash is not None and stored_hash in dump  # the dump does see the person row
    assert not any(p in dump for p in clear)
