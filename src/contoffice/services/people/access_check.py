"""The rules of Informações de acesso: limits, the fields as the form names them, the checks."""

from __future__ import annotations

import string
from dataclasses import dataclass, field, replace
from datetime import date

from sqlalchemy import select

from contoffice.db.models import Person
from contoffice.db.uow import UnitOfWork
from contoffice.errors import InvalidInput
from contoffice.services.kernel.permissions import Actor, require
from contoffice.services.people import messages as m

PERMISSION = "people.access_data"
LOGIN_LENGTH = (3, 80)
PASSWORD_MIN = 8
ATTEMPTS = (1, 99)
ONE_TIME_LENGTH = 10
# No 0/O nor 1/l/I: a password read in an e-mail is typed without guessing.
ONE_TIME_ALPHABET = "".join(c for c in string.ascii_letters + string.digits if c not in "0O1lI")
# The fields as the person form names them (InvalidInput.field).
FIELD_LOGIN = "Login de acesso"
FIELD_PASSWORD = "Nova senha"
FIELD_ATTEMPTS = "Tentativas antes de bloquear"
FIELD_ACTIVE = "Acesso ativo"


@dataclass(frozen=True, slots=True)
class AccessInput:
    """The access fields as typed; `new_password` None keeps the stored password."""

    login: str
    new_password: str | None = field(repr=False)  # never shown in a log or a traceback
    expires_on: date | None
    max_attempts: int
    active: bool


def check_access(uow: UnitOfWork, actor: Actor, person_id: int | None,
                 data: AccessInput) -> AccessInput:
    """Permission, every field and the login's uniqueness, before anything is written.

    `person_id` None is a person not saved yet (it has no password). Returns the
    cleaned input (login trimmed and lower-cased).
    """
    require(actor, PERMISSION)
    login = data.login.strip().lower()
    low, high = LOGIN_LENGTH
    if any(c.isspace() for c in login):
        raise InvalidInput(m.ACCESS_LOGIN_SPACES, field=FIELD_LOGIN)
    if login and not low <= len(login) <= high:
        raise InvalidInput(m.ACCESS_LOGIN_LENGTH.format(low=low, high=high), field=FIELD_LOGIN)
    password = data.new_password
    if password is not None and len(password) < PASSWORD_MIN:
        raise InvalidInput(m.ACCESS_PASSWORD_TOO_SHORT.format(length=PASSWORD_MIN),
                           field=FIELD_PASSWORD)
    if not ATTEMPTS[0] <= data.max_attempts <= ATTEMPTS[1]:
        raise InvalidInput(m.ACCESS_ATTEMPTS_RANGE.format(low=ATTEMPTS[0], high=ATTEMPTS[1]),
                           field=FIELD_ATTEMPTS)
    if password is not None and not login:
        raise InvalidInput(m.ACCESS_PASSWORD_WITHOUT_LOGIN, field=FIELD_LOGIN)
    if data.active and not login:
        raise InvalidInput(m.ACCESS_ACTIVE_WITHOUT_LOGIN, field=FIELD_LOGIN)
    stored = person_id is not None and bool(
        uow.get(Person, person_id, what="Cadastro").access_password_hash)
    if data.active and password is None and not stored:
        raise InvalidInput(m.ACCESS_ACTIVE_WITHOUT_PASSWORD, field=FIELD_PASSWORD)
    if login:
        other = uow.session.scalar(select(Person.id).where(Person.access_login == login))
        if other is not None and other != person_id:
            raise InvalidInput(m.ACCESS_LOGIN_TAKEN, field=FIELD_LOGIN)
    return replace(data, login=login)
