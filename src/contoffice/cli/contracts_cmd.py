"""`contoffice contracts create|list|cancel|suspend|…|change-plan` (Contratos, INV-D)."""

from __future__ import annotations

import argparse

from contoffice.cli import emit_json, tools
from contoffice.cli.common import add_common, database
from contoffice.cli.numbers import count, record_id
from contoffice.cli.rows import (
    acting,
    add_yes,
    cents,
)
from contoffice.core.format import format_date, format_money
from contoffice.core.paging import PageRequest
from contoffice.core.vocab import DueRule
from contoffice.services.contracts import records as contracts
from contoffice.services.invoicing import rules as invoicing
from contoffice.services.panels.existence import require_person
from contoffice.services.people import finder


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    group = sub.add_parser("contracts", help="contratos")
    actions = group.add_subparsers(dest="contracts_command", required=True, metavar="ACAO")

    create = actions.add_parser("create", help="cadastrar novo contrato")
    create.add_argument("--person", type=record_id, required=True, metavar="ID")
    create.add_argument("--plan", required=True, metavar="TEXTO")
    create.add_argument("--fee", required=True, metavar="VALOR")
    create.add_argument("--due-day", type=count, required=True, metavar="N")
    create.add_argument(
        "--rule", default=DueRule.FIXED_DAY.value, choices=[r.value for r in DueRule]
    )
    create.add_argument("--profile", type=record_id, metavar="ID")
    create.add_argument("--start", required=True, metavar="YYYY-MM")
    create.add_argument("--description", default="", metavar="TEXTO")
    create.add_argument("--awaiting", action="store_true", help="aguardando ativação")
    create.add_argument("--fees-months", type=count, default=0, metavar="N",
                        help="gera os honorários dos N primeiros meses junto com o contrato")
    add_yes(create)
    add_common(create, operator=True)
    create.set_defaults(handler=_create)

    listing = actions.add_parser("list", help="contratos de um cadastro")
    listing.add_argument("--person", type=record_id, required=True, metavar="ID")
    add_common(listing, operator=True)
    listing.set_defaults(handler=_list)

    tools.register(actions, "contracts")


def _create(args: argparse.Namespace) -> int:
    data = contracts.ContractInput(
        person_id=args.person,
        plan=args.plan,
        fee_cents=cents(args.fee, "Valor do plano") or 0,
        starts_on=invoicing.competence_of(args.start),
        due_day=args.due_day,
        due_rule=args.rule,
        payment_profile_id=args.profile,
        description=args.description,
        awaiting_activation=args.awaiting,
        generate_months=args.fees_months,
    )
    contract_id = acting(
        args, lambda db, who, ok: contracts.create_contract(db.uow(), who, data=data, confirmed=ok)
    )
    if args.json:
        emit_json({"contract_id": contract_id})
    else:
        print(f"Contrato {contract_id} cadastrado.")
    return 0


def _list(args: argparse.Namespace) -> int:
    db = database(args)
    try:
        require_person(db.uow(), args.person)
        page = finder.list_contracts(
            db.uow(), PageRequest({"person_id": args.person}, (), 0, 100_000)
        )
    finally:
        db.dispose()
    if args.json:
        emit_json(
            {
                "person_id": args.person,
                "total": page.total,
                "contracts": [
                    {
                        "id": r.id,
                        "plan": r.plan,
                        "fee_cents": r.fee_cents,
                        "due_day": r.due_day,
                        "starts_on": r.starts_on.isoformat(),
                        "ends_on": r.ends_on.isoformat() if r.ends_on else None,
                        "status": r.status,
                        "profile": r.profile,
                        "grouping": r.grouping,
                    }
                    for r in page.rows
                ],
            }
        )
        return 0
    for r in page.rows:
        print(
            f"{r.id:>8}  {r.plan:<30}  {format_money(r.fee_cents):>12}  dia {r.due_day:>2}  "
            f"desde {format_date(r.starts_on)}  {r.status}"
        )
    print(f"{page.total} contrato(s).")
    return 0


