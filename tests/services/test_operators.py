"""Operators: first administrator, argon2 login, lockout, expiry, roles and permissions."""

from __future__ import annotations

from datetime import date

import pytest

from contoffice.db.models import Operator
from contoffice.db.uow import Database
from contoffice.errors import InvalidInput, NotAllowed
from contoffice.services import messages, operators
from contoffice.services.permissions import ALL_KEYS, PERMISSIONS, Actor, require


def _admin(db: Database) -> Actor:
    with db.uow() as uow:
        assert operators.needs_first_admin(uow)
        return operators.create_first_admin(uow, name="Carlos", login="carlos", password="segredo1")


def test_first_admin_then_login(db: Database) -> None:
    admin = _admin(db)
    assert admin.is_admin
    with db.uow() as uow:
        assert not operators.needs_first_admin(uow)
        assert operators.login(uow, "carlos", "segredo1").id == admin.id
        stored = uow.session.get(Operator, admin.id)
        assert stored.password_hash.startswith("$argon2id$")


def test_wrong_password_locks_after_the_limit(db: Database) -> None:
    _admin(db)
    for _ in range(4):
        with db.uow() as uow, pytest.raises(NotAllowed, match=messages.LOGIN_FAILED):
            operators.login(uow, "carlos", "errada")
    with db.uow() as uow, pytest.raises(NotAllowed, match="bloqueado"):
        operators.login(uow, "carlos", "errada")
    with db.uow() as uow, pytest.raises(NotAllowed, match="bloqueado"):
        operators.login(uow, "carlos", "segredo1")  # even the right one now


def test_expired_operator_is_refused(db: Database) -> None:
    admin = _admin(db)
    with db.uow() as uow:
        roles = {r.name: r.id for r in uow.session.query(operators.OperatorRole)}
    with db.uow() as uow:
        operators.save_operator(
            uow,
            admin,
            operators.OperatorInput(
                login="ana",
                name="Ana",
                role_id=roles["Financeiro"],
                password="senha123",
                expires_on=date(2026, 1, 31),
            ),
        )
    with db.uow() as uow:
        assert operators.login(uow, "ana", "senha123", today=date(2026, 1, 31)).login == "ana"
    with db.uow() as uow, pytest.raises(NotAllowed, match="expirou em 31/01/2026"):
        operators.login(uow, "ana", "senha123", today=date(2026, 2, 1))


def test_roles_grant_keys_and_services_refuse_the_rest(db: Database) -> None:
    admin = _admin(db)
    with db.uow() as uow:
        roles = {r.name: r.id for r in uow.session.query(operators.OperatorRole)}
        operators.save_operator(
            uow,
            admin,
            operators.OperatorInput(
                login="bia", name="Beatriz", role_id=roles["Atendimento"], password="senha123"
            ),
        )
    with db.uow() as uow:
        bia = operators.login(uow, "bia", "senha123")
    assert bia.can("invoices.print")
    with pytest.raises(NotAllowed, match="Liquidação avulsa de faturas"):
        require(bia, "invoices.settle")
    with db.uow() as uow:
        operators.set_role_permissions(uow, admin, roles["Atendimento"], {"invoices.settle"})
    with db.uow() as uow:
        assert operators.login(uow, "bia", "senha123").can("invoices.settle")
    with db.uow() as uow, pytest.raises(NotAllowed):
        operators.set_role_permissions(uow, bia, roles["Atendimento"], ALL_KEYS)


def test_reserved_and_duplicate_logins(db: Database) -> None:
    admin = _admin(db)
    with db.uow() as uow, pytest.raises(InvalidInput, match="reservado"):
        operators.save_operator(
            uow,
            admin,
            operators.OperatorInput(login="sistema", name="X", role_id=1, password="senha123"),
        )
    with db.uow() as uow, pytest.raises(InvalidInput, match="Já existe"):
        operators.save_operator(
            uow,
            admin,
            operators.OperatorInput(login="carlos", name="X", role_id=1, password="senha123"),
        )


def test_every_permission_key_is_unique_and_labelled() -> None:
    keys = [p.key for p in PERMISSIONS]
    assert len(keys) == len(set(keys))
    assert all(p.label and p.panel for p in PERMISSIONS)
    with pytest.raises(KeyError):
        require(Actor(1, "a", "A", is_admin=True), "no.such.tool")
