"""`contoffice invoices list|settle|reverse|alter|remove|suspend|…` (Faturas a Receber/Pagar).

The tools are the registry's (`cli/tools.py`); `invoice_marks` adds the history.
"""

from __future__ import annotations

import argparse

from contoffice.cli import emit_json, invoice_marks, tools
from contoffice.cli.common import add_common, database
from contoffice.cli.numbers import record_id, window
from contoffice.core.format import format_date, format_money
from contoffice.core.paging import PageRequest
from contoffice.core.vocab import InvoiceStatus
from contoffice.services.panels.existence import require_person
from contoffice.services.people import finder


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    invoices = sub.add_parser("invoices", help="faturas")
    actions = invoices.add_subparsers(dest="invoices_command", required=True, metavar="ACAO")
    listing = actions.add_parser("list", help="faturas de um cadastro")
    listing.add_argument("--person", type=record_id, required=True, metavar="ID")
    listing.add_argument("--status", action="append", choices=[s.value for s in InvoiceStatus])
    listing.add_argument("--direction", choices=("R", "P"), default=None)
    listing.add_argument("--limit", type=window, default=100_000)
    add_common(listing, operator=True)
    listing.set_defaults(handler=_list)
    tools.register(actions, "invoices")
    invoice_marks.register_actions(actions)


def _list(args: argparse.Namespace) -> int:
    filters = {"person_id": args.person, "status": args.status, "direction": args.direction}
    db = database(args)
    try:
        require_person(db.uow(), args.person)  # an unknown client is no empty list
        page = finder.list_invoices(db.uow(), PageRequest(filters, (), 0, args.limit))
    finally:
        db.dispose()
    if args.json:
        emit_json(
            {
                "person_id": args.person,
                "total": page.total,
                "invoices": [
                    {
                        "id": r.id,
                        "our_number": r.our_number,
                        "due_date": r.due_date.isoformat(),
                        "amount_cents": r.amount_cents,
                        "paid_cents": r.paid_cents,
                        "status": r.status,
                        "direction": r.direction,
                        "description": r.description,
                        "competence": r.competence.isoformat() if r.competence else None,
                    }
                    for r in page.rows
                ],
            }
        )
        return 0
    for r in page.rows:
        print(
            f"{r.id:>8}  {r.our_number or '':>10}  {format_date(r.due_date)}  "
            f"{format_money(r.amount_cents):>14}  {InvoiceStatus(r.status).label}"
        )
    print(f"{page.total} fatura(s).")
    return 0
