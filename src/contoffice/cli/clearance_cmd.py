"""`contoffice clearance generate|pdf`: the annual debt-clearance declaration (Lei 12.007/2009)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from contoffice.cli import emit_json
from contoffice.cli.common import actor, add_common, database
from contoffice.cli.numbers import bounded, record_id
from contoffice.core.format import format_money
from contoffice.services.clearances import batch, document


class _StderrProgress:
    """One line per client issued, on stderr, when asked."""

    def __init__(self, shown: bool) -> None:
        self.shown = shown

    def step(self, done: int, total: int, label: str = "") -> None:
        if self.shown:
            print(f"negativas: {done}/{total} {label}", file=sys.stderr, flush=True)

    def cancelled(self) -> bool:
        return False


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the `clearance` command."""
    group = sub.add_parser("clearance", help="declaração anual de quitação de débitos")
    actions = group.add_subparsers(dest="clearance_command", required=True, metavar="ACAO")
    gen = actions.add_parser("generate", help="gerar as negativas de um ano encerrado")
    gen.add_argument("--year", required=True, type=bounded(2000, 2999), metavar="AAAA")
    gen.add_argument("--person", type=record_id, metavar="ID",
                     help="só este cliente (padrão: todos com faturas no ano)")
    gen.add_argument("--dry-run", action="store_true",
                     help="mostra quem pode receber e por que não, sem gerar")
    gen.add_argument("--progress", action="store_true", help="progresso no stderr")
    add_common(gen, operator=True)
    gen.set_defaults(handler=_generate)
    pdf = actions.add_parser("pdf", help="gravar o PDF de uma negativa gerada")
    pdf.add_argument("id", type=record_id, metavar="ID")
    pdf.add_argument("-o", "--output", required=True, type=Path, metavar="FILE.pdf")
    add_common(pdf, operator=True)
    pdf.set_defaults(handler=_pdf)


def _generate(args: argparse.Namespace) -> int:
    db = database(args)
    try:
        rows = batch.generate_batch(
            db, actor(db, args), year=args.year,
            person_ids=[args.person] if args.person else None, dry_run=args.dry_run,
            progress=_StderrProgress(args.progress))
    finally:
        db.dispose()
    issued = [r for r in rows if r.declaration_id is not None and r.eligible]
    if args.json:
        emit_json({"year": args.year, "dry_run": args.dry_run, "clients": [{
            "person_id": r.person_id, "name": r.name, "eligible": r.eligible,
            "reason": r.reason, "invoices": r.invoices, "total_cents": r.total_cents,
            "declaration_id": r.declaration_id} for r in rows]})
    else:
        for r in rows:
            mark = "sim" if r.eligible else "não"
            print(f"{r.person_id}\t{r.name}\t{mark}\t{format_money(r.total_cents)}\t{r.reason}")
        verb = "podem receber" if args.dry_run else "gerada(s)"
        count = sum(r.eligible for r in rows) if args.dry_run else len(issued)
        print(f"{count} negativa(s) {verb} de {len(rows)} cliente(s) com faturas em {args.year}.")
    # One client asked for and not issued: the command failed, and says why.
    if args.person and not args.dry_run and not issued:
        reason = rows[0].reason if rows else "Cadastro não encontrado."
        print(f"contoffice: {reason}", file=sys.stderr)
        return 2
    return 0


def _pdf(args: argparse.Namespace) -> int:
    db = database(args)
    try:
        name = document.write_pdf(db, actor(db, args), args.id, args.output)
    finally:
        db.dispose()
    if args.json:
        emit_json({"id": args.id, "output": str(args.output), "name": name})
    else:
        print(f"Negativa de débitos nº {args.id} gravada em {args.output}.")
    return 0
