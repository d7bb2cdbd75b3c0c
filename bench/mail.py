"""Mass e-mail benchmark: N e-mails, each with its boleto PDF, to a real SMTP server.

    .venv/bin/python bench/mail.py [--messages 1000] [--tls] [--no-postgres]

Bills N clients (one open boleto each), plans the competência's batch, writes it to the
outbox and sends it through `dispatch.send_queued` — the same calls the window's
*Envio em massa* and `contoffice mail batch` make — to aiosmtpd on 127.0.0.1 (plain SMTP
with AUTH, or STARTTLS with --tls). Prints the plan, queue and sending times and messages
per second. SQLite in a temporary file; PostgreSQL in a throwaway cluster.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "support"))
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "memkeyring.MemoryKeyring")

from contoffice.core.message_vocab import MailSecurity  # noqa: E402
from contoffice.services.admin.operators import system_actor  # noqa: E402
from contoffice.services.admin.setup import open_database  # noqa: E402
from contoffice.services.messaging import dispatch, mass  # noqa: E402
from contoffice.services.messaging.dispatch import Pace  # noqa: E402
from tests.services.messaging.support import add_account, billed_office  # noqa: E402
from tests.support import smtp_server as local  # noqa: E402


def _timed(fn):  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    value = fn()
    return value, time.perf_counter() - started


def bench(url: str, messages: int, tls: bool, folder: Path) -> dict[str, float]:
    """Plan, queue and send `messages` boleto e-mails; the seconds each step took."""
    db = open_database(url)
    with db.uow() as uow:
        actor = system_actor(uow)
        uow.commit()
    billed_office(db, actor, messages)
    certificate = local.require_certificate(folder) if tls else None
    security = "starttls" if tls else "plain"
    with local.smtp_server(security=security, certificate=certificate) as server:
        add_account(db, actor, server.port,
                    security=MailSecurity.STARTTLS if tls else MailSecurity.PLAIN)
        pace = Pace(ssl_context=certificate.client_context() if certificate else None)
        figures: dict[str, float] = {}
        plan, figures["plan"] = _timed(lambda: mass.plan_batch(
            db.uow(), actor, mass.Selection(competence=date(2026, 12, 1))))
        batch_id, figures["queue"] = _timed(lambda: mass.queue_batch(db, actor, plan))
        report, figures["send"] = _timed(lambda: dispatch.send_queued(
            db, actor, batch_id=batch_id, pace=pace))
        assert report.sent == messages == len(server.received), report
    db.dispose()
    return figures


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--messages", type=int, default=1000)
    parser.add_argument("--tls", action="store_true", help="STARTTLS instead of plain SMTP")
    parser.add_argument("--no-postgres", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        figures = {"SQLite": bench(f"sqlite:///{folder}/bench.sqlite3", args.messages,
                                   args.tls, Path(folder))}
        if not args.no_postgres:
            out = subprocess.run([str(ROOT / "scripts" / "pgcluster"), "start"], check=True,
                                 capture_output=True, text=True).stdout.split()
            try:
                figures["PostgreSQL"] = bench(out[0], args.messages, args.tls, Path(folder))
            finally:
                subprocess.run([str(ROOT / "scripts" / "pgcluster"), "stop", out[1]],
                               check=False)
    for backend, values in figures.items():
        print(f"{backend:<11} {args.messages} e-mails with boleto: plan {values['plan']:.2f} s, "
              f"queue {values['queue']:.2f} s, send {values['send']:.2f} s = "
              f"{args.messages / values['send']:.0f} messages/s")


if __name__ == "__main__":
    main()
