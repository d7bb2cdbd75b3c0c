"""`contoffice fees generate --people IDS --start YYYY-MM --times N` (Gerar honorários)."""

from __future__ import annotations

import argparse

from contoffice.cli import emit_json
from contoffice.cli.common import actor, add_common, database
from contoffice.cli.numbers import count
from contoffice.cli.rows import ids
from contoffice.core.format import format_competence, format_money
from contoffice.services.billing import fees
from contoffice.services.kernel.toolbox import REGISTRY


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    group = sub.add_parser("fees", help="honorários")
    actions = group.add_subparsers(dest="fees_command", required=True, metavar="ACAO")
    generate = actions.add_parser("generate", help="gera honorários de um ou mais clientes")
    generate.add_argument("--people", required=True, metavar="IDS", help="códigos: 1,2,3")
    generate.add_argument("--start", required=True, metavar="YYYY-MM")
    generate.add_argument("--times", type=count, default=1, metavar="N",
                          help="número de vezes (1 = só o mês de início)")
    generate.add_argument("--dry-run", action="store_true")
    add_common(generate, operator=True)
    generate.set_defaults(handler=_generate)


def _generate(args: argparse.Namespace) -> int:
    people = ids(args.people, "--people")
    db = database(args)
    try:
        who = actor(db, args)
        result = REGISTRY["fees.generate"].call(
            db.uow(), who, people, {"start": args.start, "times": args.times},
            dry_run=args.dry_run)
        last = fees.last_scheduled_fees(db.uow(), people)
    finally:
        db.dispose()
    if args.json:
        emit_json({"dry_run": args.dry_run, "people": [
            {"person_id": o.id, "done": o.done, "reason": o.message,
             "last_fee": None if last[o.id].competence is None else {
                 "competence": last[o.id].competence.isoformat()[:7],  # type: ignore[union-attr]
                 "due_date": last[o.id].due_date, "amount_cents": last[o.id].amount_cents}}
            for o in result.outcomes]})
        return 0
    for o in result.outcomes:
        fee = last[o.id]
        tail = (f"último honorário {format_competence(fee.competence)} "
                f"{format_money(fee.amount_cents or 0)}" if fee.competence else "sem honorários")
        print(f"{o.id:>8}  {'ok' if o.done else o.message}  ({tail})")
    return 0 if result.done else 1
