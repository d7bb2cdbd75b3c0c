"""Two desks bill the same competência at once, the fees made ahead (the adversarial probe).

    .venv/bin/python bench/billing_race.py [--people 3000] [--pairs 12] [--no-postgres]

For each backend: `contoffice demo --people N`, `fees generate` for every client with an
active contract for `pairs` months ahead, then for each month two `billing run
--competence M --chunk-size 1` started together as separate processes. Counts, per
backend: pairs run, invoices billed twice for one conta (duplicates), invoices without
a conta (orphans), contas left unbilled, exit codes other than 0, seconds per pair.
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

from sqlalchemy import func, select  # noqa: E402

from contoffice.core.vocab import ChargeKind, ContractStatus  # noqa: E402
from contoffice.db.models import Charge, Contract, Invoice  # noqa: E402
from contoffice.db.uow import Database  # noqa: E402

FIRST = date(2027, 3, 1)


def _cli(url: str, *args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "CONTOFFICE_DATABASE_URL": url,  # the demo office's administrator
           "CONTOFFICE_OPERATOR": "carlos", "CONTOFFICE_PASSWORD": "demo1234"}
    return subprocess.Popen([sys.executable, "-m", "contoffice", *args], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _month(n: int) -> date:
    index = FIRST.year * 12 + FIRST.month - 1 + n
    return date(index // 12, index % 12 + 1, 1)


def _count(db: Database, competence: date) -> dict[str, int]:
    with db.uow() as uow:
        s = uow.session
        invoices = s.scalar(select(func.count()).select_from(Invoice)
                            .where(Invoice.competence == competence)) or 0
        linked = select(Charge.invoice_id).where(Charge.invoice_id.is_not(None))
        orphans = s.scalar(select(func.count()).select_from(Invoice).where(
            Invoice.competence == competence, Invoice.id.not_in(linked))) or 0
        fees = s.scalar(select(func.count()).select_from(Charge).where(
            Charge.competence == competence, Charge.kind == ChargeKind.FEE)) or 0
        unbilled = s.scalar(select(func.count()).select_from(Charge).where(
            Charge.competence == competence, Charge.kind == ChargeKind.FEE,
            Charge.invoice_id.is_(None), Charge.status == "open")) or 0
    return {"invoices": invoices, "orphans": orphans, "fees": fees, "unbilled": unbilled}


def race(url: str, people: int, pairs: int) -> dict[str, float]:
    """Run the pairs on one database; the totals of what went wrong (all should be 0)."""
    subprocess.run([sys.executable, "-m", "contoffice", "--database", url, "demo", "--people",
                    str(people)], check=True, capture_output=True)
    db = Database(url)
    with db.uow() as uow:
        holders = sorted(set(uow.session.scalars(select(Contract.person_id).where(
            Contract.status == ContractStatus.ACTIVE))))
    ahead = _cli(url, "fees", "generate", "--people", ",".join(map(str, holders)),
                 "--start", FIRST.isoformat()[:7], "--times", str(pairs), "--json")
    _out, err = ahead.communicate()
    assert ahead.returncode == 0, err
    totals = {"pairs": 0, "duplicates": 0, "orphans": 0, "unbilled": 0, "bad_exits": 0,
              "seconds": 0.0}
    for n in range(pairs):
        competence = _month(n)
        args = ("billing", "run", "--competence", competence.isoformat()[:7],
                "--chunk-size", "1", "--json")
        started = time.perf_counter()
        desks = [_cli(url, *args) for _ in range(2)]
        for desk in desks:
            desk.communicate()
            totals["bad_exits"] += desk.returncode != 0
        totals["seconds"] += time.perf_counter() - started
        c = _count(db, competence)
        totals["pairs"] += 1
        totals["orphans"] += c["orphans"]
        totals["duplicates"] += max(0, c["invoices"] - (c["fees"] - c["unbilled"]))
        totals["unbilled"] += c["unbilled"]
    db.dispose()
    return totals


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--people", type=int, default=3000)
    parser.add_argument("--pairs", type=int, default=12)
    parser.add_argument("--no-postgres", action="store_true")
    args = parser.parse_args()
    figures = {}
    with tempfile.TemporaryDirectory() as folder:
        figures["SQLite"] = race(f"sqlite:///{folder}/race.sqlite3", args.people, args.pairs)
    if not args.no_postgres:
        out = subprocess.run([str(ROOT / "scripts" / "pgcluster"), "start"], check=True,
                             capture_output=True, text=True).stdout.split()
        try:
            figures["PostgreSQL"] = race(out[0], args.people, args.pairs)
        finally:
            subprocess.run([str(ROOT / "scripts" / "pgcluster"), "stop", out[1]], check=False)
    for backend, t in figures.items():
        print(f"{backend:<11} {t['pairs']} pairs of desks on {args.people} people: "
              f"{t['duplicates']} duplicated invoices, {t['orphans']} invoices without conta, "
              f"{t['unbilled']} contas unbilled, {t['bad_exits']} bad exits; "
              f"{t['seconds'] / max(1, t['pairs']):.1f} s per pair")


if __name__ == "__main__":
    main()
