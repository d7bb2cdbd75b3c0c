"""`contoffice statement` (extrato de conta) and `contoffice people sheet` (ficha cadastral).

Registered by `people_cmd.register` (the `people` command must exist first for
`sheet`), so it is not listed in COMMAND_MODULES.
"""

from __future__ import annotations

import argparse
from dataclasses import asdict
from datetime import date
from pathlib import Path
from typing import Any

from contoffice.cli import emit_json, rows
from contoffice.cli.common import actor, add_common, database
from contoffice.cli.numbers import record_id
from contoffice.cli.parser import actions_of
from contoffice.core.format import format_date, format_money, parse_date
from contoffice.errors import InvalidInput
from contoffice.services.statements import Statement, print_sheet, statement, write_statements


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add `statement` and `people sheet`."""
    cmd = sub.add_parser("statement", help="extrato de conta de clientes em um PDF")
    who = cmd.add_mutually_exclusive_group(required=True)
    who.add_argument("--person", type=record_id, metavar="ID", help="código do cadastro")
    who.add_argument("--people", metavar="IDS", help="códigos separados por vírgula (um PDF)")
    cmd.add_argument("--from", dest="start", metavar="DATA",
                     help="início do período, dd/mm/aaaa (padrão: 1º de janeiro deste ano)")
    cmd.add_argument("--to", dest="end", metavar="DATA",
                     help="fim do período, dd/mm/aaaa (padrão: hoje)")
    cmd.add_argument("-o", "--output", type=Path, metavar="FILE.pdf",
                     help="PDF a gravar (obrigatório sem --json)")
    add_common(cmd, operator=True)
    cmd.set_defaults(handler=run_statement)
    sheet = actions_of(sub, "people").add_parser("sheet", help="ficha cadastral em PDF")
    sheet.add_argument("id", type=record_id, metavar="ID", help="código do cadastro")
    sheet.add_argument("-o", "--output", required=True, type=Path, metavar="FILE.pdf")
    add_common(sheet, operator=True)
    sheet.set_defaults(handler=run_sheet)


def _period(args: argparse.Namespace) -> tuple[date, date]:
    today = date.today()
    start = parse_date(args.start, "--from") if args.start else date(today.year, 1, 1)
    end = parse_date(args.end, "--to") if args.end else today
    if end < start:
        raise InvalidInput(f"Período inválido: --to ({format_date(end)}) é anterior a --from "
                           f"({format_date(start)}).", field="--to")
    return start, end


def _as_json(s: Statement) -> dict[str, Any]:
    lines = [{**asdict(line), "debit_cents": line.debit_cents,
              "credit_cents": line.credit_cents} for line in s.lines]
    return {"person_id": s.person_id, "name": s.name, "start": s.start, "end": s.end,
            "opening_cents": s.opening_cents, "closing_cents": s.closing_cents,
            "invoiced_cents": s.invoiced_cents, "received_cents": s.received_cents,
            "lines": lines, "aging": [asdict(b) for b in s.aging]}


def run_statement(args: argparse.Namespace) -> int:
    """Write the statements of the period into one PDF (and/or print them as JSON)."""
    ids = [args.person] if args.person is not None else rows.ids(args.people, "--people")
    start, end = _period(args)
    if args.output is None and not args.json:
        raise InvalidInput("Informe o arquivo do PDF (-o ARQUIVO.pdf) ou --json.", field="-o")
    db = database(args)
    try:
        who = actor(db, args)
        found = [statement(db.uow(), who, person_id, start, end) for person_id in ids]
        pages = write_statements(db, found, args.output) if args.output else 0
    finally:
        db.dispose()
    if args.json:
        emit_json({"output": str(args.output) if args.output else None, "pages": pages,
                   "statements": [_as_json(s) for s in found]})
        return 0
    for s in found:
        print(f"{s.person_id:>8}  {s.name[:40]:<40}  anterior {format_money(s.opening_cents)}"
              f"  final {format_money(s.closing_cents)}")
    print(f"{len(found)} extrato(s), {pages} página(s) gravada(s) em {args.output}.")
    return 0


def run_sheet(args: argparse.Namespace) -> int:
    """Write the person's ficha cadastral."""
    db = database(args)
    try:
        pages = print_sheet(db, actor(db, args), args.id, args.output)
    finally:
        db.dispose()
    if args.json:
        emit_json({"output": str(args.output), "pages": pages, "person_id": args.id})
    else:
        print(f"Ficha cadastral do cadastro {args.id} gravada em {args.output}.")
    return 0
