"""Two desks at once and a desk killed mid-import: real processes, both backends."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from contoffice.core.vocab import InvoiceStatus
from contoffice.db.models import BankRemittanceItem, BankReturn, Invoice, Settlement
from contoffice.db.uow import Database
from contoffice.services.bank_files import remittances
from contoffice.services.kernel.permissions import Actor
from tests.services.bank_files import support as s
from tests.support.cli_login import cli_login  # noqa: F401  (the CLI logs in)

ROOT = Path(__file__).resolve().parents[3]


def _cli(db_url: str, *args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "CONTOFFICE_DATABASE_URL": db_url}
    return subprocess.Popen([sys.executable, "-m", "contoffice", "bank", *args], cwd=ROOT,
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _count(db: Database, model: type, *where: object) -> int:
    with db.uow() as uow:
        return uow.session.scalar(select(func.count()).select_from(model).where(*where)) or 0


def _return_for_everything(db: Database, actor: Actor, n: int, tmp_path: Path) -> Path:
    profile_id = s.office(db, n)
    s.bill(db, actor)
    made = remittances.generate_remittance(db.uow(), actor, profile_id=profile_id,
                                           today=s.TODAY)
    path = tmp_path / "CN0112A.RET"
    path.write_bytes(s.bank_return([s.paid(t, fee=150) for t in s.sent(made.content)]))
    return path


@pytest.mark.usefixtures("cli_login")
def test_two_desks_import_the_same_file_once(db: Database, db_url: str, actor: Actor,
                                             tmp_path: Path) -> None:
    path = _return_for_everything(db, actor, 1500, tmp_path)
    desks = [_cli(db_url, "import-return", str(path), "--json") for _ in range(2)]
    finished = [(*d.communicate(timeout=300), d.returncode) for d in desks]
    finished = [(code, out, err) for out, err, code in finished]
    codes = sorted(code for code, _out, _err in finished)
    assert codes == [0, 2], finished
    loser = next(err for code, _out, err in finished if code == 2)
    assert "já foi importado" in loser
    winner = json.loads(next(out for code, out, _err in finished if code == 0))
    assert winner["counts"] == {"settled": 1500}
    assert _count(db, Settlement) == 1500 and _count(db, BankReturn) == 1
    assert _count(db, Invoice, Invoice.status == InvoiceStatus.SETTLED) == 1500


@pytest.mark.usefixtures("cli_login")
def test_two_desks_generate_remittances_each_invoice_once(db: Database, db_url: str,
                                                          actor: Actor,
                                                          tmp_path: Path) -> None:
    profile_id = s.office(db, 2000)
    s.bill(db, actor)
    desks = [_cli(db_url, "remittance", "--profile", str(profile_id), "-o",
                  str(tmp_path / f"desk{n}.rem"), "--json") for n in range(2)]
    finished = [(*d.communicate(timeout=300), d.returncode) for d in desks]
    finished = [(code, out, err) for out, err, code in finished]
    made = [json.loads(out) for code, out, _err in finished if code == 0]
    refused = [err for code, _out, err in finished if code != 0]
    assert sum(m["titles"] for m in made) == 2000
    assert all("Nenhuma fatura aguarda remessa" in err for err in refused), refused
    with db.uow() as uow:
        per_invoice = uow.session.execute(select(BankRemittanceItem.invoice_id, func.count())
                                          .group_by(BankRemittanceItem.invoice_id)).all()
    assert len(per_invoice) == 2000 and {n for _i, n in per_invoice} == {1}


@pytest.mark.usefixtures("cli_login")
def test_a_killed_import_applies_nothing_and_the_next_applies_all(
        db: Database, db_url: str, actor: Actor, tmp_path: Path) -> None:
    path = _return_for_everything(db, actor, 6000, tmp_path)
    desk = _cli(db_url, "import-return", str(path), "--progress", "--json")
    assert desk.stderr is not None
    for line in desk.stderr:
        if "Liquidando faturas" in line:  # settlements written, not committed
            os.kill(desk.pid, signal.SIGKILL)
            break
    desk.wait(timeout=60)
    assert desk.returncode == -signal.SIGKILL
    assert _count(db, Settlement) == 0 and _count(db, BankReturn) == 0
    assert _count(db, Invoice, Invoice.status == InvoiceStatus.SETTLED) == 0
    again = _cli(db_url, "import-return", str(path), "--json")
    out, err = again.communicate(timeout=300)
    assert again.returncode == 0, err
    assert json.loads(out)["counts"] == {"settled": 6000}
    assert _count(db, Settlement) == 6000
