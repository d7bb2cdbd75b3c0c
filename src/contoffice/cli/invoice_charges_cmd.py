"""`contoffice invoices alter-charge`: Editar contas associadas a faturas (a new value reissues).

Added to the `invoices` group of `invoices_cmd`.
"""

from __future__ import annotations

import argparse

from contoffice.cli.common import add_common
from contoffice.cli.numbers import record_id
from contoffice.cli.parser import actions_of
from contoffice.cli.rows import cents, day, run_tool
from contoffice.db.uow import UnitOfWork
from contoffice.services import invoice_changes
from contoffice.services.permissions import Actor
from contoffice.services.results import BatchResult


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    alter = actions_of(sub, "invoices").add_parser(
        "alter-charge", help="editar uma conta da fatura (novo valor recria a fatura)"
    )
    alter.add_argument("invoice", type=record_id, metavar="INVOICE_ID")
    alter.add_argument(
        "--charge", type=record_id, required=True, metavar="ID", help="conta da fatura"
    )
    alter.add_argument("--value", metavar="VALOR", help="novo valor (recria a fatura)")
    alter.add_argument("--description", metavar="TEXTO")
    alter.add_argument("--period-start", metavar="DD/MM/AAAA")
    alter.add_argument("--period-end", metavar="DD/MM/AAAA")
    alter.add_argument("--ledger", type=record_id, metavar="ID", help="plano de contas")
    alter.add_argument(
        "--justification", default="", metavar="TEXTO", help="justificativa (obrigatória)"
    )
    alter.add_argument(
        "--yes", action="store_true", help='confirma os avisos da ferramenta ("tenho certeza")'
    )
    alter.add_argument("--dry-run", action="store_true", help="prévia: nada é gravado")
    add_common(alter, operator=True)
    alter.set_defaults(handler=_alter_charge)


def _alter_charge(args: argparse.Namespace) -> int:
    value = cents(args.value)
    start, end = day(args.period_start, "Início do período"), day(args.period_end, "Fim do período")

    def tool(uow: UnitOfWork, who: Actor, confirmed: frozenset[str]) -> BatchResult:
        return invoice_changes.alter_invoice_charge(
            uow,
            who,
            invoice_id=args.invoice,
            charge_id=args.charge,
            justification=args.justification,
            amount_cents=value,
            description=args.description,
            period_start=start,
            period_end=end,
            ledger_account_id=args.ledger,
            confirmed=confirmed,
            dry_run=args.dry_run,
        )

    return run_tool(args, tool)
