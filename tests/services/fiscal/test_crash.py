"""Real processes: a desk killed between "sent" and the answer, and two desks at once.

Nothing is mocked: each desk is a Python process generating against the fake Sefin over TLS.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

from contoffice.core.vocab import FiscalStatus
from contoffice.db.uow import Database
from contoffice.services.fiscal import settings
from contoffice.services.fiscal.generate import Outcome
from contoffice.services.invoices.actions import remove_invoices
from contoffice.services.kernel import messages as km
from contoffice.services.kernel.permissions import Actor
from tests.services.fiscal.support import PASSWORD, documents, fiscal_office, fiscal_status, run
from tests.support.sefin_server import SefinTestServer

ROOT = Path(__file__).resolve().parents[3]


def _desk(db_url: str, ids: list[int]) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHON_KEYRING_BACKEND": "memkeyring.MemoryKeyring",
           "PYTHONPATH": os.pathsep.join([str(ROOT / "tests" / "support"), str(ROOT),
                                          os.environ.get("PYTHONPATH", "")])}
    return subprocess.Popen([sys.executable, "-m", "tests.services.fiscal.desk", db_url,
                             PASSWORD, *map(str, ids)], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _posts(sefin: SefinTestServer) -> int:
    return sum(1 for r in sefin.requests if r.method == "POST" and r.path == "/nfse")


def test_a_desk_killed_between_sent_and_answer_never_issues_twice(
    db: Database, db_url: str, actor: Actor, sefin: SefinTestServer, tmp_path: Path,
    office_a1: bytes
) -> None:
    ids = fiscal_office(db, actor, 2, tmp_path, url=sefin.url, ca_file=sefin.ca_file,
                        pfx=office_a1)
    with db.uow() as uow:  # the desk would wait a minute for the answer: it is killed first
        settings.save(uow, actor, replace(settings.read(uow), timeout_seconds=60))
    sefin.script("timeout", processed=True, hold=60)  # authorised, the answer held back
    desk = _desk(db_url, ids[:1])
    deadline = time.monotonic() + 120
    while _posts(sefin) < 1:
        assert desk.poll() is None, desk.communicate()
        assert time.monotonic() < deadline, "the desk never sent"
        time.sleep(0.05)
    desk.send_signal(signal.SIGKILL)
    desk.communicate(timeout=60)
    (doc,) = documents(db)
    assert (doc.status, doc.number, doc.key) == ("sent", 1, None)  # committed before the call
    assert fiscal_status(db, ids[0]) == FiscalStatus.PENDING
    refused = remove_invoices(db.uow(), actor, invoice_ids=ids[:1], reason="teste de remoção")
    assert km.INVOICE_AWAITS_FISCAL_DOCUMENTS in str(refused)
    report = run(db, actor, ids)  # asks the Sefin about number 1 first, then goes on
    assert [r.outcome for r in report.rows] == [Outcome.ISSUED, Outcome.ISSUED]
    assert _posts(sefin) == 2  # number 1 was never sent again
    assert [(d.invoice_id, d.number, d.nfse_number, d.status) for d in documents(db)] == [
        (ids[0], 1, 1, "authorised"), (ids[1], 2, 2, "authorised")]
    assert fiscal_status(db, ids[0]) == FiscalStatus.ISSUED


def test_two_desks_at_once_take_distinct_numbers_and_one_note_per_invoice(
    db: Database, db_url: str, actor: Actor, sefin: SefinTestServer, tmp_path: Path,
    office_a1: bytes
) -> None:
    ids = fiscal_office(db, actor, 12, tmp_path, url=sefin.url, ca_file=sefin.ca_file,
                        pfx=office_a1)
    desks = [_desk(db_url, ids), _desk(db_url, list(reversed(ids)))]
    outputs = [d.communicate(timeout=300) for d in desks]
    assert [d.returncode for d in desks] == [0, 0], outputs
    docs = documents(db)
    assert sorted(d.number for d in docs) == list(range(1, 13))
    assert sorted(d.invoice_id for d in docs) == sorted(ids)
    assert all(d.status == "authorised" for d in docs)
    assert _posts(sefin) == 12
    assert all(fiscal_status(db, i) == FiscalStatus.ISSUED for i in ids)
