"""`contoffice nfse …`: the office's NFS-e Nacional, the same services as the Fiscal area."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from contoffice.cli import emit_json, nfse_certificate
from contoffice.cli.common import actor, add_common, database
from contoffice.cli.numbers import record_id
from contoffice.cli.rows import ids
from contoffice.core.format import format_money, parse_competence
from contoffice.db.uow import UnitOfWork
from contoffice.services.fiscal import documents, pending
from contoffice.services.fiscal.cancel import cancel
from contoffice.services.fiscal.generate import GenerateReport, Outcome, generate
from contoffice.services.kernel.permissions import Actor

T = TypeVar("T")

_OUTCOMES = {
    Outcome.WOULD_ISSUE: "seria emitida", Outcome.ISSUED: "autorizada",
    Outcome.REJECTED: "rejeitada", Outcome.UNKNOWN: "sem resposta",
    Outcome.NOT_SENT: "não enviada", Outcome.REFUSED: "recusada",
}


class _StderrProgress:
    """One line per invoice on stderr, when asked."""

    def __init__(self, shown: bool) -> None:
        self.shown = shown

    def step(self, done: int, total: int, label: str = "") -> None:
        if self.shown:
            print(f"nfse: {done}/{total} {label}", file=sys.stderr, flush=True)

    def cancelled(self) -> bool:
        return False


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the `nfse` command."""
    group = sub.add_parser("nfse", help="NFS-e Nacional dos honorários do escritório")
    actions = group.add_subparsers(dest="nfse_command", required=True, metavar="ACAO")
    dps = actions.add_parser("dps", help="gravar a DPS assinada que seria enviada (inspeção)")
    dps.add_argument("--invoice", required=True, type=record_id, metavar="ID")
    dps.add_argument("-o", "--output", required=True, type=Path, metavar="FILE.xml")
    gen = actions.add_parser("generate", help="emitir as NFS-e de faturas")
    gen.add_argument("--invoices", required=True, metavar="IDS")
    batch = actions.add_parser("batch", help="emitir as NFS-e pendentes de uma competência")
    batch.add_argument("--competence", required=True, metavar="AAAA-MM")
    for parser in (gen, batch):
        parser.add_argument("--dry-run", action="store_true",
                            help="mostra o que seria emitido e o que seria recusado")
        parser.add_argument("--progress", action="store_true", help="progresso no stderr")
    can = actions.add_parser("cancel", help="cancelar uma NFS-e autorizada (evento e101101)")
    can.add_argument("id", type=record_id, metavar="ID")
    can.add_argument("--reason", required=True, type=int, choices=(1, 2, 9),
                     help="1 erro na emissão, 2 serviço não prestado, 9 outros")
    can.add_argument("--justification", required=True, metavar="TEXTO")
    ann = actions.add_parser("annul", help="anular uma DPS ainda não autorizada")
    ann.add_argument("id", type=record_id, metavar="ID")
    pdf = actions.add_parser("pdf", help="gravar o DANFSe (PDF) de uma nota")
    pdf.add_argument("id", type=record_id, metavar="ID")
    pdf.add_argument("-o", "--output", required=True, type=Path, metavar="FILE.pdf")
    st = actions.add_parser("status", help="situação de uma nota (consulta a Sefin se preciso)")
    st.add_argument("id", type=record_id, metavar="ID")
    handlers = {dps: _dps, gen: _generate, batch: _batch, can: _cancel, ann: _annul, pdf: _pdf,
                st: _status, nfse_certificate.add(actions): nfse_certificate.install}
    for parser, handler in handlers.items():
        add_common(parser, operator=True)
        parser.set_defaults(handler=handler)


def _call(args: argparse.Namespace, work: Callable[[UnitOfWork, Actor], T]) -> T:
    """Run one service in a unit of work, the certificate unlocked from the environment."""
    db = database(args)
    try:
        who = actor(db, args)
        with db.uow() as uow:
            nfse_certificate.unlock_from_environment(uow)
            return work(uow, who)
    finally:
        db.dispose()


