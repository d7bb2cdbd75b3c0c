"""`contoffice invoices history ID`: the invoice's history in pt-BR sentences."""

from __future__ import annotations

import argparse

from contoffice.cli import emit_json
from contoffice.cli.common import add_common, database
from contoffice.cli.numbers import record_id
from contoffice.core.format import format_datetime
from contoffice.services.invoices import actions as invoices
from contoffice.services.panels.existence import require_invoice


def register_actions(actions: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add `history` to `contoffice invoices`."""
    history = actions.add_parser("history", help="histórico de uma fatura")
    history.add_argument("id", type=record_id, metavar="ID")
    add_common(history, operator=True)
    history.set_defaults(handler=_history)


def _history(args: argparse.Namespace) -> int:
    db = database(args)
    try:
        require_invoice(db.uow(), args.id)  # an unknown invoice is no empty history
        items = invoices.invoice_history(db.uow(), args.id)
    finally:
        db.dispose()
    if args.json:
        emit_json(
            {
                "invoice_id": args.id,
                "history": [
                    {
                        "id": i.id,
                        "at": i.at.isoformat(),
                        "operator": i.operator,
                        "kind": i.kind,
                        "label": i.label,
                        "text": i.text,
                    }
                    for i in items
                ],
            }
        )
        return 0
    for i in items:
        # The sentence already names who and why; the label heads the line (never the key).
        print(f"{format_datetime(i.at)}  {i.label:<28}  {i.text}")
    return 0

