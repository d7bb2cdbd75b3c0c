"""`contoffice payables insert|edit|remove` (Contas a pagar, INV-H)."""

from __future__ import annotations

import argparse

from contoffice.cli import emit_json
from contoffice.cli.common import actor, add_common, database
from contoffice.cli.numbers import count, record_id
from contoffice.cli.rows import (
    add_tool_options,
    add_yes,
    cents,
    day,
    ids,
    run_tool,
    unconfirmed,
    with_confirmations,
)
from contoffice.db.uow import UnitOfWork
from contoffice.errors import NeedsConfirmation
from contoffice.services import charges, payables
from contoffice.services.permissions import Actor
from contoffice.services.results import BatchResult


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

    edit = actions.add_parser("edit", help="alterar contas a pagar")
    add_tool_options(edit, justification=False)
    edit.add_argument("--value", metavar="VALOR")
    edit.add_argument("--description", metavar="TEXTO")
    edit.add_argument("--due-date", metavar="DD/MM/AAAA")
    edit.add_argument("--ledger", type=record_id, metavar="ID", help="plano de contas")
    edit.add_argument("--installment", type=count, metavar="N", help="parcela")
    edit.set_defaults(handler=_edit)

    remove = actions.add_parser("remove", help="excluir contas a pagar")
    add_tool_options(remove)
    remove.set_defaults(handler=_remove)


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
    db = database(args)
    try:
        who = actor(db, args)
        created = with_confirmations(
            args, lambda ok: payables.insert_payable(db.uow(), who, data=data, confirmed=ok)
        )
    except NeedsConfirmation as question:
        return unconfirmed(question)
    finally:
        db.dispose()
    if args.json:
        emit_json({"charge_ids": created})
    else:
        print(f"{len(created)} conta(s) a pagar lançada(s): {', '.join(map(str, created))}.")
    return 0


def _edit(args: argparse.Namespace) -> int:
    charge_ids = ids(args.ids)
    value, due = cents(args.value), day(args.due_date, "Vencimento")

    def tool(uow: UnitOfWork, who: Actor, confirmed: frozenset[str]) -> BatchResult:
        return payables.edit_payable_charges(
            uow,
            who,
            charge_ids=charge_ids,
            confirmed=confirmed,
            amount_cents=value,
            description=args.description,
            due_date=due,
            ledger_account_id=args.ledger,
            installment=args.installment,
            dry_run=args.dry_run,
        )

    return run_tool(args, tool)


def _remove(args: argparse.Namespace) -> int:
    charge_ids = ids(args.ids)

    def tool(uow: UnitOfWork, who: Actor, _confirmed: frozenset[str]) -> BatchResult:
        return payables.remove_payable_charges(
            uow, who, charge_ids=charge_ids, notes=args.justification, dry_run=args.dry_run
        )

    return run_tool(args, tool)
