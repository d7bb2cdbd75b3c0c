"""Operators: first administrator, argon2 login, lockout, expiry, roles and permissions."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time
from datetime import date

import pytest

from contoffice.db.models import Operator
from contoffice.db.uow import Database
from contoffice.errors import InvalidInput, NotAllowed
from contoffice.services.admin import operators
from contoffice.services.kernel import messages
from contoffice.services.kernel.permissions import ALL_KEYS, PERMISSIONS, Actor, require


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


# One desk: its own process and Database; it says "ready", waits for the start line, then
# tries one wrong password and says how it was refused.
WRONG_PASSWORD_DESK = textwrap.dedent("""
    import sys
    from sqlalchemy import text
    from contoffice.db.uow import Database
    from contoffice.errors import ContofficeError
    from contoffice.services.kernel import messages
    from contoffice.services.admin import operators
    db = Database(sys.argv[1])
    with db.uow() as uow:  # connected before the start, so the attempts really overlap
        uow.session.execute(text("SELECT 1"))
    print("ready", flush=True)
    sys.stdin.readline()
    try:
        with db.uow() as uow:
            operators.login(uow, "carlos", "errada")
        print("accepted")
    except ContofficeError as refusal:
        if str(refusal) == messages.LOGIN_FAILED:
            print("wrong")
        elif "bloqueado" in str(refusal):
            print("locked")
        else:
            print("other", refusal)
""")
DESKS = 32


def test_parallel_wrong_passwords_never_pass_the_limit(db: Database, db_url: str) -> None:
    admin = _admin(db)
    desks = [subprocess.Popen([sys.executable, "-c", WRONG_PASSWORD_DESK, db_url],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for _ in range(DESKS)]
    for desk in desks:
        assert desk.stdout is not None and desk.stdout.readline().strip() == "ready"
    for desk in desks:  # every desk is connected and waiting: start them all at once
        assert desk.stdin is not None
        desk.stdin.write("go\n")
        desk.stdin.flush()
    answers = []
    for desk in desks:
        out, err = desk.communicate(timeout=120)
        assert desk.returncode == 0, err[-2000:]
        answers.append(out.strip())
    limit = 5
    # The limit-th wrong password is answered "locked"; every one after it too.
    assert answers.count("wrong") == limit - 1, answers
    assert answers.count("locked") == DESKS - (limit - 1), answers
    with db.uow() as uow:
        stored = uow.session.get(Operator, admin.id)
        assert stored.locked and stored.failed_attempts == limit
    with db.uow() as uow, pytest.raises(NotAllowed, match="bloqueado"):
        operators.login(uow, "carlos", "segredo1")


def _login_time(db: Database, login: str) -> float:
    """The shortest of three refused logins, in seconds."""
    times = []
    for _ in range(3):
        start = time.perf_counter()
        with db.uow() as uow, pytest.raises(NotAllowed, match=messages.LOGIN_FAILED):
            operators.login(uow, login, "errada")
        times.append(time.perf_counter() - start)
    return min(times)


def test_an_unknown_login_costs_what_a_known_one_does(db: Database) -> None:
    _admin(db)
    with db.uow() as uow:
        operators.system_actor(uow)  # a known login without a password
        uow.commit()
    known = _login_time(db, "carlos")
    unknown = _login_time(db, "ninguem")
    passwordless = _login_time(db, operators.SYSTEM_LOGIN)
    # An argon2 verify (tens of ms) is paid either way; a bare lookup takes under 1 ms.
    assert known > 0.01 and unknown > 0.01 and passwordless > 0.01
    assert 0.4 < unknown / known < 2.5


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
