"""Bank file benchmarks: a 10,000-title remittance and a 50,000-record return import.

    .venv/bin/python bench/bank_files.py [--remittance 10000] [--returns 50000] [--no-postgres]

Bills N clients (one contract each) through the billing run, then times through the
services the window and the CLI call: `generate_remittance` of the first 10,000 titles,
and `import_return` (parse, match, settle in one transaction) of the bank's return paying
every title of a 50,000-title remittance. SQLite in a temporary file; PostgreSQL in a
throwaway cluster from scripts/pgcluster.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import update  # noqa: E402

from contoffice.banking.cnab.returns import read_return  # noqa: E402
from contoffice.core.vocab import ReturnOutcome  # noqa: E402
from contoffice.db.models import Invoice  # noqa: E402
from contoffice.services.admin.operators import system_actor  # noqa: E402
from contoffice.services.admin.setup import open_database  # noqa: E402
from contoffice.services.bank_files import remittance_states, remittances, returns  # noqa: E402
from tests.services.bank_files import support as s  # noqa: E402

TODAY = s.TODAY


def _timed(fn):  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    value = fn()
    return value, time.perf_counter() - started


def bench(url: str, remittance_size: int, return_size: int) -> dict[str, float]:
    """Time one remittance of `remittance_size` titles and one import of `return_size`."""
    db = open_database(url)
    with db.uow() as uow:
        actor = system_actor(uow)
        uow.commit()
    profile_id = s.office(db, return_size)
    s.bill(db, actor)
    figures: dict[str, float] = {}
    with db.uow() as uow:  # only the first `remittance_size` titles await the first file
        uow.session.execute(update(Invoice).where(Invoice.id > remittance_size)
                            .values(remittance_status="transmitted"))
        uow.commit()
    small, figures["remittance"] = _timed(lambda: remittances.generate_remittance(
        db.uow(), actor, profile_id=profile_id, today=TODAY))
    assert small.titles == remittance_size
    remittance_states.undo_remittances(db.uow(), actor, remittance_ids=[small.remittance_id])
    with db.uow() as uow:
        uow.session.execute(update(Invoice).values(remittance_status="none"))
        uow.commit()
    big = remittances.generate_remittance(db.uow(), actor, profile_id=profile_id, today=TODAY)
    data = s.bank_return([s.paid(t, interest=(n % 3) * 100, fee=180)
                          for n, t in enumerate(s.sent(big.content))])
    _parsed, figures["parse"] = _timed(lambda: read_return(data))
    report, figures["import"] = _timed(lambda: returns.import_return(
        db.uow(), actor, data=data, filename="bench.ret", today=TODAY))
    assert report.counts == {ReturnOutcome.SETTLED: return_size}, report.counts
    db.dispose()
    return figures


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--remittance", type=int, default=10_000)
    parser.add_argument("--returns", type=int, default=50_000)
    parser.add_argument("--no-postgres", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        figures = {"SQLite": bench(f"sqlite:///{folder}/bench.sqlite3", args.remittance,
                                   args.returns)}
    if not args.no_postgres:
        out = subprocess.run([str(ROOT / "scripts" / "pgcluster"), "start"], check=True,
                             capture_output=True, text=True).stdout.split()
        try:
            figures["PostgreSQL"] = bench(out[0], args.remittance, args.returns)
        finally:
            subprocess.run([str(ROOT / "scripts" / "pgcluster"), "stop", out[1]], check=False)
    for backend, values in figures.items():
        print(f"{backend:<11} remittance {args.remittance} titles: {values['remittance']:.2f} s; "
              f"return {args.returns} records: parse {values['parse']:.2f} s, "
              f"import {values['import']:.2f} s")


if __name__ == "__main__":
    main()
