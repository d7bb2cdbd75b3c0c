"""Operators: login with argon2, lockout, expiry, roles, and the first administrator."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select, update

from contoffice.core.format import format_date
from contoffice.db.base import utcnow
from contoffice.db.models import Operator, OperatorRole, RolePermission
from contoffice.db.uow import UnitOfWork
from contoffice.errors import InvalidInput, NotAllowed
from contoffice.services.kernel import audit, messages
from contoffice.services.kernel.passwords import dummy_hash, hash_password, verify_password
from contoffice.services.kernel.permissions import ALL_KEYS, Actor, require

SYSTEM_LOGIN = "sistema"

# Default roles: keys granted (the administrator role holds every key).
DEFAULT_ROLES: dict[str, frozenset[str]] = {
    "Financeiro": frozenset(k for k in ALL_KEYS if not k.startswith("settings.")),
    "Atendimento": frozenset(
        k
        for k in ALL_KEYS
        if k.endswith((".view", ".print", ".comment", ".send", ".send_boleto", ".export"))
        or k in {"people.create", "people.edit"}
    ),
}


@dataclass(frozen=True, slots=True)
class OperatorInput:
    login: str
    name: str
    role_id: int
    email: str = ""
    password: str | None = None  # None keeps the current one
    active: bool = True
    expires_on: date | None = None
    max_attempts: int = 5


def actor_of(operator: Operator) -> Actor:
    """The plain value that carries an operator's identity and permissions."""
    role = operator.role
    return Actor(
        id=operator.id,
        login=operator.login,
        name=operator.name,
        is_admin=role.is_admin,
        permissions=frozenset(p.key for p in role.permissions),
    )


def ensure_roles(uow: UnitOfWork) -> OperatorRole:
    """Create the default roles if missing; return the administrator role."""
    admin = uow.session.scalar(select(OperatorRole).where(OperatorRole.is_admin.is_(True)))
    if admin is None:
        admin = OperatorRole(name="Administrador", is_admin=True)
        uow.session.add(admin)
    existing = set(uow.session.scalars(select(OperatorRole.name)))
    for name, keys in DEFAULT_ROLES.items():
        if name not in existing:
            role = OperatorRole(name=name, is_admin=False)
            role.permissions = [RolePermission(key=k) for k in sorted(keys)]
            uow.session.add(role)
    uow.flush()
    return admin


def system_actor(uow: UnitOfWork) -> Actor:
    """The built-in administrator that scripts and the CLI act as (it cannot log in)."""
    operator = uow.session.scalar(select(Operator).where(Operator.login == SYSTEM_LOGIN))
    if operator is None:
        admin = ensure_roles(uow)
        operator = Operator(login=SYSTEM_LOGIN, name="Sistema", role_id=admin.id)
        uow.session.add(operator)
        uow.flush()
        uow.session.refresh(operator)
    return actor_of(operator)


def actor_for_login(uow: UnitOfWork, login: str) -> Actor:
    """The actor of an existing operator (the CLI's --operator)."""
    operator = uow.session.scalar(select(Operator).where(Operator.login == login))
    if operator is None or not operator.active:
        raise InvalidInput(messages.OPERATOR_NOT_FOUND_OR_INACTIVE.format(login=login),
                           field="Operador")
    return actor_of(operator)


def needs_first_admin(uow: UnitOfWork) -> bool:
    """True while no operator can log in (a new database asks for the first administrator)."""
    count = uow.session.scalar(
        select(func.count()).select_from(Operator).where(Operator.password_hash != "")
    )
    return not count


def create_first_admin(uow: UnitOfWork, *, name: str, login: str, password: str) -> Actor:
    """Create the first administrator of a new database."""
    if not needs_first_admin(uow):
        raise NotAllowed(messages.FIRST_ADMIN_EXISTS)
    _check_password(password)
    admin_role = ensure_roles(uow)
    operator = Operator(
        login=login.strip(),
        name=name.strip(),
        role_id=admin_role.id,
        password_hash=hash_password(password),
    )
    _check_login(uow, operator.login, None)
    uow.session.add(operator)
    uow.flush()
    actor = actor_of(operator)
    audit.record(
        uow,
        actor,
        "operator.created",
        "operator",
        operator.id,
        after={"login": operator.login, "role": admin_role.name},
    )
    uow.commit()
    return actor


