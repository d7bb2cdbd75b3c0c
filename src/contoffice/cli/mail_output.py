"""What `contoffice mail` prints: the dry run, the sending report, the log's rows."""

from __future__ import annotations

import argparse
from typing import Any

from contoffice.cli import emit_json
from contoffice.core.format import format_datetime
from contoffice.services.messaging.dispatch import DispatchReport
from contoffice.services.messaging.log import STATUS_LABELS, MessageRow
from contoffice.services.messaging.mass import BatchPlan, Line


def _line(line: Line) -> dict[str, Any]:
    return {"person_id": line.person_id, "client": line.name, "invoice_id": line.invoice_id,
            "destination": line.destination, "subject": line.subject,
            **({"reason": line.reason} if line.reason else {})}


def print_plan(args: argparse.Namespace, plan: BatchPlan) -> None:
    """The dry run: who gets what, who is skipped and why."""
    if args.json:
        emit_json({"dry_run": True, "description": plan.description,
                   "messages": [_line(line) for line in plan.lines],
                   "skipped": [_line(line) for line in plan.skipped]})
        return
    print(f"{plan.description}: {len(plan.lines)} mensagem(ns) a enviar, "
          f"{len(plan.skipped)} cliente(s) sem envio (simulação: nada enviado).")
    for line in plan.lines:
        print(f"  enviar\t{line.name}\t{line.destination}\t{line.subject}")
    for line in plan.skipped:
        print(f"  pular\t{line.name}\t{line.reason}")


def print_report(args: argparse.Namespace, batch_id: int | None, plan: BatchPlan | None,
                 report: DispatchReport) -> None:
    """The final report of a sending run."""
    document = {"batch_id": batch_id, "sent": report.sent, "failed": report.failed,
                "pending": report.pending, "uncertain": report.uncertain,
                "cancelled": report.cancelled, "stopped": report.stopped,
                "failures": [{"id": i, "reason": r} for i, r in report.failures],
                "skipped": [_line(line) for line in plan.skipped] if plan else []}
    if args.json:
        emit_json(document)
        return
    lot = f"Lote {batch_id}: " if batch_id else ""
    print(f"{lot}{report.sent} enviada(s), {report.failed} com falha, "
          f"{report.pending} pendente(s).")
    for message_id, reason in report.failures:
        print(f"  mensagem {message_id}: {reason}")
    for reason in report.stopped:
        print(f"  {reason}")
    if report.uncertain:
        print(f"  {report.uncertain} mensagem(ns) interrompida(s) por uma queda anterior: "
              "confira antes de reenviar.")


def report_dict(row: MessageRow) -> dict[str, Any]:
    """One message of the log as JSON."""
    return {"id": row.id, "when": format_datetime(row.when), "channel": row.channel,
            "person_id": row.person_id, "client": row.client, "destination": row.destination,
            "copies": row.copies, "subject": row.subject, "attachments": row.attachments,
            "status": str(row.status), "status_label": STATUS_LABELS.get(row.status, ""),
            "error": row.error, "operator": row.operator, "invoice_id": row.invoice_id,
            "batch_id": row.batch_id}
