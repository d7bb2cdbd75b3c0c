"""Importing an office's clients: read, simulate and import 50,000 rows with 3 bad ones.

    .venv/bin/python bench/import_people.py [--rows 50000] [--no-postgres]

Writes the sheet as Excel does (XLSX with shared strings) and as a `;` CSV, then times
through the services the window and `contoffice import people` call: `read_file`,
`preview_import` (the dry run) and `apply_import` with `skip_refused` (one transaction,
bulk insert, one audit event per person). SQLite in a temporary file; PostgreSQL in a
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

from rustpy_xlsxwriter import write_worksheet  # noqa: E402

from contoffice.services.admin.operators import system_actor  # noqa: E402
from contoffice.services.admin.setup import open_database  # noqa: E402
from contoffice.services.people import import_mapping, importing  # noqa: E402
from tests.services.people import sheets  # noqa: E402
from tests.support.databases import prepare  # noqa: E402


def _timed(fn):  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    value = fn()
    return value, time.perf_counter() - started


def files(folder: Path, rows: int) -> tuple[Path, Path]:
    """The same clients as XLSX (shared strings, as Excel saves) and as CSV; 3 rows bad."""
    data = sheets.rows(rows, seed=3)
    data[rows // 5][2] = "111.111.111-11"
    data[rows // 2][9] = "Lugar Nenhum"
    data[-1][2] = data[0][2]
    xlsx = folder / "clientes.xlsx"
    write_worksheet([dict(zip(sheets.HEADER, row, strict=True)) for row in data], str(xlsx),
                    dedupe_strings=True)
    return xlsx, sheets.write_csv(folder / "clientes.csv", data)


def bench(url: str, xlsx: Path, csv: Path) -> dict[str, float]:
    """Read both files, simulate and import the XLSX one."""
    prepare(url)
    db = open_database(url)
    with db.uow() as uow:
        actor = system_actor(uow)
        uow.commit()
    figures: dict[str, float] = {}
    _csv, figures["read csv"] = _timed(lambda: importing.read_file(csv))
    sheet, figures["read xlsx"] = _timed(lambda: importing.read_file(xlsx))
    columns = import_mapping.guess(sheet.headers)
    plan, figures["simulate"] = _timed(lambda: importing.preview_import(
        db.uow(), actor, sheet, columns))
    assert len(plan.refused) == 3, plan.refused
    result, figures["import"] = _timed(lambda: importing.apply_import(
        db.uow(), actor, sheet, columns, skip_refused=True))
    assert len(result.created) == len(sheet.rows) - 3
    db.dispose()
    return figures


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=50_000)
    parser.add_argument("--no-postgres", action="store_true")
    args = parser.parse_args()
    figures: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as folder:
        xlsx, csv = files(Path(folder), args.rows)
        figures["SQLite"] = bench(f"sqlite:///{folder}/bench.sqlite3", xlsx, csv)
        if not args.no_postgres:
            out = subprocess.run([str(ROOT / "scripts" / "pgcluster"), "start"], check=True,
                                 capture_output=True, text=True).stdout.split()
            try:
                figures["PostgreSQL"] = bench(out[0], xlsx, csv)
            finally:
                subprocess.run([str(ROOT / "scripts" / "pgcluster"), "stop", out[1]],
                               check=False)
    for backend, values in figures.items():
        steps = ", ".join(f"{name} {seconds:.2f} s ({args.rows / seconds:,.0f} linhas/s)"
                          for name, seconds in values.items())
        print(f"{backend:<11} {args.rows} rows: {steps}")


if __name__ == "__main__":
    main()
