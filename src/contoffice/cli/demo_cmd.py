"""`contoffice demo --people N [--seed S]`: the demo office in an empty database."""

from __future__ import annotations

import argparse
import dataclasses

from contoffice.cli import emit_json
from contoffice.cli.common import add_common, database
from contoffice.cli.numbers import MAX_ID, bounded, count, parse_bounded
from contoffice.demo.office import (
    FULL_SHARE_UP_TO,
    MAX_INVOICES,
    MAX_PEOPLE,
    MIN_PEOPLE,
    build_demo,
    has_people,
    people_out_of_range,
    thousands,
)

# Wide enough for any integer parse_bounded reads (12 digits): the demo's own bounds,
# said in full, are checked next.
_ANY = 10**12


def _people(text: str) -> int:
    """--people: an integer within the demo's bounds, refused while parsing (no file yet)."""
    try:
        people = parse_bounded(text, -_ANY, _ANY)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"valor inválido: {error}") from None
    refusal = people_out_of_range(people)
    if refusal:
        raise argparse.ArgumentTypeError(refusal)
    return people


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the `demo` command."""
    demo = sub.add_parser("demo", help="cria o escritório de demonstração num banco vazio")
    demo.add_argument(
        "--people",
        type=_people,
        required=True,
        metavar="N",
        help=f"quantos cadastros: de {thousands(MIN_PEOPLE)} a {thousands(MAX_PEOPLE)}",
    )
    demo.add_argument("--seed", type=bounded(0, MAX_ID), default=1, metavar="S")
    demo.add_argument(
        "--contracts",
        type=count,
        metavar="N",
        help=f"padrão: 60%% dos primeiros {thousands(FULL_SHARE_UP_TO)} cadastros e 10%% "
        "dos demais",
    )
    demo.add_argument(
        "--invoices",
        type=bounded(0, MAX_INVOICES),
        metavar="N",
        help=f"completa com faturas avulsas até N faturas (no máximo {thousands(MAX_INVOICES)})",
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
