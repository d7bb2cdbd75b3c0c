"""Billing benchmarks: a billing run over 10,000 contracts and settling 10,000 invoices.

    .venv/bin/python bench/billing.py [--contracts 10000] [--no-postgres]

SQLite in a temporary file; PostgreSQL in a throwaway cluster from scripts/pgcluster.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import select  # noqa: E402

from contoffice.db.models import Invoice  # noqa: E402
from contoffice.db.uow import Database  # noqa: E402
from contoffice.services.admin.operators import system_actor  # noqa: E402
from contoffice.services.admin.setup import open_database  # noqa: E402
from contoffice.services.billing import run as billing_run  # noqa: E402
from contoffice.services.settlements import settle as settlements  # noqa: E402
from tests.services.billing_support import bulk_contracts, make_profile  # noqa: E402

TODAY = date(2026, 11, 24)


def bench(url: str, n: int) -> dict[str, float]:
    """Time one billing run over n contracts, then one mass settlement of its invoices."""
    db: Database = open_database(url)
    with db.uow() as uow:
        actor = system_actor(uow)
        uow.commit()
    bulk_contracts(db, n, make_profile(db))
    started = time.perf_counter()
    run = billing_run.run_billing(db, actor, competence="2026-11", today=TODAY)
    run_seconds = time.perf_counter() - started
    assert run.invoices_created == n, run.as_dict()
    with db.uow() as uow:
        ids = list(uow.session.scalars(select(Invoice.id)))
    started = time.perf_counter()
    result = settlements.settle_invoices(db.uow(), actor, invoice_ids=ids, method="other",
                                         settled_on=TODAY, justification="lote", today=TODAY)
    settle_seconds = time.perf_counter() - started
    assert len(result.done) == n
    db.dispose()
    return {"run": run_seconds, "settle": settle_seconds}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--contracts", type=int, default=10_000)
    parser.add_argument("--no-postgres", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        figures = {"SQLite": bench(f"sqlite:///{folder}/bench.sqlite3", args.contracts)}
    if not args.no_postgres:
        out = subprocess.run([str(ROOT / "scripts" / "pgcluster"), "start"], check=True,
                             capture_output=True, text=True).stdout.split()
        try:
            figures["PostgreSQL"] = bench(out[0], args.contracts)
        finally:
            subprocess.run([str(ROOT / "scripts" / "pgcluster"), "stop", out[1]], check=False)
    for backend, values in figures.items():
        print(f"{backend:<11} billing run {args.contracts} contracts: {values['run']:.2f} s; "
              f"settle {args.contracts} invoices: {values['settle']:.2f} s")


if __name__ == "__main__":
    main()
