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
from contoffice.core.format import format_datetime
from contoffice.services.contracts import status as contract_status


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    actions = actions_of(sub, "contracts")

    listing = actions.add_parser("cancellations", help="gerenciador de cancelamentos")
    listing.add_argument("--all", action="store_true", help="também as já resolvidas")
    add_common(listing, operator=True)
    listing.set_defaults(handler=_cancellations)

    retention = actions.add_parser("retention", help="registrar a tratativa com o cliente")
    retention.add_argument("id", type=record_id, metavar="ID", help="solicitação de cancelamento")
    retention.add_argument("--notes", required=True, metavar="TEXTO")
    add_common(retention, operator=True)
    retention.set_defaults(handler=_retention)


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