def login(uow: UnitOfWork, login_name: str, password: str, *, today: date | None = None) -> Actor:
    """Check a login; count failures and lock after the operator's attempt limit."""
    today = today or date.today()
    operator = uow.session.scalar(select(Operator).where(Operator.login == login_name.strip()))
    # Always one argon2 verify: an unknown login costs what a known one does, so the
    # time of the answer does not tell which logins exist.
    stored = operator.password_hash if operator is not None and operator.password_hash else ""
    right = verify_password(stored or dummy_hash(), password) and bool(stored)
    if operator is None or not stored:
        raise NotAllowed(messages.LOGIN_FAILED)
    if operator.locked:
        raise NotAllowed(messages.LOGIN_LOCKED.format(attempts=operator.max_attempts))
    if not operator.active:
        raise NotAllowed(messages.LOGIN_INACTIVE)
    if operator.expires_on is not None and today > operator.expires_on:
        raise NotAllowed(messages.LOGIN_EXPIRED.format(date=format_date(operator.expires_on)))
    if not right:
        locked = _count_failure(uow, operator.id)
        if locked:
            raise NotAllowed(messages.LOGIN_LOCKED.format(attempts=operator.max_attempts))
        raise NotAllowed(messages.LOGIN_FAILED)
    # The reset applies only while unlocked: a lock another desk set since the read wins.
    unlocked = uow.session.execute(
        update(Operator)
        .where(Operator.id == operator.id, Operator.locked.is_(False))
        .values(failed_attempts=0, last_login_at=utcnow())
        .returning(Operator.id),
        execution_options={"synchronize_session": False},
    ).first()
    uow.commit()
    if unlocked is None:
        raise NotAllowed(messages.LOGIN_LOCKED.format(attempts=operator.max_attempts))
    return actor_of(operator)


def _count_failure(uow: UnitOfWork, operator_id: int) -> bool:
    """Count one wrong password in one statement; True when the account is (now) locked.

    The increment and the lock are decided by the database on the row as it is when
    the statement runs, so parallel wrong passwords cannot read the same count: at
    most max_attempts of them are ever counted, the rest find the account locked.
    """
    counted = uow.session.execute(
        update(Operator)
        .where(Operator.id == operator_id, Operator.locked.is_(False))
        .values(
            failed_attempts=Operator.failed_attempts + 1,
            locked=Operator.failed_attempts + 1 >= Operator.max_attempts,
        )
        .returning(Operator.locked),
        execution_options={"synchronize_session": False},
    ).first()
    uow.commit()
    return counted is None or bool(counted.locked)


def save_operator(
    uow: UnitOfWork, actor: Actor, data: OperatorInput, operator_id: int | None = None
) -> int:
    """Create or update an operator (administrators only)."""
    require(actor, "settings.operators")
    if not data.login.strip() or not data.name.strip():
        raise InvalidInput(messages.REQUIRED_FIELD.format(field="Login e Nome"), field="Login")
    _check_login(uow, data.login.strip(), operator_id)
    uow.get(OperatorRole, data.role_id, what="Perfil de acesso")
    operator = (
        Operator() if operator_id is None else uow.get(Operator, operator_id, what="Operador")
    )
    if operator_id is None and not data.password:
        raise InvalidInput(messages.REQUIRED_FIELD.format(field="Senha"), field="Senha")
    before = {"login": operator.login, "role_id": operator.role_id, "active": operator.active}
    operator.login, operator.name, operator.email = (
        data.login.strip(),
        data.name.strip(),
        data.email,
    )
    operator.role_id, operator.active = data.role_id, data.active
    operator.expires_on, operator.max_attempts = data.expires_on, data.max_attempts
    if data.password:
        _check_password(data.password)
        operator.password_hash = hash_password(data.password)
        operator.failed_attempts, operator.locked = 0, False
    uow.session.add(operator)
    uow.flush()
    audit.record(
        uow,
        actor,
        "operator.saved",
        "operator",
        operator.id,
        before=before,
        after={"login": operator.login, "role_id": operator.role_id, "active": operator.active},
    )
    uow.commit()
    return operator.id


def set_role_permissions(uow: UnitOfWork, actor: Actor, role_id: int, keys: Iterable[str]) -> None:
    """Replace the keys a role grants."""
    require(actor, "settings.operators")
    wanted = set(keys)
    unknown = wanted - ALL_KEYS
    if unknown:
        raise InvalidInput(messages.PERMISSIONS_UNKNOWN.format(keys=", ".join(sorted(unknown))))
    role = uow.get(OperatorRole, role_id, what="Perfil de acesso")
    before = sorted(p.key for p in role.permissions)
    role.permissions = [RolePermission(key=k) for k in sorted(wanted)]
    audit.record(
        uow,
        actor,
        "role.permissions",
        "operator_role",
        role.id,
        before={"keys": before},
        after={"keys": sorted(wanted)},
    )
    uow.commit()


def _check_password(password: str) -> None:
    if len(password) < 6:
        raise InvalidInput(messages.PASSWORD_TOO_SHORT.format(length=6), field="Senha")


def _check_login(uow: UnitOfWork, login_name: str, operator_id: int | None) -> None:
    if login_name == SYSTEM_LOGIN:
        raise InvalidInput(messages.LOGIN_RESERVED.format(login=SYSTEM_LOGIN), field="Login")
    other = uow.session.scalar(select(Operator.id).where(Operator.login == login_name))
    if other is not None and other != operator_id:
        raise InvalidInput(messages.LOGIN_TAKEN.format(login=login_name), field="Login")
