"""`contoffice mail …`: sending accounts, e-mail to clients, mass sending and the message log."""

from __future__ import annotations

import argparse
import sys

from contoffice.cli import emit_json, mail_accounts
from contoffice.cli.common import actor, add_common, database
from contoffice.cli.mail_output import print_plan, print_report, report_dict
from contoffice.cli.numbers import record_id
from contoffice.cli.rows import ids
from contoffice.core.message_vocab import MessageChannel
from contoffice.services.invoicing.rules import competence_of
from contoffice.services.messaging import dispatch, log, mass
from contoffice.services.messaging import templates_store as store


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    group = sub.add_parser("mail", help="e-mail e SMS aos clientes, contas de envio")
    actions = group.add_subparsers(dest="mail_command", required=True, metavar="ACAO")

    mail_accounts.register(actions)

    send = actions.add_parser("send", help="enviar o boleto de cada fatura ao seu cliente")
    send.add_argument("--invoices", required=True, metavar="IDS")
    send.add_argument("--account", metavar="NOME", help="conta de envio (padrão: a padrão)")
    send.add_argument("--template", default=store.BOLETO, metavar="NOME")
    send.add_argument("--dry-run", action="store_true", help="mostra o que iria, não envia")
    send.add_argument("--sms", action="store_true", help="por SMS (gateway padrão), sem anexo")
    add_common(send, operator=True)
    send.set_defaults(handler=_send)

    batch = actions.add_parser("batch", help="envio em massa dos boletos de uma competência")
    target = batch.add_mutually_exclusive_group(required=True)
    target.add_argument("--competence", metavar="AAAA-MM")
    target.add_argument("--overdue", action="store_true", help="todas as faturas vencidas")
    target.add_argument("--resume", type=record_id, metavar="LOTE",
                        help="continuar um lote interrompido (envia só o que falta)")
    batch.add_argument("--account", metavar="NOME")
    batch.add_argument("--template", default=store.BOLETO, metavar="NOME")
    batch.add_argument("--dry-run", action="store_true", help="mostra quem recebe, não envia")
    batch.add_argument("--sms", action="store_true", help="por SMS (gateway padrão), sem anexo")
    batch.add_argument("--progress", action="store_true", help="progresso no stderr")
    add_common(batch, operator=True)
    batch.set_defaults(handler=_batch)

    logged = actions.add_parser("log", help="mensagens enviadas (de um cliente ou todas)")
    logged.add_argument("--person", type=record_id, metavar="ID")
    logged.add_argument("--limit", type=int, default=200, metavar="N")
    add_common(logged, operator=True)
    logged.set_defaults(handler=_log)


class _StderrProgress:
    def step(self, done: int, total: int, label: str = "") -> None:
        print(f"envio: {done}/{total}", file=sys.stderr, flush=True)

    def cancelled(self) -> bool:
        return False


def _run(args: argparse.Namespace, selection: mass.Selection | None) -> int:
    db = database(args)
    try:
        who = actor(db, args)
        batch_id, plan = getattr(args, "resume", None), None
        if selection is not None:
            channel = MessageChannel.SMS if args.sms else MessageChannel.EMAIL
            plan = mass.plan_batch(db.uow(), who, selection, template=args.template,
                                   account=args.account, channel=channel)
            if args.dry_run:
                print_plan(args, plan)
                return 0
            batch_id = mass.queue_batch(db, who, plan)
        progress = _StderrProgress() if getattr(args, "progress", False) else None
        report = dispatch.send_queued(db, who, batch_id=batch_id, progress=progress)
    finally:
        db.dispose()
    print_report(args, batch_id, plan, report)
    return 0 if not report.failed and not report.pending else 1


def _send(args: argparse.Namespace) -> int:
    invoice_ids = tuple(ids(args.invoices, "--invoices"))
    return _run(args, mass.Selection(invoice_ids=invoice_ids))


def _batch(args: argparse.Namespace) -> int:
    if args.resume is not None:
        return _run(args, None)
    selection = (mass.Selection(competence=competence_of(args.competence))
                 if args.competence else mass.Selection(overdue=True))
    return _run(args, selection)


def _log(args: argparse.Namespace) -> int:
    db = database(args)
    try:
        rows = log.sent_messages(db.uow(), actor(db, args), person_id=args.person,
                                 limit=args.limit)
    finally:
        db.dispose()
    if args.json:
        emit_json([report_dict(r) for r in rows])
    else:
        for r in rows:
            print(f"{r.id}\t{r.when}\t{r.channel}\t{r.destination}\t{r.subject}\t{r.status}"
                  + (f"\t{r.error}" if r.error else ""))
    return 0
