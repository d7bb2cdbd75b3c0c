"""`contoffice bank …`: remittance files, return imports and their reports (Cobrança bancária)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from contoffice.cli import bank_report, emit_json, tools
from contoffice.cli.common import actor, add_common, database
from contoffice.cli.numbers import count, record_id
from contoffice.core.files import output_file
from contoffice.core.format import format_money
from contoffice.demo import bank_return
from contoffice.errors import InvalidInput
from contoffice.services.bank_files import listing, remittances, returns
from contoffice.services.kernel.busy import retry_when_busy


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    group = sub.add_parser("bank", help="cobrança bancária: remessas e retornos CNAB")
    actions = group.add_subparsers(dest="bank_command", required=True, metavar="ACAO")

    remit = actions.add_parser("remittance", help="gerar o arquivo de remessa de um profile")
    remit.add_argument("--profile", type=record_id, required=True, metavar="ID")
    remit.add_argument("-o", "--output", type=Path, metavar="ARQUIVO",
                       help="onde gravar o arquivo (obrigatório, exceto com --dry-run)")
    remit.add_argument("--dry-run", action="store_true", help="mostra o que iria, não grava")
    add_common(remit, operator=True)
    remit.set_defaults(handler=_remittance)

    listed = actions.add_parser("remittances", help="listar as remessas geradas")
    add_common(listed, operator=True)
    listed.set_defaults(handler=_remittances)

    again = actions.add_parser("remittance-file", help="gravar de novo o arquivo de uma remessa")
    again.add_argument("id", type=record_id, metavar="ID")
    again.add_argument("-o", "--output", type=Path, required=True, metavar="ARQUIVO")
    add_common(again, operator=True)
    again.set_defaults(handler=_remittance_file)

    imp = actions.add_parser("import-return", help="importar um arquivo de retorno do banco")
    imp.add_argument("file", type=Path, metavar="ARQUIVO")
    imp.add_argument("--profile", type=record_id, metavar="ID",
                     help="profile de pagamento (padrão: o que corresponde ao arquivo)")
    imp.add_argument("--dry-run", action="store_true", help="confere e relata, não aplica nada")
    imp.add_argument("--xlsx", type=Path, metavar="ARQUIVO.xlsx", help="gravar o relatório")
    imp.add_argument("--progress", action="store_true", help="progresso no stderr")
    add_common(imp, operator=True)
    imp.set_defaults(handler=_import_return)

    rets = actions.add_parser("returns", help="listar os retornos importados")
    add_common(rets, operator=True)
    rets.set_defaults(handler=_returns)

    rep = actions.add_parser("return-report", help="relatório de um retorno importado")
    rep.add_argument("id", type=record_id, metavar="ID")
    rep.add_argument("--xlsx", type=Path, metavar="ARQUIVO.xlsx", help="gravar em planilha")
    add_common(rep, operator=True)
    rep.set_defaults(handler=_return_report)

    fake = actions.add_parser(
        "test-return",
        help="gerar um retorno de teste para uma remessa (homologação, demonstração)")
    fake.add_argument("id", type=record_id, metavar="REMESSA")
    fake.add_argument("--paid", type=count, default=1, metavar="N",
                      help="quantos títulos pagos (os demais: entrada confirmada)")
    fake.add_argument("-o", "--output", type=Path, required=True, metavar="ARQUIVO")
    add_common(fake, operator=True)
    fake.set_defaults(handler=_test_return)

    tools.register(actions, "bank")


def _remittance(args: argparse.Namespace) -> int:
    if args.output is None and not args.dry_run:
        raise InvalidInput("Informe onde gravar a remessa: -o ARQUIVO (ou use --dry-run).")
    db = database(args)
    try:
        result = remittances.generate_remittance(db.uow(), actor(db, args),
                                                 profile_id=args.profile, dry_run=args.dry_run)
    finally:
        db.dispose()
    if args.output is not None and not args.dry_run:
        with output_file(args.output) as fh:  # temporary file + rename
            fh.write(result.content)
    document = {"remittance_id": result.remittance_id, "number": result.sequence_number,
                "filename": result.filename, "titles": result.titles,
                "registered": result.registered, "written_off": result.written_off,
                "total_cents": result.total_cents, "dry_run": args.dry_run,
                "output": None if args.dry_run else str(args.output)}
    if args.json:
        emit_json(document)
    else:
        where = "(simulação: nada gravado)" if args.dry_run else f"gravada em {args.output}"
        print(f"Remessa {result.sequence_number}: {result.titles} título(s) "
              f"({result.registered} entrada(s), {result.written_off} baixa(s)), "
              f"{format_money(result.total_cents)} {where}.")
    return 0


def _test_return(args: argparse.Namespace) -> int:
    db = database(args)
    try:
        content = bank_return.sample_return(db.uow(), actor(db, args), args.id, paid=args.paid)
    finally:
        db.dispose()
    with output_file(args.output) as fh:
        fh.write(content)
    if args.json:
        emit_json({"remittance_id": args.id, "output": str(args.output)})
    else:
        print(f"Retorno de teste da remessa {args.id} gravado em {args.output}.")
    return 0


def _remittances(args: argparse.Namespace) -> int:
    db = database(args)
    try:
        found = listing.list_remittances(db.uow(), actor(db, args))
    finally:
        db.dispose()
    if args.json:
        emit_json([bank_report.vars_of(r) for r in found])
    else:
        for r in found:
            print(f"{r.id}\t{r.profile}\tremessa {r.sequence_number}\t{r.filename}\t"
                  f"{r.titles} título(s)\t{format_money(r.total_cents)}\t{r.status}")
    return 0


def _remittance_file(args: argparse.Namespace) -> int:
    db = database(args)
    try:
        name, content = remittances.remittance_file(db.uow(), actor(db, args), args.id)
    finally:
        db.dispose()
    with output_file(args.output) as fh:
        fh.write(content)
    if args.json:
        emit_json({"id": args.id, "filename": name, "output": str(args.output)})
    else:
        print(f"Remessa {args.id} ({name}) gravada em {args.output}.")
    return 0


class _StderrProgress:
    """One line per step on stderr (scripts and the crash test read it)."""

    def step(self, done: int, total: int, label: str = "") -> None:
        print(f"retorno: {done}/{total} {label}", file=sys.stderr, flush=True)

    def cancelled(self) -> bool:
        return False


def _import_return(args: argparse.Namespace) -> int:
    data = args.file.read_bytes()
    db = database(args)
    try:
        who = actor(db, args)
        report = retry_when_busy(lambda: returns.import_return(
            db.uow(), who, data=data, filename=args.file.name, profile_id=args.profile,
            dry_run=args.dry_run, progress=_StderrProgress() if args.progress else None))
    finally:
        db.dispose()
    return bank_report.show(args, report)


def _returns(args: argparse.Namespace) -> int:
    db = database(args)
    try:
        found = listing.list_returns(db.uow(), actor(db, args))
    finally:
        db.dispose()
    if args.json:
        emit_json([bank_report.vars_of(r) for r in found])
    else:
        for r in found:
            print(f"{r.id}\t{r.filename}\t{r.profile}\t{r.records} registro(s)\t"
                  f"{r.settled} liquidada(s)\t{format_money(r.settled_cents)}\t"
                  f"tarifas {format_money(r.fee_cents)}\t{r.problems} a conferir")
    return 0


def _return_report(args: argparse.Namespace) -> int:
    db = database(args)
    try:
        report = listing.stored_report(db.uow(), actor(db, args), args.id)
    finally:
        db.dispose()
    return bank_report.show(args, report)
