"""`contoffice export GRID -o FILE.xlsx|FILE.csv [filters]`: any grid of the window to a sheet.

The extension picks the format: `.csv` writes CSV (`;`, UTF-8 with BOM, decimal comma),
anything else (`.xlsx`, a pipe) XLSX.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from contoffice.cli import emit_json, fail
from contoffice.cli.common import actor, add_common, database
from contoffice.cli.numbers import record_id
from contoffice.core.paging import PageRequest, Sort
from contoffice.services.panels.existence import require_person
from contoffice.services.panels.grid_export import export_grid
from contoffice.services.panels.grids import GRIDS


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    export = sub.add_parser("export", help="exporta uma grade para XLSX ou CSV")
    export.add_argument("grid", choices=sorted(GRIDS), metavar="GRID",
                        help="grade: " + ", ".join(sorted(GRIDS)))
    export.add_argument("-o", "--output", required=True, metavar="ARQUIVO.xlsx|ARQUIVO.csv",
                        help="arquivo de saída: .csv grava CSV, os demais XLSX")
    export.add_argument("--person", type=record_id, metavar="CODIGO",
                        help="cliente (grades client.*)")
    export.add_argument("--filter", action="append", default=[], metavar="CHAVE=VALOR",
                        help="filtro de coluna, como na grade (repetível)")
    export.add_argument("--columns", default="", help="colunas, separadas por vírgula")
    export.add_argument("--sort", default="", help="coluna[,-coluna]: - para decrescente")
    add_common(export, operator=True)
    export.set_defaults(handler=_export)


def _filters(pairs: list[str]) -> dict[str, str]:
    filters = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key:
            raise ValueError(pair)
        filters[key.strip()] = value.strip()
    return filters


def _export(args: argparse.Namespace) -> int:
    spec = GRIDS[args.grid]
    if spec.per_person and args.person is None:
        return fail(f"A grade {args.grid} precisa de --person CODIGO.")
    try:
        filters = _filters(args.filter)
    except ValueError as error:
        return fail(f"Filtro inválido: {error} (use CHAVE=VALOR).")
    allowed = {c.filter_key for c in spec.columns if c.filter_key}
    unknown = sorted(set(filters) - allowed)
    if unknown:
        return fail(f"Filtro desconhecido para {args.grid}: {', '.join(unknown)}. "
                    f"Use: {', '.join(sorted(allowed))}.")
    columns = [c for c in args.columns.split(",") if c] or None
    known = {c.key for c in spec.columns}
    if columns and not set(columns) <= known:
        return fail(f"Coluna desconhecida. Use: {', '.join(c.key for c in spec.columns)}.")
    sort = tuple(Sort(k.lstrip("-"), k.startswith("-")) for k in args.sort.split(",") if k)
    request = PageRequest(filters, sort)  # the grid adds its own fixed filters
    db = database(args)
    try:
        who = actor(db, args)
        if args.person is not None:  # an unknown client is refused, not an empty sheet
            require_person(db.uow(), args.person)
        result = export_grid(db, who, args.grid, Path(args.output),
                             request=request, person_id=args.person, column_keys=columns)
    finally:
        db.dispose()
    if args.json:
        kind = "csv" if result.path.suffix.lower() == ".csv" else "xlsx"
        emit_json({"grid": args.grid, "path": str(result.path), "rows": result.rows,
                   "format": kind})
    else:
        print(f"{result.rows} linha(s) exportada(s) para {result.path}.")
    return 0
