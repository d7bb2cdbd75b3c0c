"""`contoffice demo --people N [--seed S]`: the demo office in an empty database."""

from __future__ import annotations

import argparse
import dataclasses

from contoffice.cli import emit_json
from contoffice.cli.common import add_common, database
from contoffice.cli.numbers import MAX_ID, bounded, count
from contoffice.demo.office import build_demo, has_people


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    demo = sub.add_parser("demo", help="cria o escritório de demonstração num banco vazio")
    demo.add_argument("--people", type=count, required=True, metavar="N")
    demo.add_argument("--seed", type=bounded(0, MAX_ID), default=1, metavar="S")
    demo.add_argument("--contracts", type=count, metavar="N", help="padrão: proporcional")
    demo.add_argument(
        "--invoices", type=count, metavar="N", help="completa com faturas avulsas até N faturas"
    )
    demo.add_argument(
        "--if-empty",
        action="store_true",
        help="não faz nada (e sai com 0) se o banco já tem cadastros",
    )
    add_common(demo)
    demo.set_defaults(handler=_demo)


def _demo(args: argparse.Namespace) -> int:
    db = database(args, create=True)
    try:
        if args.if_empty and has_people(db):
            print("O banco de dados já tem cadastros; escritório de demonstração não criado.")
            return 0
        summary = build_demo(
            db, people=args.people, seed=args.seed, contracts=args.contracts, invoices=args.invoices
        )
    finally:
        db.dispose()
    if args.json:
        emit_json(dataclasses.asdict(summary))
    else:
        print(
            f"Escritório de demonstração criado: {summary.people} cadastros, "
            f"{summary.contracts} contratos, {summary.invoices} faturas "
            f"em {summary.seconds:.1f} s."
        )
    return 0
