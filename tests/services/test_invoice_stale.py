"""Two desks (two processes) edit the same invoice on PostgreSQL: the second is told."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from contoffice.db.uow import RECORD_CHANGED, Database
from contoffice.services.kernel.permissions import Actor
from tests.services.billing_support import invoice
from tests.services.test_billing_messages import Office

ROOT = Path(__file__).resolve().parents[2]

DESK = r'''
import json, sys, time
from pathlib import Path
from contoffice.db.uow import Database
from contoffice.db.models import Invoice
from contoffice.errors import Stale
from contoffice.services.invoices import alteration as invoice_changes
from contoffice.services.admin.operators import system_actor

url, invoice_id, text, folder, mode = sys.argv[1:6]
folder = Path(folder)
db = Database(url)
with db.uow() as uow:
    actor = system_actor(uow)
    uow.commit()

def wait(name):
    while not (folder / name).exists():
        time.sleep(0.01)

try:
    if mode == "dialog":  # the dialog read the invoice, the clerk types, then Finalizar
        with db.uow() as uow:
            version = uow.get(Invoice, int(invoice_id)).version_id
        (folder / f"{text}.ready").touch()
        wait(f"{text}.go")
        invoice_changes.alter_description(
            db.uow(), actor, invoice_ids=[int(invoice_id)], description=text,
            justification="pedido", versions={int(invoice_id): version})
    else:  # one session holds the row across the other desk's commit
        with db.uow() as uow:
            row = uow.get(Invoice, int(invoice_id))
            (folder / f"{text}.ready").touch()
            wait(f"{text}.go")
            row.description = text
            uow.commit()
    print(json.dumps({"ok": True}))
except Stale as error:
    print(json.dumps({"ok": False, "message": str(error)}))
'''


@pytest.mark.parametrize("mode", ["dialog", "session"])
def test_second_desk_gets_stale(db: Database, db_url: str, backend: str, actor: Actor,
                                tmp_path: Path, mode: str) -> None:
    office = Office(db, actor)
    script = tmp_path / "desk.py"
    script.write_text(DESK)

    def desk(text: str) -> subprocess.Popen[str]:
        return subprocess.Popen([sys.executable, str(script), db_url, str(office.invoice), text,
                                 str(tmp_path), mode], cwd=ROOT, stdout=subprocess.PIPE,
                                text=True)

    ana, carlos = desk("Ana"), desk("Carlos")
    deadline = time.monotonic() + 30
    while not all((tmp_path / f"{n}.ready").exists() for n in ("Ana", "Carlos")):
        assert time.monotonic() < deadline
        time.sleep(0.01)
    (tmp_path / "Ana.go").touch()
    first = json.loads(ana.communicate(timeout=30)[0])
    (tmp_path / "Carlos.go").touch()
    second = json.loads(carlos.communicate(timeout=30)[0])
    assert first == {"ok": True}
    assert second == {"ok": False, "message": RECORD_CHANGED}
    assert "alterado por outro usuário" in second["message"]
    assert invoice(db, office.invoice).description == "Ana"  # nothing of Ana's is lost
