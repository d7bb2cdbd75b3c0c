"""The command line logs in: an operator with a password for the tests that run it.

`cli_login` puts CONTOFFICE_OPERATOR / CONTOFFICE_PASSWORD in the environment (in-process
`main` and subprocesses alike) and, when the test uses the `db_url` database, creates
that operator there as an administrator. A database built by `demo` has its own
operators: `demo_login` logs in as its administrator instead.
"""

from __future__ import annotations

from functools import cache

import pytest
from sqlalchemy import select

from contoffice.db.models import Operator, OperatorRole
from contoffice.db.uow import Database
from contoffice.demo.office import DEMO_PASSWORD
from contoffice.services.admin.operators import ensure_roles, hash_password

CLI_LOGIN = "caixa"  # not a demo login: `demo` may still fill the same database
CLI_PASSWORD = DEMO_PASSWORD
DEMO_ADMIN = "carlos"


@cache
def _hash(password: str) -> str:
    # argon2 is slow on purpose: hash once per session, not once per test.
    return hash_password(password)


def add_operator(url: str, login: str = CLI_LOGIN, password: str = CLI_PASSWORD, *,
                 admin: bool = True, **fields: object) -> int:
    """Create an operator who can log in (administrator by default); returns its id."""
    db = Database(url)
    try:
        with db.uow() as uow:
            role = ensure_roles(uow)
            if not admin:
                role = uow.session.scalar(
                    select(OperatorRole).where(OperatorRole.name == "Atendimento"))
            operator = Operator(login=login, name=f"Operador {login}", role_id=role.id,
                                password_hash=_hash(password), **fields)
            uow.session.add(operator)
            uow.commit()
            return operator.id
    finally:
        db.dispose()


def log_in_as(monkeypatch: pytest.MonkeyPatch, login: str, password: str) -> None:
    """The login every command of the test uses."""
    monkeypatch.setenv("CONTOFFICE_OPERATOR", login)
    monkeypatch.setenv("CONTOFFICE_PASSWORD", password)


@pytest.fixture
def cli_login(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Log the commands in as `caixa` (created in the test's `db_url` database)."""
    log_in_as(monkeypatch, CLI_LOGIN, CLI_PASSWORD)
    if "db_url" in request.fixturenames:
        add_operator(request.getfixturevalue("db_url"))
    return CLI_LOGIN


@pytest.fixture
def demo_login(monkeypatch: pytest.MonkeyPatch) -> str:
    """Log the commands in as the demo office's administrator."""
    log_in_as(monkeypatch, DEMO_ADMIN, DEMO_PASSWORD)
    return DEMO_ADMIN
