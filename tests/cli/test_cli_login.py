"""The command line logs in like the window: operator and password, lockout, expiry, no `sistema`.

Every test runs on both backends; the conftest logs the commands in as `caixa`
(an administrator made in the test's database) unless the test says otherwise.
"""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from contoffice.cli import common
from contoffice.core.format import format_date
from contoffice.core.vocab import InvoiceStatus
from contoffice.db.models import AuditEvent, OfficeSetting, Operator
from contoffice.db.uow import Database
from contoffice.services.kernel import messages as m
from contoffice.services.kernel.permissions import Actor
from tests.cli.money_support import Ran, audit_count, open_invoices, run
from tests.services.billing_support import invoice
from tests.support.cli_login import CLI_LOGIN, CLI_PASSWORD, add_operator, log_in_as

ROOT = Path(__file__).resolve().parents[2]


def _settle(capsys: pytest.CaptureFixture[str], db_url: str, invoice_id: int,
            *extra: str) -> Ran:
    return run(capsys, db_url, "invoices", "settle", str(invoice_id), "--method", "other",
               "--justification", "pago no balcão", "--yes", *extra)


def _operator(db: Database, login: str) -> Operator:
    with db.uow() as uow:
        found = uow.session.scalar(select(Operator).where(Operator.login == login))
        assert found is not None
        return found


def _one_line(ran: Ran, message: str) -> None:
    assert ran.code == 2, ran.err
    assert ran.out == "" and ran.err == f"contoffice: {message}\n"


def _open(db: Database, actor: Actor) -> int:
    (found,) = open_invoices(db, actor, 1)
    return found


def _refused_and_nothing_changed(db: Database, invoice_id: int, audits: int) -> None:
    assert invoice(db, invoice_id).status == InvoiceStatus.OPEN
    assert audit_count(db) == audits


