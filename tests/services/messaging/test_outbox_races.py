"""Exactly once: a sending process killed with SIGKILL and resumed, two desks on one batch.

Real processes (`contoffice mail …`), a real SMTP server in this process, both backends.
The children share secrets through a file keyring (tests/support/filekeyring.py).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import func, select

from contoffice.core.message_vocab import MessageStatus
from contoffice.db.models import MessageBatch, OutboundMessage
from contoffice.db.uow import Database
from contoffice.services.kernel.permissions import Actor
from tests.services.messaging.support import billed_office
from tests.support import smtp_server as local
from tests.support.cli_login import cli_login  # noqa: F401  (the CLI logs in)

ROOT = Path(__file__).resolve().parents[3]
SUPPORT = ROOT / "tests" / "support"


def _env(db_url: str, keyring: Path) -> dict[str, str]:
    return {**os.environ, "CONTOFFICE_DATABASE_URL": db_url,
            "PYTHON_KEYRING_BACKEND": "filekeyring.FileKeyring",
            "CONTOFFICE_TEST_KEYRING": str(keyring),
            "PYTHONPATH": os.pathsep.join([str(SUPPORT), os.environ.get("PYTHONPATH", "")]),
            "CONTOFFICE_SMTP_PASSWORD": local.PASSWORD}


def _mail(env: dict[str, str], *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "contoffice", "mail", *args], cwd=ROOT,
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _account(env: dict[str, str], port: int) -> None:
    added = _mail(env, "account", "add", "--name", "Principal", "--host", local.HOST,
                  "--port", str(port), "--plain", "--user", local.USER,
                  "--sender", "cobranca@escritorio.com.br", "--default", "--json")
    out, err = added.communicate(timeout=60)
    assert added.returncode == 0, err
    assert json.loads(out)["password_in_keyring"] is True


def _statuses(db: Database) -> Counter[MessageStatus]:
    with db.uow() as uow:
        return Counter(dict(uow.session.execute(select(
            OutboundMessage.status, func.count()).group_by(OutboundMessage.status)).all()))


def _ids(server: local.SmtpTestServer) -> list[str]:
    return [str(r.message["Message-ID"]) for r in server.received]


@pytest.mark.usefixtures("cli_login")
def test_a_batch_killed_half_way_and_resumed_arrives_exactly_once(
    db: Database, db_url: str, actor: Actor, tmp_path: Path
) -> None:
    billed_office(db, actor, 1000)
    env = _env(db_url, tmp_path / "keyring.json")
    with local.smtp_server() as server:
        _account(env, server.port)
        first = _mail(env, "batch", "--competence", "2026-12", "--json")
        deadline = time.monotonic() + 240
        while len(server.received) < 400 and first.poll() is None:
            assert time.monotonic() < deadline, "the batch did not get going"
            time.sleep(0.01)
        first.send_signal(signal.SIGKILL)
        first.communicate(timeout=60)
        killed_at = len(server.received)
        assert 400 <= killed_at < 1000, "killed too late to mean anything"
        with db.uow() as uow:
            batch_id = uow.session.scalar(select(func.max(MessageBatch.id)))
        resumed = _mail(env, "batch", "--resume", str(batch_id), "--json")
        out, err = resumed.communicate(timeout=300)
        report = json.loads(out)
        sent_ids = _ids(server)
    # Nothing twice, ever: every Message-ID the server holds is unique.
    assert len(sent_ids) == len(set(sent_ids))
    statuses = _statuses(db)
    # The one message the kill may have cut mid-conversation is flagged, never resent.
    assert statuses[MessageStatus.UNCERTAIN] <= 1 and report["uncertain"] <= 1
    assert statuses[MessageStatus.SENT] + statuses[MessageStatus.UNCERTAIN] == 1000, statuses
    with db.uow() as uow:
        rows = dict(uow.session.execute(select(OutboundMessage.message_id,
                                               OutboundMessage.status)).all())
    sent = {m for m, status in rows.items() if status is MessageStatus.SENT}
    uncertain = {m for m, status in rows.items() if status is MessageStatus.UNCERTAIN}
    assert sent <= set(sent_ids), err  # every message marked sent arrived (once)
    assert set(sent_ids) - sent <= uncertain  # and nothing else arrived but the flagged one
    assert report["sent"] == len(sent) - (killed_at - len(set(sent_ids[:killed_at]) & uncertain))


@pytest.mark.usefixtures("cli_login")
def test_two_desks_resuming_one_batch_send_each_message_once(
    db: Database, db_url: str, actor: Actor, tmp_path: Path
) -> None:
    billed_office(db, actor, 300)
    env = _env(db_url, tmp_path / "keyring.json")
    with local.smtp_server() as server:
        _account(env, server.port)
        planned = _mail(env, "batch", "--competence", "2026-12", "--dry-run", "--json")
        out, err = planned.communicate(timeout=120)
        assert len(json.loads(out)["messages"]) == 300, err
        from contoffice.services.messaging import mass

        plan = mass.plan_batch(db.uow(), actor, mass.Selection(invoice_ids=tuple(
            range(1, 301))))
        batch_id = mass.queue_batch(db, actor, plan)
        desks = [_mail(env, "batch", "--resume", str(batch_id), "--json") for _ in range(2)]
        reports = [json.loads(d.communicate(timeout=300)[0]) for d in desks]
        sent_ids = _ids(server)
    assert sum(r["sent"] for r in reports) == 300
    assert len(sent_ids) == 300 == len(set(sent_ids))
    assert _statuses(db) == Counter({MessageStatus.SENT: 300})
