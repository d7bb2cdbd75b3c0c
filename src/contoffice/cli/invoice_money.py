"""`contoffice invoices settle|reverse|alter|add-charge`: the invoice tools that move money."""

from __future__ import annotations

import argparse
from datetime import date

from contoffice.cli.numbers import record_id
from contoffice.cli.rows import add_tool_options, cents, day, ids, run_tool
from contoffice.core.vocab import SettlementMethod
from contoffice.db.uow import UnitOfWork
from contoffice.errors import InvalidInput
from contoffice.services import invoice_changes, invoices, reversals, settlements
from contoffice.services.permissions import Actor
from contoffice.services.results import BatchResult


def register_actions(actions: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the money tools to `contoffice invoices`."""
    settle = actions.add_parser("settle", help="liquidação avulsa (total, parcial, com ajuste)")
    add_tool_options(settle)
    settle.add_argument(
        "--method",
        default=SettlementMethod.OTHER.value,
        choices=[m.value for m in SettlementMethod],
    )
    settle.add_argument("--date", metavar="DD/MM/AAAA", help="data de liquidação (padrão: hoje)")
    settle.add_argument(
        "--value",
        metavar="VALOR",
        help="valor pago (padrão: o saldo); menos = desconto, mais = acréscimo",
    )
    settle.add_argument("--profile", type=record_id, metavar="ID", help="profile de pagamento")
    settle.add_argument("--partial", action="store_true", help="pagamento parcial")
    settle.set_defaults(handler=_settle)

    reverse = actions.add_parser("reverse", help="estorno das liquidações")
    add_tool_options(reverse)
    reverse.add_argument(
        "--cash-account",
        type=record_id,
        required=True,
        metavar="ID",
        help="conta cofre/caixa/banco do estorno",
    )
    reverse.set_defaults(handler=_reverse)

    alter = actions.add_parser("alter", help="alterar fatura")
    add_tool_options(alter)
    what = alter.add_mutually_exclusive_group(required=True)
    what.add_argument("--due-date", metavar="DD/MM/AAAA", help="novo vencimento (recria)")
    what.add_argument("--value", metavar="VALOR", help="novo valor (recria)")
    what.add_argument("--description", metavar="TEXTO")
    what.add_argument("--discount", metavar="VALOR", help="desconto de pontualidade")
    what.add_argument(
        "--mark-transmitted", action="store_true", help="incluir marcação de remessa transmitida"
    )
    what.add_argument(
        "--unmark-transmitted", action="store_true", help="remover marcação de remessa transmitida"
    )
    alter.add_argument("--surcharge", metavar="VALOR", help="acréscimo (com --due-date)")
    alter.add_argument("--discount-until", metavar="DD/MM/AAAA", help="com --discount")
    alter.add_argument("--instruction", default="", metavar="TEXTO", help="com --discount")
    alter.set_defaults(handler=_alter)

    extra = actions.add_parser("add-charge", help="incluir cobrança adicional (recria)")
    add_tool_options(extra)
    extra.add_argument("--description", required=True, metavar="TEXTO")
    extra.add_argument("--value", required=True, metavar="VALOR")
    extra.set_defaults(handler=_add_charge)


def _settle(args: argparse.Namespace) -> int:
    invoice_ids = ids(args.ids)
    settled_on = day(args.date, "Data de liquidação") or date.today()
    value = cents(args.value, "Valor de liquidação")

    def tool(uow: UnitOfWork, who: Actor, confirmed: frozenset[str]) -> BatchResult:
        return settlements.settle_invoices(
            uow,
            who,
            confirmed=confirmed,
            invoice_ids=invoice_ids,
            method=args.method,
            settled_on=settled_on,
            justification=args.justification,
            value_cents=value,
            payment_profile_id=args.profile,
            partial=args.partial,
            dry_run=args.dry_run,
        )

    return run_tool(args, tool)


def _reverse(args: argparse.Namespace) -> int:
    invoice_ids = ids(args.ids)

    def tool(uow: UnitOfWork, who: Actor, _confirmed: frozenset[str]) -> BatchResult:
        return reversals.reverse_settlements(
            uow,
            who,
            invoice_ids=invoice_ids,
            cash_account_id=args.cash_account,
            justification=args.justification,
            dry_run=args.dry_run,
        )

    return run_tool(args, tool)


def _alter(args: argparse.Namespace) -> int:
    invoice_ids = ids(args.ids)
    if args.surcharge is not None and args.due_date is None:
        raise InvalidInput("--surcharge só vale com --due-date.", field="--surcharge")
    if (args.discount_until or args.instruction) and args.discount is None:
        raise InvalidInput(
            "--discount-until e --instruction só valem com --discount.", field="--discount"
        )
    common = {
        "invoice_ids": invoice_ids,
        "justification": args.justification,
        "dry_run": args.dry_run,
    }
    due, surcharge = day(args.due_date, "Vencimento"), cents(args.surcharge, "Acréscimo")
    value, discount = cents(args.value, "Valor da fatura"), cents(args.discount, "Desconto")
    until = day(args.discount_until, "Data limite do desconto")

    def tool(uow: UnitOfWork, who: Actor, confirmed: frozenset[str]) -> BatchResult:
        if due is not None:
            return invoice_changes.alter_due_date(
                uow,
                who,
                due_date=due,
                surcharge_cents=surcharge or 0,
                confirmed=confirmed,
                **common,
            )
        if value is not None:
            return invoice_changes.alter_value(
                uow, who, value_cents=value, confirmed=confirmed, **common
            )
        if args.description is not None:
            return invoice_changes.alter_description(
                uow, who, description=args.description, **common
            )
        if discount is not None:
            return invoice_changes.alter_discount(
                uow,
                who,
                discount_cents=discount,
                discount_until=until,
                instruction=args.instruction,
                confirmed=confirmed,
                **common,
            )
        return invoice_changes.set_remittance_mark(
            uow, who, transmitted=args.mark_transmitted, **common
        )

    return run_tool(args, tool)


def _add_charge(args: argparse.Namespace) -> int:
    invoice_ids = ids(args.ids)
    value = cents(args.value)

    def tool(uow: UnitOfWork, who: Actor, confirmed: frozenset[str]) -> BatchResult:
        return invoices.add_additional_charge(
            uow,
            who,
            invoice_ids=invoice_ids,
            description=args.description,
            amount_cents=value or 0,
            justification=args.justification,
            confirmed=confirmed,
            dry_run=args.dry_run,
        )

    return run_tool(args, tool)
