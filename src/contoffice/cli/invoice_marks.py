"""`contoffice invoices remove|suspend|unsuspend|comment|history|spc|baixa`."""

from __future__ import annotations

import argparse

from contoffice.cli import emit_json
from contoffice.cli.common import add_common, database
from contoffice.cli.numbers import record_id
from contoffice.cli.rows import add_tool_options, ids, run_tool
from contoffice.core.format import format_datetime
from contoffice.db.uow import UnitOfWork
from contoffice.services import invoices
from contoffice.services.permissions import Actor
from contoffice.services.results import BatchResult


def register_actions(actions: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the state and marker tools to `contoffice invoices`."""
    remove = actions.add_parser("remove", help="remover fatura (vai para Faturas excluídas)")
    add_tool_options(remove)
    remove.add_argument(
        "--also-charges", action="store_true", help="remove também as contas da fatura"
    )
    remove.set_defaults(handler=_remove)

    suspend = actions.add_parser("suspend", help="suspender fatura")
    add_tool_options(suspend, justification=False)
    suspend.add_argument(
        "--reason",
        required=True,
        metavar="MOTIVO",
        help="motivo cadastrado em Motivos de Suspensão",
    )
    suspend.add_argument("--notes", default="", metavar="TEXTO")
    suspend.set_defaults(handler=_suspend)

    unsuspend = actions.add_parser("unsuspend", help="cancelar suspensão de fatura")
    add_tool_options(unsuspend)
    unsuspend.set_defaults(handler=_unsuspend)

    comment = actions.add_parser("comment", help="inserir comentário no histórico")
    add_tool_options(comment, justification=False)
    comment.add_argument("--text", required=True, metavar="TEXTO")
    comment.set_defaults(handler=_comment)

    history = actions.add_parser("history", help="histórico de uma fatura")
    history.add_argument("id", type=record_id, metavar="ID")
    add_common(history)
    history.set_defaults(handler=_history)

    spc = actions.add_parser("spc", help="adicionar ao / remover do SPC")
    add_tool_options(spc, justification=False)
    side = spc.add_mutually_exclusive_group(required=True)
    side.add_argument("--add", action="store_true")
    side.add_argument("--remove", action="store_true")
    spc.set_defaults(handler=_spc)

    baixa = actions.add_parser("baixa", help="comando de baixa na próxima remessa")
    add_tool_options(baixa, justification=False)
    baixa.set_defaults(handler=_baixa)


def _remove(args: argparse.Namespace) -> int:
    invoice_ids = ids(args.ids)

    def tool(uow: UnitOfWork, who: Actor, _confirmed: frozenset[str]) -> BatchResult:
        return invoices.remove_invoices(
            uow,
            who,
            invoice_ids=invoice_ids,
            reason=args.justification,
            also_remove_charges=args.also_charges,
            dry_run=args.dry_run,
        )

    return run_tool(args, tool)


def _suspend(args: argparse.Namespace) -> int:
    invoice_ids = ids(args.ids)

    def tool(uow: UnitOfWork, who: Actor, _confirmed: frozenset[str]) -> BatchResult:
        return invoices.suspend_invoices(
            uow,
            who,
            invoice_ids=invoice_ids,
            reason=args.reason,
            notes=args.notes,
            dry_run=args.dry_run,
        )

    return run_tool(args, tool)


def _unsuspend(args: argparse.Namespace) -> int:
    invoice_ids = ids(args.ids)

    def tool(uow: UnitOfWork, who: Actor, _confirmed: frozenset[str]) -> BatchResult:
        return invoices.unsuspend_invoices(
            uow, who, invoice_ids=invoice_ids, notes=args.justification, dry_run=args.dry_run
        )

    return run_tool(args, tool)


def _comment(args: argparse.Namespace) -> int:
    invoice_ids = ids(args.ids)

    def tool(uow: UnitOfWork, who: Actor, confirmed: frozenset[str]) -> BatchResult:
        return invoices.comment_invoices(
            uow,
            who,
            invoice_ids=invoice_ids,
            text=args.text,
            confirmed=confirmed,
            dry_run=args.dry_run,
        )

    return run_tool(args, tool)


def _history(args: argparse.Namespace) -> int:
    db = database(args)
    try:
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
                        "text": i.text,
                    }
                    for i in items
                ],
            }
        )
        return 0
    for i in items:
        print(f"{format_datetime(i.at)}  {i.operator:<20}  {i.kind:<12}  {i.text}")
    return 0


def _spc(args: argparse.Namespace) -> int:
    invoice_ids = ids(args.ids)

    def tool(uow: UnitOfWork, who: Actor, _confirmed: frozenset[str]) -> BatchResult:
        return invoices.set_spc(
            uow, who, invoice_ids=invoice_ids, in_spc=args.add, dry_run=args.dry_run
        )

    return run_tool(args, tool)


def _baixa(args: argparse.Namespace) -> int:
    invoice_ids = ids(args.ids)

    def tool(uow: UnitOfWork, who: Actor, _confirmed: frozenset[str]) -> BatchResult:
        return invoices.request_baixa(uow, who, invoice_ids=invoice_ids, dry_run=args.dry_run)

    return run_tool(args, tool)
