"""`contoffice billing run --competence YYYY-MM [--dry-run] [--json]`."""

from __future__ import annotations

import argparse
import sys

from contoffice.cli import emit_json
from contoffice.cli.common import actor, add_common, database
from contoffice.cli.numbers import MAX_WINDOW, bounded
from contoffice.core.format import format_competence
from contoffice.services.billing import run as billing_run


class _StderrProgress:
    """One line per committed chunk on stderr (scripts and the crash test read it)."""

    def __init__(self, chunks: bool) -> None:
        self.chunks = chunks

    def step(self, done: int, total: int, label: str = "") -> None:
        if label == billing_run.WAITING:  # always said: the command may wait a while
            print(f"contoffice: {label}…", file=sys.stderr, flush=True)
        elif self.chunks:
            print(f"faturamento: {done}/{total}", file=sys.stderr, flush=True)

    def cancelled(self) -> bool:
        return False


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    billing = sub.add_parser("billing", help="faturamento em massa")
    actions = billing.add_subparsers(dest="billing_command", required=True, metavar="ACAO")
    run = actions.add_parser("run", help="fatura uma competência sobre todos os contratos")
    run.add_argument("--competence", required=True, metavar="YYYY-MM")
    run.add_argument("--dry-run", action="store_true",
                     help="só mostra o que seria faturado e o que seria recusado")
    run.add_argument("--chunk-size", type=bounded(1, MAX_WINDOW), default=1000, metavar="N",
                     help="contratos por transação (padrão 1000)")
    run.add_argument("--progress", action="store_true", help="progresso no stderr")
    add_common(run, operator=True)
    run.set_defaults(handler=_run)


def _run(args: argparse.Namespace) -> int:
    competence = billing_run.invoicing.competence_of(args.competence)
    if args.chunk_size < 1:
        print("contoffice: --chunk-size deve ser ao menos 1.", file=sys.stderr)
        return 2
    db = database(args)
    try:
        who = actor(db, args)
        result = billing_run.run_billing(
            db, who, competence=competence, dry_run=args.dry_run, chunk_size=args.chunk_size,
            progress=_StderrProgress(args.progress))
    finally:
        db.dispose()
    if args.json:
        emit_json(result.as_dict())
        return 0
    verb = "seriam criadas" if result.dry_run else "criadas"
    print(f"Competência {format_competence(result.competence)}: {result.contracts} contratos; "
          f"{result.invoices_created} faturas {verb}; {result.already_billed} já faturados; "
          f"{len(result.refused)} não serão faturados.")
    if result.waited:
        print("Outra estação estava faturando esta competência: aguardou o término dela.")
    for row in result.refused:
        print(f"  contrato {row.contract_id} (cadastro {row.person_id}): {row.message}")
    return 0
