"""`contoffice people access ID`: shows the client's access data, changes it, reads the new
password from stdin only, and refuses in one pt-BR line."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from contoffice.cli import main
from contoffice.db.uow import Database
from contoffice.services.kernel.permissions import Actor
from contoffice.services.people import access, records
from tests.support.cli_login import add_operator, log_in_as

ROOT = Path(__file__).resolve().parents[2]
SECRET = "Senha-Do-Cliente-7"


def _person(db: Database, actor: Actor, name: str = "Padaria Pão Quente") -> int:
    with db.uow() as uow:
        return records.create_person(uow, actor, records.PersonInput(kind="PRE", name=name))


def run(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, db_url: str,
        *argv: str, stdin: str = "") -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    capsys.readouterr()
    code = main(["people", "access", *argv, "--database", db_url])
    out, err = capsys.readouterr()
    return code, out, err


def _verify(db: Database, login: str, password: str) -> int | None:
    with db.uow() as uow:
        return access.verify_access(uow, login, password)


def test_shows_then_sets_the_access_data(db: Database, db_url: str, actor: Actor, capsys,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    pid = _person(db, actor)
    code, out, err = run(capsys, monkeypatch, db_url, str(pid), "--json")
    assert code == 0, err
    assert json.loads(out) == {"person_id": pid, "login": "", "has_password": False,
                               "expires_on": None, "max_attempts": 5, "failed_attempts": 0,
                               "active": False, "locked": False}
    code, out, err = run(capsys, monkeypatch, db_url, str(pid), "--login", " Padaria@Pao.com.br",
                         "--password-stdin", "--expires", "31/12/2027", "--attempts", "3",
                         "--active", "--json", stdin=SECRET + "\n")
    assert code == 0, err
    assert SECRET not in out + err
    assert json.loads(out) == {"person_id": pid, "login": "padaria@pao.com.br",
                               "has_password": True, "expires_on": "2027-12-31",
                               "max_attempts": 3, "failed_attempts": 0, "active": True,
                               "locked": False}
    assert _verify(db, "padaria@pao.com.br", SECRET) == pid
    # Only what is named changes; the password stays.
    code, out, err = run(capsys, monkeypatch, db_url, str(pid), "--expires", "", "--inactive")
    assert code == 0, err
    assert out.splitlines() == [
        f"Informações de acesso do cadastro {pid} gravadas.", "Login: padaria@pao.com.br",
        "Senha: cadastrada", "Validade: sem validade", "Tentativas antes de bloquear: 3",
        "Tentativas sem sucesso: 0 (liberado)", "Acesso: inativo"]
    assert _verify(db, "padaria@pao.com.br", SECRET) is None  # inactive
    code, out, err = run(capsys, monkeypatch, db_url, str(pid), "--active")
    assert code == 0 and _verify(db, "padaria@pao.com.br", SECRET) == pid


def test_refusals_are_one_pt_br_line(db: Database, db_url: str, actor: Actor, capsys,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    first, second = _person(db, actor), _person(db, actor, "Outra Padaria")
    code, _, err = run(capsys, monkeypatch, db_url, str(first), "--login", "padaria",
                       "--password-stdin", stdin=SECRET)
    assert code == 0, err
    cases = [
        ((str(second), "--login", "PADARIA"), "",
         "Login de acesso já usado por outro cadastro."),
        ((str(second), "--login", "outra", "--password-stdin"), "curta\n",
         "A senha de acesso deve ter pelo menos 8 caracteres."),
        ((str(second), "--login", "outra", "--active"), "",
         "Informe a senha de acesso antes de ativar o acesso."),
        ((str(second), "--active"), "", "Informe o login de acesso antes de ativar o acesso."),
        ((str(second), "--expires", "31/02/2027"), "", "31/02/2027"),
        ((str(second), "--attempts", "100"), "", "--attempts"),
    ]
    for argv, stdin, message in cases:
        code, out, err = run(capsys, monkeypatch, db_url, *argv, stdin=stdin)
        assert code == 2 and out == "", argv
        assert message in err and len(err.strip().splitlines()) == 1, err
    code, out, _ = run(capsys, monkeypatch, db_url, str(second), "--json")
    assert json.loads(out)["login"] == "" and not json.loads(out)["has_password"]


def test_a_password_is_never_taken_from_the_arguments(db: Database, db_url: str, actor: Actor,
                                                      capsys, monkeypatch) -> None:
    pid = _person(db, actor)
    code, _, err = run(capsys, monkeypatch, db_url, str(pid), "--login", "padaria",
                       "--password", SECRET)
    assert code == 2 and "não reconhecidos" in err  # a usage error: nothing saved
    assert not access_has_password(db, pid)


def access_has_password(db: Database, pid: int) -> bool:
    with db.uow() as uow:
        return access.access_view(uow, pid).has_password


def test_an_operator_without_the_permission_sees_nothing(
        db: Database, db_url: str, actor: Actor, capsys,
        monkeypatch: pytest.MonkeyPatch) -> None:
    pid = _person(db, actor)
    add_operator(db_url, "atendente", "senha-atendente", admin=False)
    log_in_as(monkeypatch, "atendente", "senha-atendente")
    for argv in ((str(pid),), (str(pid), "--login", "padaria")):
        code, out, err = run(capsys, monkeypatch, db_url, *argv)
        assert (code, out) == (2, "")
        assert 'permissão para usar a ferramenta "Informações de acesso"' in err
    assert not access_has_password(db, pid)


def test_the_password_is_piped_to_a_real_process(db: Database, db_url: str,
                                                 actor: Actor) -> None:
    pid = _person(db, actor)
    done = subprocess.run(
        [sys.executable, "-m", "contoffice", "people", "access", str(pid), "--login", "padaria",
         "--password-stdin", "--active", "--json", "--database", db_url],
        input=f"{SECRET}\r\n", capture_output=True, text=True, env=dict(os.environ), cwd=ROOT,
        timeout=120)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["has_password"] and SECRET not in done.stdout + done.stderr
    assert _verify(db, "padaria", SECRET) == pid
