"""`contoffice payables insert|edit|remove` (Contas a pagar, INV-H)."""

from __future__ import annotations

import argparse

from contoffice.cli import emit_json, tools
from contoffice.cli.common import add_common
from contoffice.cli.numbers import count, record_id
from contoffice.cli.rows import (
    acting,
    add_yes,
    cents,
    day,
)
from contoffice.services.billing import charges
from contoffice.services.invoices import payables


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    group = sub.add_parser("payables", help="contas a pagar")
    actions = group.add_subparsers(dest="payables_command", required=True, metavar="ACAO")

    insert = actions.add_parser("insert", help="lançar conta a pagar (com replicações)")
    insert.add_argument("--person", type=record_id, required=True, metavar="ID")
    insert.add_argument("--description", required=True, metavar="TEXTO")
    insert.add_argument("--value", required=True, metavar="VALOR")
    insert.add_argument("--due-date", required=True, metavar="DD/MM/AAAA")
    insert.add_argument("--ledger", type=record_id, metavar="ID", help="plano de contas")
    insert.add_argument(
        "--replications", type=count, default=0, metavar="N", help="quantas contas além desta"
    )
    every = insert.add_mutually_exclusive_group()
    every.add_argument("--interval-days", type=count, metavar="N")
    every.add_argument("--interval-months", type=count, metavar="N")
    add_yes(insert)
    add_common(insert, operator=True)
    insert.set_defaults(handler=_insert)

    tools.register(actions, "payables")


def _insert(args: argparse.Namespace) -> int:
    data = charges.ChargeInput(
        person_id=args.person,
        description=args.description,
        amount_cents=cents(args.value) or 0,
        due_date=day(args.due_date, "Vencimento"),  # type: ignore[arg-type]
        ledger_account_id=args.ledger,
        replications=args.replications,
        interval_days=args.interval_days if args.interval_days is not None else 30,
        interval_months=args.interval_months or 0,
    )
    created = acting(
        args, lambda db, who, ok: payables.insert_payable(db.uow(), who, data=data, confirmed=ok)
    )
    if args.json:
        emit_json({"charge_ids": created})
    else:
        print(f"{len(created)} conta(s) a pagar lançada(s): {', '.join(map(str, created))}.")
    return 0

