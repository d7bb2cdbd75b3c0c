"""`contoffice charges insert|edit|remove|suspend|unsuspend|bill|list` (Contas não faturadas)."""

from __future__ import annotations

import argparse

from contoffice.cli import emit_json, tools
from contoffice.cli.common import add_common, database
from contoffice.cli.numbers import count, record_id
from contoffice.cli.rows import (
    acting,
    add_yes,
    cents,
    day,
)
from contoffice.core.format import format_date, format_money
from contoffice.core.paging import PageRequest
from contoffice.services.billing import charges
from contoffice.services.panels.existence import require_person
from contoffice.services.people import finder


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    group = sub.add_parser("charges", help="contas (a receber não faturadas)")
    actions = group.add_subparsers(dest="charges_command", required=True, metavar="ACAO")

    insert = actions.add_parser("insert", help="inserir conta avulsa (com replicações)")
    insert.add_argument("--person", type=record_id, required=True, metavar="ID")
    insert.add_argument("--description", required=True, metavar="TEXTO")
    insert.add_argument("--value", required=True, metavar="VALOR")
    insert.add_argument("--due-date", required=True, metavar="DD/MM/AAAA")
    insert.add_argument(
        "--replications", type=count, default=0, metavar="N", help="quantas contas além desta"
    )
    every = insert.add_mutually_exclusive_group()
    every.add_argument("--interval-days", type=count, metavar="N")
    every.add_argument("--interval-months", type=count, metavar="N")
    insert.add_argument("--settle-now", action="store_true", help="liquidar agora")
    insert.add_argument("--profile", type=record_id, metavar="ID", help="profile de pagamento")
    add_yes(insert)
    add_common(insert, operator=True)
    insert.set_defaults(handler=_insert)

    tools.register(actions, "charges")

    listing = actions.add_parser("list", help="contas de um cadastro")
    listing.add_argument("--person", type=record_id, required=True, metavar="ID")
    listing.add_argument("--unbilled", action="store_true", help="só as não faturadas")
    listing.add_argument("--direction", choices=("R", "P"), default="R")
    add_common(listing, operator=True)
    listing.set_defaults(handler=_list)


def _insert(args: argparse.Namespace) -> int:
    data = charges.ChargeInput(
        person_id=args.person,
        description=args.description,
        amount_cents=cents(args.value) or 0,
        due_date=day(args.due_date, "Vencimento"),  # type: ignore[arg-type]
        replications=args.replications,
        interval_days=args.interval_days if args.interval_days is not None else 30,
        interval_months=args.interval_months or 0,
        settle_now=args.settle_now,
        payment_profile_id=args.profile,
    )
    created = acting(
        args, lambda db, who, ok: charges.insert_charges(db.uow(), who, data=data, confirmed=ok)
    )
    if args.json:
        emit_json({"charge_ids": created})
    else:
        print(f"{len(created)} conta(s) inserida(s): {', '.join(map(str, created))}.")
    return 0


def _list(args: argparse.Namespace) -> int:
    filters: dict[str, object] = {"person_id": args.person, "direction": args.direction}
    if args.unbilled:
        filters |= {"unbilled": True, "status_not": "removed"}
    db = database(args)
    try:
        require_person(db.uow(), args.person)
        page = finder.list_charges(db.uow(), PageRequest(filters, (), 0, 100_000))
    finally:
        db.dispose()
    if args.json:
        emit_json(
            {
                "person_id": args.person,
                "total": page.total,
                "charges": [
                    {
                        "id": r.id,
                        "kind": r.kind,
                        "description": r.description,
                        "amount_cents": r.amount_cents,
                        "due_date": r.due_date.isoformat(),
                        "competence": r.competence.isoformat() if r.competence else None,
                        "status": r.status,
                        "invoice_id": r.invoice_id,
                        "contract_id": r.contract_id,
                    }
                    for r in page.rows
                ],
            }
        )
        return 0
    for r in page.rows:
        print(
            f"{r.id:>8}  {format_date(r.due_date)}  {format_money(r.amount_cents):>14}  "
            f"{r.status:<10}  {r.description}"
        )
    print(f"{page.total} conta(s).")
    return 0
