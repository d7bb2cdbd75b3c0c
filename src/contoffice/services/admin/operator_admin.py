"""Configurações → Operadores e permissões: what the settings screens read, and unlocking."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from contoffice.db.models import Operator, OperatorRole
from contoffice.db.uow import UnitOfWork
from contoffice.services.admin.operators import SYSTEM_LOGIN, OperatorInput
from contoffice.services.kernel import audit
from contoffice.services.kernel.permissions import Actor, require


@dataclass(frozen=True, slots=True)
class OperatorRow:
    """One operator as the settings list shows it."""

    id: int
    login: str
    name: str
    email: str
    role_id: int
    role_name: str
    active: bool
    expires_on: date | None
    max_attempts: int
    failed_attempts: int
    locked: bool


@dataclass(frozen=True, slots=True)
class RoleRow:
    """A role (perfil de acesso) and the permission keys it grants."""

    id: int
    name: str
    is_admin: bool
    keys: frozenset[str]


def list_operators(uow: UnitOfWork) -> list[OperatorRow]:
    """Every operator who can log in (the built-in system operator is not one)."""
    with uow:
        stmt = select(Operator).where(Operator.login != SYSTEM_LOGIN).order_by(Operator.name)
        return [
            OperatorRow(
                o.id,
                o.login,
                o.name,
                o.email,
                o.role_id,
                o.role.name,
                o.active,
                o.expires_on,
                o.max_attempts,
                o.failed_attempts,
                o.locked,
            )
            for o in uow.session.scalars(stmt)
        ]


def operator_input(row: OperatorRow) -> OperatorInput:
    """The form values of a listed operator (the password stays unchanged unless typed)."""
    return OperatorInput(
        login=row.login,
        name=row.name,
        role_id=row.role_id,
        email=row.email,
        password=None,
        active=row.active,
        expires_on=row.expires_on,
        max_attempts=row.max_attempts,
    )


def list_roles(uow: UnitOfWork) -> list[RoleRow]:
    """Every role, administrators first, with its keys."""
    with uow:
        stmt = select(OperatorRole).order_by(OperatorRole.is_admin.desc(), OperatorRole.name)
        return [
            RoleRow(r.id, r.name, r.is_admin, frozenset(p.key for p in r.permissions))
            for r in uow.session.scalars(stmt)
        ]


def unlock_operator(uow: UnitOfWork, actor: Actor, operator_id: int) -> None:
    """Release an operator locked by failed logins (the counter starts again)."""
    require(actor, "settings.operators")
    operator = uow.get(Operator, operator_id, what="Operador")
    before = {"locked": operator.locked, "failed_attempts": operator.failed_attempts}
    operator.locked, operator.failed_attempts = False, 0
    audit.record(
        uow,
        actor,
        "operator.unlocked",
        "operator",
        operator.id,
        before=before,
        after={"locked": False, "failed_attempts": 0},
    )
    uow.commit()
