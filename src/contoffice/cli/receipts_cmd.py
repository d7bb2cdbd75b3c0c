"""`contoffice invoices receipt --invoices IDS -o FILE.pdf` (Imprimir recibo de liquidação).

Kept apart from `invoices_cmd`: it adds its action to the `invoices` command
that module registers, so it must come after it in COMMAND_MODULES.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from contoffice.cli import emit_json, rows
from contoffice.cli.common import actor, add_common, database
from contoffice.cli.parser import actions_of
from contoffice.services.settlements.receipts import print_receipts


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add `receipt` to the `invoices` command."""
    receipt = actions_of(sub, "invoices").add_parser(
        "receipt", help="recibo de liquidação das faturas em um PDF"
    )
    receipt.add_argument(
        "--invoices", required=True, metavar="IDS", help="ids separados por vírgula"
    )
    receipt.add_argument("-o", "--output", required=True, type=Path, metavar="FILE.pdf")
    copy = receipt.add_mutually_exclusive_group()
    copy.add_argument(
        "--second-copy",
        dest="reprint",
        action="store_true",
        default=None,
        help='marcar como "2ª via" (padrão: só quando o recibo já foi impresso)',
    )
    copy.add_argument(
        "--original", dest="reprint", action="store_false", help='nunca marcar "2ª via"'
    )
    add_common(receipt, operator=True)
    receipt.set_defaults(handler=run_receipt)


def run_receipt(args: argparse.Namespace) -> int:
    """Render the invoices' settlement receipts into one PDF."""
    ids = rows.ids(args.invoices, "--invoices")
    db = database(args)
    try:
        pages = print_receipts(db, actor(db, args), ids, args.output, reprint=args.reprint)
    finally:
        db.dispose()
    if args.json:
        emit_json({"output": str(args.output), "pages": pages, "invoices": ids})
    else:
        print(f"{len(ids)} recibo(s), {pages} página(s) gravada(s) em {args.output}.")
    return 0
