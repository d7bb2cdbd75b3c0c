"""`contoffice import people|contracts|invoices FILE`: an office's clients, contracts and open
invoices, from XLSX or CSV.

Exit codes: 0 every row imported (or, with --dry-run, every row would be), 4 some rows
refused (listed with their row numbers; without --skip-refused nothing was written),
2 a file, header or mapping that cannot be used (one pt-BR line).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from contoffice.cli.common import actor, add_common, database
from contoffice.cli.import_output import show
from contoffice.cli.rows import EXIT_REFUSED
from contoffice.services.contracts import importing as contracts
from contoffice.services.invoices import importing as invoices
from contoffice.services.kernel.busy import retry_when_busy
from contoffice.services.people import import_mapping, importing


@dataclass(frozen=True, slots=True)
class _Kind:
    """One importable thing: its fields, its mapping, its two services and refusal."""

    help: str
    noun: str  # what the import creates, as the summary line counts it
    labels: Mapping[str, str]
    columns: Callable[[Any, Mapping[str, str]], tuple[str, ...]]
    check: Callable[[Any, tuple[str, ...]], None]
    preview: Callable[..., Any]
    apply: Callable[..., Any]
    refused: type[Exception]


_KINDS = {
    "people": _Kind(
        "importar clientes de uma planilha XLSX ou CSV", "cadastro(s)",
        {k: f.label for k, f in import_mapping.BY_KEY.items()},
        lambda sheet, given: import_mapping.apply_mapping(sheet.headers, given),
        lambda sheet, cols: import_mapping.check(sheet.headers, cols, sheet.header_row),
        importing.preview_import, importing.apply_import, importing.ImportRefused),
    "contracts": _Kind(
        "importar contratos (CPF/CNPJ do cliente, plano, valor, início, dia de vencimento)",
        "contrato(s)",
        {k: f.label for k, f in contracts.MAP.by_key.items()},
        contracts.apply_mapping,
        contracts.check_columns, contracts.preview_contracts, contracts.apply_contracts,
        contracts.ContractsRefused),
    "invoices": _Kind(
        "importar faturas em aberto (CPF/CNPJ do cliente, valor, vencimento, descrição)",
        "fatura(s)", {k: f.label for k, f in invoices.MAP.by_key.items()},
        invoices.apply_mapping, invoices.check_columns, invoices.preview_invoices,
        invoices.apply_invoices, invoices.InvoicesRefused),
}


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    group = sub.add_parser("import", help="importar dados de outro sistema (planilhas)")
    actions = group.add_subparsers(dest="import_command", required=True, metavar="ACAO")
    for name, kind in _KINDS.items():
        parser = actions.add_parser(name, help=kind.help)
        parser.add_argument("file", type=Path, metavar="ARQUIVO", help="planilha .xlsx ou .csv")
        parser.add_argument("--mapping", type=Path, metavar="ARQUIVO.json",
                            help='colunas da planilha → campos: {"Coluna": "campo", …}')
        parser.add_argument("--dry-run", action="store_true",
                            help="só simula: lista o que seria criado e o que seria recusado")
        parser.add_argument("--skip-refused", action="store_true",
                            help="importa as linhas aceitas e deixa de fora as recusadas")
        parser.add_argument("--progress", action="store_true", help="progresso no stderr")
        add_common(parser, operator=True)
        parser.set_defaults(handler=_import, import_kind=name)


class _StderrProgress:
    def step(self, done: int, total: int, label: str = "") -> None:
        print(f"importação: {done}/{total} {label}", file=sys.stderr, flush=True)

    def cancelled(self) -> bool:
        return False


def _import(args: argparse.Namespace) -> int:
    kind = _KINDS[args.import_kind]
    sheet = importing.read_file(args.file)
    given = import_mapping.read_mapping_file(args.mapping) if args.mapping else {}
    columns = kind.columns(sheet, given)
    kind.check(sheet, columns)
    progress = _StderrProgress() if args.progress else None
    db = database(args)
    try:
        who = actor(db, args)
        if args.dry_run:
            plan = retry_when_busy(lambda: kind.preview(
                db.uow(), who, sheet, columns, progress=progress))
            return show(args, plan, kind.labels, kind.noun, created=(), applied=False)
        try:
            result = retry_when_busy(lambda: kind.apply(
                db.uow(), who, sheet, columns, skip_refused=args.skip_refused,
                progress=progress))
        except kind.refused as refused:
            plan = refused.plan  # type: ignore[attr-defined]
            show(args, plan, kind.labels, kind.noun, created=(), applied=False)
            print(f"contoffice: {refused}", file=sys.stderr)
            return EXIT_REFUSED
    finally:
        db.dispose()
    return show(args, result.plan, kind.labels, kind.noun, created=result.created, applied=True)
