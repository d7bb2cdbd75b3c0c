"""`contoffice contracts change-general|grouping|cancellations|retention|resolve`.

Alterações Gerais, Gerenciar agrupamentos and the Gerenciador de
cancelamentos (INV-D); added to the `contracts` group of `contracts_cmd`.
"""

from __future__ import annotations

import argparse

from contoffice.cli import emit_json
from contoffice.cli.common import actor, add_common, database
from contoffice.cli.numbers import record_id
from contoffice.cli.parser import actions_of
from contoffice.cli.rows import add_tool_options, day, ids, run_tool
from contoffice.core.format import format_datetime
from contoffice.db.uow import UnitOfWork
from contoffice.services import contract_status, contracts
from contoffice.services.permissions import Actor
from contoffice.services.results import BatchResult


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    actions = actions_of(sub, "contracts")

    general = actions.add_parser("change-general", help="alterações gerais (sem recriar faturas)")
    add_tool_options(general)
    general.add_argument("--description", metavar="TEXTO")
    general.add_argument("--grouping", metavar="TEXTO", help='agrupamento ("" retira)')
    general.add_argument("--ledger", type=record_id, metavar="ID", help="plano de contas")
    general.set_defaults(handler=_change_general)

    grouping = actions.add_parser("grouping", help="gerenciar agrupamentos")
    add_tool_options(grouping, justification=False)
    grouping.add_argument("--name", required=True, metavar="TEXTO", help='"" retira do grupo')
    grouping.set_defaults(handler=_grouping)

    listing = actions.add_parser("cancellations", help="gerenciador de cancelamentos")
    listing.add_argument("--all", action="store_true", help="também as já resolvidas")
    add_common(listing)
    listing.set_defaults(handler=_cancellations)

    retention = actions.add_parser("retention", help="registrar a tratativa com o cliente")
    retention.add_argument("id", type=record_id, metavar="ID", help="solicitação de cancelamento")
    retention.add_argument("--notes", required=True, metavar="TEXTO")
    add_common(retention, operator=True)
    retention.set_defaults(handler=_retention)

    resolve = actions.add_parser("resolve", help="manter ou cancelar os contratos solicitados")
    add_tool_options(resolve, ids_help="solicitações: 1,2,3", justification=False)
    outcome = resolve.add_mutually_exclusive_group(required=True)
    outcome.add_argument("--keep", action="store_true", help="cliente retido: manter")
    outcome.add_argument("--cancel", action="store_true", help="cancelar o contrato")
    resolve.add_argument("--notes", required=True, metavar="TEXTO")
    resolve.add_argument("--ends-on", metavar="DD/MM/AAAA", help="fim do contrato (padrão: hoje)")
    resolve.set_defaults(handler=_resolve)


def _change_general(args: argparse.Namespace) -> int:
    contract_ids = ids(args.ids)

    def tool(uow: UnitOfWork, who: Actor, _confirmed: frozenset[str]) -> BatchResult:
        return contracts.change_general(
            uow,
            who,
            contract_ids=contract_ids,
            justification=args.justification,
            description=args.description,
            grouping=args.grouping,
            ledger_account_id=args.ledger,
            dry_run=args.dry_run,
        )

    return run_tool(args, tool)


def _grouping(args: argparse.Namespace) -> int:
    contract_ids = ids(args.ids)

    def tool(uow: UnitOfWork, who: Actor, _confirmed: frozenset[str]) -> BatchResult:
        return contracts.set_grouping(
            uow, who, contract_ids=contract_ids, grouping=args.name, dry_run=args.dry_run
        )

    return run_tool(args, tool)


def _cancellations(args: argparse.Namespace) -> int:
    db = database(args)
    try:
        rows = contract_status.cancellation_requests(db.uow(), status=None if args.all else "open")
    finally:
        db.dispose()
    if args.json:
        emit_json(
            {
                "requests": [
                    {
                        "id": r.id,
                        "contract_id": r.contract_id,
                        "person_id": r.person_id,
                        "person_name": r.person_name,
                        "plan": r.plan,
                        "reason": r.reason,
                        "requested_at": r.requested_at.isoformat(),
                        "status": r.status,
                        "retention_notes": r.retention_notes,
                    }
                    for r in rows
                ]
            }
        )
        return 0
    for r in rows:
        print(
            f"{r.id:>6}  {format_datetime(r.requested_at)}  contrato {r.contract_id:<6}  "
            f"{r.status:<9}  {r.person_name}: {r.reason}"
        )
    print(f"{len(rows)} solicitação(ões).")
    return 0


def _retention(args: argparse.Namespace) -> int:
    db = database(args)
    try:
        contract_status.record_retention(
            db.uow(), actor(db, args), request_id=args.id, notes=args.notes
        )
    finally:
        db.dispose()
    if args.json:
        emit_json({"request_id": args.id, "retention_notes": args.notes.strip()})
    else:
        print(f"Tratativa registrada na solicitação {args.id}.")
    return 0


def _resolve(args: argparse.Namespace) -> int:
    request_ids, ends_on = ids(args.ids), day(args.ends_on, "Fim do contrato")

    def tool(uow: UnitOfWork, who: Actor, _confirmed: frozenset[str]) -> BatchResult:
        return contract_status.resolve_cancellations(
            uow,
            who,
            request_ids=request_ids,
            keep=args.keep,
            notes=args.notes,
            ends_on=ends_on,
            dry_run=args.dry_run,
        )

    return run_tool(args, tool)