def _dps(args: argparse.Namespace) -> int:
    xml = _call(args, lambda uow, who: documents.signed_dps(uow, who, args.invoice))
    args.output.write_bytes(xml)
    if args.json:
        emit_json({"invoice": args.invoice, "output": str(args.output), "bytes": len(xml)})
    else:
        print(f"DPS assinada da fatura {args.invoice} gravada em {args.output}.")
    return 0


def _report(args: argparse.Namespace, report: GenerateReport) -> int:
    if args.json:
        emit_json({"dry_run": report.dry_run, "cancelled": report.cancelled, "invoices": [{
            "invoice": r.invoice_id, "person_id": r.person_id, "name": r.name,
            "amount_cents": r.amount_cents, "outcome": r.outcome.value, "message": r.message,
            "document": r.document_id, "dps_number": r.number, "nfse_number": r.nfse_number,
            "key": r.key} for r in report.rows]})
    else:
        for r in report.rows:
            print(f"{r.invoice_id}\t{r.name}\t{format_money(r.amount_cents)}\t"
                  f"{_OUTCOMES[r.outcome]}\t{r.message}")
        good = Outcome.WOULD_ISSUE if report.dry_run else Outcome.ISSUED
        verb = "seriam emitidas" if report.dry_run else "autorizadas"
        print(f"{report.count(good)} nota(s) {verb} de {len(report.rows)} fatura(s).")
    # Nothing went wrong only if every invoice was issued (or would be).
    good = Outcome.WOULD_ISSUE if report.dry_run else Outcome.ISSUED
    return 0 if all(r.outcome == good for r in report.rows) else 2


def _generate(args: argparse.Namespace) -> int:
    wanted = ids(args.invoices, "--invoices")
    report = _call(args, lambda uow, who: generate(
        uow, who, wanted, dry_run=args.dry_run, progress=_StderrProgress(args.progress)))
    return _report(args, report)


def _batch(args: argparse.Namespace) -> int:
    month = parse_competence(args.competence)
    found: list[int] = []

    def run(uow: UnitOfWork, who: Actor) -> GenerateReport:
        found.extend(pending.pending_invoices(uow, month))
        return generate(uow, who, found, dry_run=args.dry_run,
                        progress=_StderrProgress(args.progress))

    report = _call(args, run)
    if not found and not args.json:
        print(f"Nenhuma fatura de {month:%m/%Y} aguarda nota fiscal.")
        return 0
    return _report(args, report)


def _show(args: argparse.Namespace, found: documents.DocumentStatus) -> int:
    if args.json:
        emit_json({"id": found.id, "invoice": found.invoice_id, "status": found.status,
                   "label": found.label, "environment": found.environment,
                   "series": found.series, "dps_number": found.number,
                   "nfse_number": found.nfse_number, "key": found.key, "codes": found.codes,
                   "message": found.message})
    else:
        nfse = f"NFS-e {found.nfse_number}" if found.nfse_number else "sem NFS-e"
        print(f"Documento {found.id} (fatura {found.invoice_id}): {found.label}; "
              f"DPS {found.series}/{found.number}; {nfse}.")
        for line in filter(None, (found.key and f"Chave: {found.key}", found.codes,
                                  found.message)):
            print(line)
    return 0


def _status(args: argparse.Namespace) -> int:
    found = _call(args, lambda uow, who: documents.status(uow, who, args.id))
    return _show(args, found)


def _cancel(args: argparse.Namespace) -> int:
    found = _call(args, lambda uow, who: cancel(uow, who, args.id, args.reason,
                                                args.justification))
    return _show(args, found)


def _annul(args: argparse.Namespace) -> int:
    done = _call(args, lambda uow, who: documents.annul(uow, who, [args.id]))
    if args.json:
        emit_json([{"id": a.document_id, "dps_number": a.number, "number_returned": a.returned}
                   for a in done])
    else:
        for a in done:
            back = " O número voltou para a sequência." if a.returned else ""
            print(f"DPS nº {a.number} anulada.{back}")
    return 0


def _pdf(args: argparse.Namespace) -> int:
    data = _call(args, lambda uow, _who: documents.pdf(uow, args.id))
    args.output.write_bytes(data)
    if args.json:
        emit_json({"id": args.id, "output": str(args.output), "bytes": len(data)})
    else:
        print(f"DANFSe do documento {args.id} gravado em {args.output}.")
    return 0