def test_no_operator_is_refused_and_nothing_changes(
    db: Database, db_url: str, actor: Actor, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    target, audits = _open(db, actor), audit_count(db)
    monkeypatch.delenv("CONTOFFICE_OPERATOR")
    _one_line(_settle(capsys, db_url, target), common.NEEDS_LOGIN)
    _refused_and_nothing_changed(db, target, audits)


def test_an_operator_without_a_password_on_a_script_is_refused(
    db: Database, db_url: str, actor: Actor, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    target, audits = _open(db, actor), audit_count(db)
    monkeypatch.delenv("CONTOFFICE_PASSWORD")  # and stdin is no terminal: nobody to ask
    _one_line(_settle(capsys, db_url, target), common.NEEDS_LOGIN)
    _refused_and_nothing_changed(db, target, audits)
    assert _operator(db, CLI_LOGIN).failed_attempts == 0


def test_on_a_terminal_the_password_is_asked(
    db: Database, db_url: str, actor: Actor, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    target = _open(db, actor)
    monkeypatch.delenv("CONTOFFICE_PASSWORD")
    asked: list[str] = []

    def getpass(prompt: str) -> str:
        asked.append(prompt)
        return CLI_PASSWORD

    monkeypatch.setattr(common, "_interactive", lambda: True)
    monkeypatch.setattr(common.getpass, "getpass", getpass)
    done = _settle(capsys, db_url, target)
    assert done.code == 0, done.err
    assert asked == [f"Senha de {CLI_LOGIN}: "]
    assert invoice(db, target).status == InvoiceStatus.SETTLED


def test_wrong_password_is_the_windows_message_and_counts(
    db: Database, db_url: str, actor: Actor, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    target, audits = _open(db, actor), audit_count(db)
    monkeypatch.setenv("CONTOFFICE_PASSWORD", "errada123")
    _one_line(_settle(capsys, db_url, target), m.LOGIN_FAILED)
    _refused_and_nothing_changed(db, target, audits)
    assert _operator(db, CLI_LOGIN).failed_attempts == 1
    # An unknown login reads the same: the answer does not tell which logins exist.
    _one_line(_settle(capsys, db_url, target, "--operator", "ninguem"), m.LOGIN_FAILED)


def test_after_the_attempt_limit_even_the_right_password_is_refused(
    db: Database, db_url: str, actor: Actor, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    add_operator(db_url, "joana", "certa123", max_attempts=3)
    target, audits = _open(db, actor), audit_count(db)
    log_in_as(monkeypatch, "joana", "errada123")
    locked = m.LOGIN_LOCKED.format(attempts=3)
    for answer in (m.LOGIN_FAILED, m.LOGIN_FAILED, locked):
        _one_line(_settle(capsys, db_url, target), answer)
    joana = _operator(db, "joana")
    assert (joana.failed_attempts, joana.locked) == (3, True)
    monkeypatch.setenv("CONTOFFICE_PASSWORD", "certa123")
    _one_line(_settle(capsys, db_url, target), locked)
    _refused_and_nothing_changed(db, target, audits)


def test_an_expired_or_inactive_operator_is_refused(
    db: Database, db_url: str, actor: Actor, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    yesterday = date.today() - timedelta(days=1)
    add_operator(db_url, "vencido", "certa123", expires_on=yesterday)
    add_operator(db_url, "inativo", "certa123", active=False)
    target, audits = _open(db, actor), audit_count(db)
    log_in_as(monkeypatch, "vencido", "certa123")
    _one_line(_settle(capsys, db_url, target),
              m.LOGIN_EXPIRED.format(date=format_date(yesterday)))
    log_in_as(monkeypatch, "inativo", "certa123")
    _one_line(_settle(capsys, db_url, target), m.LOGIN_INACTIVE)
    _refused_and_nothing_changed(db, target, audits)


@pytest.mark.parametrize("how", ["option", "environment"])
def test_sistema_is_no_login(
    db: Database, db_url: str, actor: Actor, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch, how: str,
) -> None:
    target, audits = _open(db, actor), audit_count(db)
    if how == "option":
        ran = _settle(capsys, db_url, target, "--operator", "sistema")
    else:
        monkeypatch.setenv("CONTOFFICE_OPERATOR", "sistema")
        ran = _settle(capsys, db_url, target)
    _one_line(ran, common.SYSTEM_IS_NO_LOGIN)
    _refused_and_nothing_changed(db, target, audits)


def test_the_audit_names_the_operator_who_logged_in(
    db: Database, db_url: str, actor: Actor, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    joana = add_operator(db_url, "joana", "certa123")
    target = _open(db, actor)
    with db.uow() as uow:
        last = uow.session.scalar(select(AuditEvent.id).order_by(AuditEvent.id.desc())) or 0
    # --operator wins over CONTOFFICE_OPERATOR; the password is joana's.
    monkeypatch.setenv("CONTOFFICE_PASSWORD", "certa123")
    done = _settle(capsys, db_url, target, "--operator", "joana")
    assert done.code == 0, done.err
    with db.uow() as uow:
        who = set(uow.session.scalars(select(AuditEvent.operator_id)
                                      .where(AuditEvent.id > last)))
        stamped = uow.session.scalar(select(Operator.last_login_at)
                                     .where(Operator.id == joana))
    assert who == {joana} and stamped is not None
    assert invoice(db, target).status == InvoiceStatus.SETTLED


def test_the_operators_permissions_apply(
    db: Database, db_url: str, actor: Actor, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    add_operator(db_url, "balcao", "certa123", admin=False)  # Atendimento: settles nothing
    target, audits = _open(db, actor), audit_count(db)
    log_in_as(monkeypatch, "balcao", "certa123")
    ran = _settle(capsys, db_url, target)
    assert ran.code == 2 and ran.err.count("\n") == 1, ran.err
    _refused_and_nothing_changed(db, target, audits)


def _login_for_reads(db: Database, value: str) -> None:
    with db.uow() as uow:
        uow.session.merge(OfficeSetting(key=common.LOGIN_FOR_READS, value=value))
        uow.commit()


def test_reads_are_open_unless_the_office_asks_for_the_login(
    db: Database, db_url: str, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("CONTOFFICE_OPERATOR")
    monkeypatch.delenv("CONTOFFICE_PASSWORD")
    assert run(capsys, db_url, "people", "search", "--json").code == 0
    _login_for_reads(db, "false")
    assert run(capsys, db_url, "people", "search", "--json").code == 0
    _login_for_reads(db, "true")
    _one_line(run(capsys, db_url, "people", "search", "--json"), common.NEEDS_LOGIN)
    _one_line(run(capsys, db_url, "invoices", "list", "--person", "1"), common.NEEDS_LOGIN)
    monkeypatch.setenv("CONTOFFICE_PASSWORD", "errada123")
    _one_line(run(capsys, db_url, "people", "search", "--operator", CLI_LOGIN),
              m.LOGIN_FAILED)
    assert _operator(db, CLI_LOGIN).failed_attempts == 1
    monkeypatch.setenv("CONTOFFICE_PASSWORD", CLI_PASSWORD)
    found = run(capsys, db_url, "people", "search", "--operator", CLI_LOGIN, "--json")
    assert found.code == 0 and found.json["total"] == 0, found.err
    assert _operator(db, CLI_LOGIN).failed_attempts == 0


def test_a_script_without_a_terminal_is_refused_not_left_waiting(
    db: Database, db_url: str, actor: Actor
) -> None:
    target, audits = _open(db, actor), audit_count(db)
    env = {k: v for k, v in os.environ.items() if k != "CONTOFFICE_PASSWORD"}
    done = subprocess.run(
        [sys.executable, "-m", "contoffice", "invoices", "settle", str(target), "--method",
         "other", "--justification", "x", "--yes", "--database", db_url],
        stdin=subprocess.DEVNULL, capture_output=True, text=True, env=env, cwd=ROOT, timeout=120,
    )
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == f"contoffice: {common.NEEDS_LOGIN}\n"
    _refused_and_nothing_changed(db, target, audits)


def test_building_the_demo_needs_no_login(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("CONTOFFICE_OPERATOR")
    monkeypatch.delenv("CONTOFFICE_PASSWORD")
    url = f"sqlite:///{tmp_path / 'demo.sqlite3'}"
    assert run(capsys, url, "db", "upgrade").code == 0
    built = run(capsys, url, "demo", "--people", "10")
    assert built.code == 0, built.err
