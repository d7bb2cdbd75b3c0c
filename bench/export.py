"""Spreadsheet export: contoffice's streaming exporter against pandas `to_excel` (openpyxl).

`python bench/export.py [--rows 100000] [--no-office]`

1. The same 100,000 rows x 10 columns (code, date, name, CNPJ, e-mail, phone, city,
   amount, date-time, status) written by `contoffice.exports.table.write_xlsx` and by
   `pandas.DataFrame.to_excel(engine="openpyxl")`, in one run; prints the ratio.
2. If the benchmark office of bench/finder.py exists (/tmp/contoffice-bench.sqlite3), the
   "Cadastros ativos" grid exported through the service the window calls, in a child
   process so its peak memory (getrusage) is the export's alone.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from office import SQLITE_PATH

from contoffice.core.grids import ColumnKind as K
from contoffice.core.grids import ColumnSpec as C
from contoffice.core.paging import PageRequest
from contoffice.exports.table import Table, write_xlsx

COLUMNS = (C("id", "Código", K.INT), C("registered_on", "Data de cadastro", K.DATE),
           C("name", "Cliente", K.TEXT), C("document", "CPF/CNPJ", K.DOCUMENT),
           C("email", "E-mail", K.TEXT), C("phone", "Telefone", K.PHONE),
           C("city", "Cidade", K.TEXT), C("amount", "Valor", K.MONEY),
           C("at", "Em", K.DATETIME), C("status", "Situação", K.TEXT))
CITIES = ("São Paulo", "Campinas", "Ribeirão Preto", "Santos", "Sorocaba")


def rows(n: int) -> list[tuple[object, ...]]:
    """`n` rows of raw grid values (cents, UTC date-times, unmasked documents)."""
    start, moment = date(2020, 1, 1), datetime(2026, 1, 1, 12, tzinfo=UTC)
    return [(i, start + timedelta(days=i % 2000), f"Cliente Exemplo {i} Ltda",
             f"{i:08d}000195", f"cliente{i}@example.com", f"1199{i % 10**7:07d}",
             CITIES[i % 5], 1000 + i * 37 % 10**7, moment + timedelta(minutes=i),
             "Ativo" if i % 3 else "Inativo") for i in range(n)]


def ours(data: list[tuple[object, ...]], folder: Path) -> float:
    started = time.perf_counter()
    write_xlsx(folder / "contoffice.xlsx", Table("Bench", "Escritório · Bench", COLUMNS), data)
    return time.perf_counter() - started


def theirs(data: list[tuple[object, ...]], folder: Path) -> float | None:
    try:
        import pandas as pd
    except ImportError:
        print("pandas ausente: instale com  .venv/bin/pip install -e '.[bench]'")
        return None
    # pandas gets the values already typed the way a sheet wants them (its best case).
    frame = pd.DataFrame([{c.header: c.cell(v) for c, v in zip(COLUMNS, row, strict=True)}
                          for row in data])
    frame["Valor"] = frame["Valor"].astype(float)
    started = time.perf_counter()
    frame.to_excel(folder / "pandas.xlsx", index=False, engine="openpyxl")
    return time.perf_counter() - started


def office_child() -> None:
    """Export "Cadastros ativos" of the benchmark office; print seconds, rows and peak RSS."""
    from contoffice.db.uow import Database
    from contoffice.services.admin.operators import system_actor
    from contoffice.services.panels.grid_export import export_grid

    db = Database(f"sqlite:///{SQLITE_PATH}")
    with db.uow() as uow:
        actor = system_actor(uow)
    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        result = export_grid(db, actor, "finder.active", Path(folder) / "ativos.xlsx",
                             request=PageRequest({"active": True}))
        seconds = time.perf_counter() - started
        size = result.path.stat().st_size
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    usage = resource.getrusage(resource.RUSAGE_SELF)
    print(json.dumps({"rows": result.rows, "seconds": seconds, "peak_mb": peak_mb,
                      "cpu": usage.ru_utime + usage.ru_stime, "bytes": size}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--no-office", action="store_true")
    parser.add_argument("--office-child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.office_child:
        office_child()
        return
    if not args.no_office:  # first: a child inherits its parent's peak RSS (fork, exec)
        office()
    data = rows(args.rows)
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        mine = ours(data, folder)
        print(f"contoffice (rustpy-xlsxwriter): {args.rows:,} linhas x 10 colunas em {mine:.2f} s")
        other = theirs(data, folder)
        if other is not None:
            print(f"pandas to_excel (openpyxl):     {other:.2f} s")
            print(f"razão: {other / mine:.1f}x mais rápido (meta >= 5x)")


def office() -> None:
    """The benchmark office's active people, exported in a child process."""
    if not SQLITE_PATH.exists():
        print(f"{SQLITE_PATH} ausente: rode bench/finder.py para medir o escritório grande")
        return
    done = subprocess.run([sys.executable, __file__, "--office-child"], check=True,
                          capture_output=True, text=True)
    found = json.loads(done.stdout.strip().splitlines()[-1])
    print(f"finder.active ({found['rows']:,} cadastros ativos): {found['seconds']:.2f} s "
          f"({found['cpu']:.2f} s de CPU), pico de memória {found['peak_mb']:.0f} MB, "
          f"{found['bytes'] / 1e6:.1f} MB (metas: <= 5 s, <= 300 MB)")

if __name__ == "__main__":
    main()
