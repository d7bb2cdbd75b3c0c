"""Informações de acesso (seed 001): the login and password a client uses to reach its area.

The password is kept only as an argon2 hash; the audit trail says "senha alterada" and
never holds the password or its hash. Functions run inside the caller's `with uow:`.
What is not typed by a clerk (failed attempts, a generated password) is written with
plain UPDATEs outside the record's version: a client's typing, an unlock or a mass
e-mail never makes a clerk's open person form stale.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import date

from sqlalchemy import ColumnElement, select, update
from sqlalchemy.exc import IntegrityError

from contoffice.db.models import Person
from contoffice.db.uow import RECORD_CHANGED, UnitOfWork
from contoffice.errors import InvalidInput, NotAllowed, Stale
from contoffice.services.kernel import audit
from contoffice.services.kernel.passwords import dummy_hash, hash_password, verify_password
from contoffice.services.kernel.permissions import Actor, require
from contoffice.services.people import messages as m
from contoffice.services.people.access_check import (
    ATTEMPTS,
    FIELD_ACTIVE,
    FIELD_ATTEMPTS,
    FIELD_LOGIN,
    FIELD_PASSWORD,
    LOGIN_LENGTH,
    ONE_TIME_ALPHABET,
    ONE_TIME_LENGTH,
    PASSWORD_MIN,
    PERMISSION,
    AccessInput,
    check_access,
)

__all__ = [
    "ATTEMPTS", "FIELD_ACTIVE", "FIELD_ATTEMPTS", "FIELD_LOGIN", "FIELD_PASSWORD",
    "LOGIN_LENGTH", "ONE_TIME_ALPHABET", "ONE_TIME_LENGTH", "PASSWORD_MIN", "PERMISSION",
    "AccessInput", "AccessView", "access_view", "check_access", "issue_one_time_password",
    "save_access", "unlock_access", "verify_access",
]


@dataclass(frozen=True, slots=True)
class AccessView:
    """The stored access data as a clerk may see it: whether a password exists, never which."""

    login: str
    has_password: bool
    expires_on: date | None
    max_attempts: int
    failed_attempts: int
    active: bool
    locked: bool


def _view(person: Person) -> AccessView:
    failed, limit = person.access_failed_attempts or 0, person.access_max_attempts
    return AccessView(
        login=person.access_login or "", has_password=bool(person.access_password_hash),
        expires_on=person.access_expires_on, max_attempts=limit, failed_attempts=failed,
        active=bool(person.access_active), locked=failed >= limit)


def access_view(uow: UnitOfWork, person_id: int, *, actor: Actor | None = None) -> AccessView:
    """The person's access data (with `actor`, only if it may see Informações de acesso)."""
    if actor is not None:
        require(actor, PERMISSION)
    return _view(uow.get(Person, person_id, what="Cadastro"))


def save_access(uow: UnitOfWork, actor: Actor, person_id: int, data: AccessInput, *,
                expected_version: int | None = None) -> AccessView:
    """Save the access data; a new password is hashed and clears the failed attempts."""
    clean = check_access(uow, actor, person_id, data)
    person = uow.get(Person, person_id, what="Cadastro")
    if expected_version is not None and person.version_id != expected_version:
        raise Stale(RECORD_CHANGED)
    values: dict[str, object] = {
        "access_login": clean.login or None, "access_expires_on": clean.expires_on,
        "access_max_attempts": clean.max_attempts, "access_active": clean.active}
    if clean.new_password is not None:
        values["access_failed_attempts"] = 0
    before, after = audit.changed_fields(person, values)
    if clean.new_password is not None:
        person.access_password_hash = hash_password(clean.new_password)
        after["password"] = m.PASSWORD_CHANGED  # what the trail says; the hash stays out
    if after:
        for key, value in values.items():
            setattr(person, key, value)
        audit.record(uow, actor, "person.access_changed", "person", person.id,
                     person_id=person.id, before=before, after=after)
        _flush(uow)
    uow.commit()
    return _view(person)


def _flush(uow: UnitOfWork) -> None:
    try:
        uow.flush()
    except IntegrityError:  # another desk took the login since check_access looked
        uow.rollback()
        raise InvalidInput(m.ACCESS_LOGIN_TAKEN, field=FIELD_LOGIN) from None


def unlock_access(uow: UnitOfWork, actor: Actor, person_id: int) -> AccessView:
    """Desbloquear: forget the failed attempts so the client may try again."""
    require(actor, PERMISSION)
    person = uow.get(Person, person_id, what="Cadastro")
    if person.access_failed_attempts:
        audit.record(uow, actor, "person.access_unlocked", "person", person.id,
                     person_id=person.id,
                     before={"access_failed_attempts": person.access_failed_attempts},
                     after={"access_failed_attempts": 0})
        _write(uow, Person.id == person_id, access_failed_attempts=0)
        uow.commit()
        uow.session.refresh(person)
    return _view(person)


def issue_one_time_password(uow: UnitOfWork, person_id: int, *, actor: Actor,
                            commit: bool = True) -> str:
    """A fresh random password for the client: its hash is stored, the clear text returned.

    Only the caller sees the password (the sender puts it in the e-mail); it is never
    logged nor audited. `commit=False` leaves the commit to the caller, so a sender can
    keep the old password when the e-mail could not go out.
    """
    person = uow.get(Person, person_id, what="Cadastro")
    if not person.access_login:
        raise NotAllowed(m.ACCESS_NO_LOGIN)
    password = "".join(secrets.choice(ONE_TIME_ALPHABET) for _ in range(ONE_TIME_LENGTH))
    failed = person.access_failed_attempts
    _write(uow, Person.id == person_id, access_password_hash=hash_password(password),
           access_failed_attempts=0)
    audit.record(uow, actor, "person.access_password_issued", "person", person.id,
                 person_id=person.id,
                 before={"access_failed_attempts": failed} if failed else None,
                 after={"password": m.PASSWORD_CHANGED})
    if commit:
        uow.commit()
    else:
        uow.flush()
    return password


def verify_access(uow: UnitOfWork, login: str, password: str, *,
                  today: date | None = None) -> int | None:
    """The portal's login check: the person's code, or None (wrong, inactive, expired, locked).

    A wrong password counts toward the lock; a right one clears the count.
    """
    today = today or date.today()
    person = uow.session.scalar(select(Person).where(Person.access_login == login.strip().lower()))
    stored = person.access_password_hash if person is not None else None
    # Always one argon2 verify: an unknown login costs what a known one does.
    right = verify_password(stored or dummy_hash(), password) and bool(stored)
    if person is None or not stored or not (person.access_active and person.active):
        return None
    if person.access_expires_on is not None and today > person.access_expires_on:
        return None
    person_id = person.id
    unlocked = (Person.id == person_id,
                Person.access_failed_attempts < Person.access_max_attempts)
    # Decided by the database on the row as it is now: parallel tries cannot pass the limit.
    if not right:
        _write(uow, *unlocked, access_failed_attempts=Person.access_failed_attempts + 1)
        uow.commit()
        return None
    reset = _write(uow, *unlocked, access_failed_attempts=0)
    uow.commit()
    return person_id if reset else None


def _write(uow: UnitOfWork, *where: ColumnElement[bool], **values: object) -> int:
    """A plain UPDATE of the rows of `person` that match `where`; how many it changed."""
    result = uow.session.execute(update(Person).where(*where).values(**values),
                                 execution_options={"synchronize_session": False})
    return int(result.rowcount)  # type: ignore[attr-defined]
