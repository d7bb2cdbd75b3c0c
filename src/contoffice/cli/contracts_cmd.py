"""`contoffice contracts create|list|cancel|suspend|…|change-plan` (Contratos, INV-D)."""

from __future__ import annotations

import argparse
from collections.abc import Callable

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
from contoffice.core.format import format_date, format_money
from contoffice.core.paging import PageRequest
from contoffice.core.vocab import DueRule
from contoffice.db.uow import UnitOfWork
from contoffice.errors import NeedsConfirmation
from contoffice.services import contract_status, contracts, finder, invoicing
from contoffice.services.permissions import Actor
from contoffice.services.results import BatchResult

# action → (help, service call taking (uow, actor, ids, justification, dry_run))
_Status = Callable[[UnitOfWork, Actor, list[int], str, bool], BatchResult]
_STATUS_TOOLS: dict[str, tuple[str, _Status]] = {
    "suspend": (
        "suspender contratos",
        lambda u, a, i, j, d: contract_status.suspend_contracts(
            u, a, contract_ids=i, reason=j, dry_run=d
        ),
    ),
    "unsuspend": (
        "cancelar suspensão",
        lambda u, a, i, j, d: contract_status.unsuspend_contracts(
            u, a, contract_ids=i, reason=j, dry_run=d
        ),
    ),
    "request-cancel": (
        "solicitar cancelamento (Gerenciador de cancelamentos)",
        lambda u, a, i, j, d: contract_status.request_cancellation(
            u, a, contract_ids=i, reason=j, dry_run=d
        ),
    ),
}


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
    add_common(listing)
    listing.set_defaults(handler=_list)

    cancel = actions.add_parser("cancel", help="cancelar contratos")
    add_tool_options(cancel)
    cancel.add_argument("--ends-on", metavar="DD/MM/AAAA", help="fim do contrato (padrão: hoje)")
    cancel.add_argument("--remove-open-invoices", action="store_true",
                        help="remove também as faturas em aberto de competências após o fim")
    cancel.set_defaults(handler=_cancel)

    for name, (text, call) in _STATUS_TOOLS.items():
        parser = actions.add_parser(name, help=text)
        add_tool_options(parser)
        parser.set_defaults(handler=_status_handler(call))

    activate = actions.add_parser("activate", help="ativar contrato aguardando ativação")
    add_tool_options(activate, justification=False)
    activate.add_argument(
        "--months", type=count, default=12, metavar="N", help="parcelas a gerar (0: só ativar)"
    )
    activate.set_defaults(handler=_activate)

    rule = actions.add_parser("change-due-rule", help="trocar regra de vencimento")
    add_tool_options(rule)
    rule.add_argument("--due-day", type=count, required=True, metavar="N")
    rule.add_argument("--rule", default=DueRule.FIXED_DAY.value, choices=[r.value for r in DueRule])
    rule.add_argument(
        "--month-offset", type=count, default=1, metavar="N", help="meses após a competência (0–2)"
    )
    rule.add_argument("--keep-date", action="store_true", help="não mover para o próximo dia útil")
    rule.set_defaults(handler=_change_due_rule)

    profile = actions.add_parser("change-profile", help="trocar profile de pagamento")
    add_tool_options(profile)
    profile.add_argument("--profile", type=record_id, required=True, metavar="ID")
    profile.set_defaults(handler=_change_profile)

    plan = actions.add_parser("change-plan", help="trocar plano (honorários)")
    add_tool_options(plan)
    plan.add_argument("--plan", required=True, metavar="TEXTO")
    plan.add_argument("--fee", required=True, metavar="VALOR")
    plan.set_defaults(handler=_change_plan)


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
    db = database(args)
    try:
        who = actor(db, args)
        contract_id = with_confirmations(
            args, lambda ok: contracts.create_contract(db.uow(), who, data=data, confirmed=ok)
        )
    except NeedsConfirmation as question:
        return unconfirmed(question)
    finally:
        db.dispose()
    if args.json:
        emit_json({"contract_id": contract_id})
    else:
        print(f"Contrato {contract_id} cadastrado.")
    return 0


def _list(args: argparse.Namespace) -> int:
    db = database(args)
    try:
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


def _cancel(args: argparse.Namespace) -> int:
    contract_ids = ids(args.ids)
    ends_on = day(args.ends_on, "Fim do contrato")

    def tool(uow: UnitOfWork, who: Actor, _confirmed: frozenset[str]) -> BatchResult:
        return contract_status.cancel_contracts(
            uow,
            who,
            contract_ids=contract_ids,
            reason=args.justification,
            ends_on=ends_on,
            remove_open_invoices=args.remove_open_invoices,
            dry_run=args.dry_run,
        )

    return run_tool(args, tool)


def _status_handler(call: _Status) -> Callable[[argparse.Namespace], int]:
    def handler(args: argparse.Namespace) -> int:
        contract_ids = ids(args.ids)
        return run_tool(
            args,
            lambda uow, who, _c: call(uow, who, contract_ids, args.justification, args.dry_run),
        )

    return handler


def _activate(args: argparse.Namespace) -> int:
    contract_ids = ids(args.ids)

    def tool(uow: UnitOfWork, who: Actor, _confirmed: frozenset[str]) -> BatchResult:
        return contracts.activate_contracts(
            uow, who, contract_ids=contract_ids, generate_months=args.months, dry_run=args.dry_run
        )

    return run_tool(args, tool)


def _change_due_rule(args: argparse.Namespace) -> int:
    contract_ids = ids(args.ids)

    def tool(uow: UnitOfWork, who: Actor, confirmed: frozenset[str]) -> BatchResult:
        return contracts.change_due_rule(
            uow,
            who,
            contract_ids=contract_ids,
            due_rule=args.rule,
            due_day=args.due_day,
            move_to_business_day=not args.keep_date,
            due_month_offset=args.month_offset,
            justification=args.justification,
            confirmed=confirmed,
            dry_run=args.dry_run,
        )

    return run_tool(args, tool)


def _change_profile(args: argparse.Namespace) -> int:
    contract_ids = ids(args.ids)

    def tool(uow: UnitOfWork, who: Actor, confirmed: frozenset[str]) -> BatchResult:
        return contracts.change_profile(
            uow,
            who,
            contract_ids=contract_ids,
            payment_profile_id=args.profile,
            justification=args.justification,
            confirmed=confirmed,
            dry_run=args.dry_run,
        )

    return run_tool(args, tool)


def _change_plan(args: argparse.Namespace) -> int:
    contract_ids = ids(args.ids)
    fee = cents(args.fee, "Valor do plano") or 0

    def tool(uow: UnitOfWork, who: Actor, confirmed: frozenset[str]) -> BatchResult:
        return contracts.change_plan(
            uow,
            who,
            contract_ids=contract_ids,
            plan=args.plan,
            fee_cents=fee,
            justification=args.justification,
            confirmed=confirmed,
            dry_run=args.dry_run,
        )

    return run_tool(args, tool)
