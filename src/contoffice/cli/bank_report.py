"""How `contoffice bank` prints a return's report and its listings (text or JSON)."""

from __future__ import annotations

import argparse
from typing import Any

from contoffice.cli import emit_json
from contoffice.core.format import format_date, format_money
from contoffice.services.bank_files import report_export
from contoffice.services.bank_files.report import ReturnReport


def vars_of(row: Any) -> dict[str, Any]:
    """A listing row as a JSON object."""
    return {name: getattr(row, name) for name in row.__slots__}


def show(args: argparse.Namespace, report: ReturnReport) -> int:
    """Print the report (and write it as a spreadsheet with --xlsx); exit code 0."""
    if args.xlsx is not None:
        report_export.export_report(report, args.xlsx)
    counts = {outcome.value: n for outcome, n in report.counts.items()}
    if args.json:
        emit_json({
            "return_id": report.return_id, "filename": report.filename, "bank": report.bank,
            "format": report.file_format, "profile_id": report.profile_id,
            "dry_run": report.dry_run, "records": len(report.lines), "counts": counts,
            "settled_cents": report.settled_cents, "paid_cents": report.paid_cents,
            "fee_cents": report.fee_cents, "fee_charge_id": report.fee_charge_id,
            "declared_count": report.declared_count,
            "declared_total_cents": report.declared_total_cents,
            "spc_invoices": list(report.spc_invoices),
            "lines": [{"line": x.line_number, "our_number": x.our_number,
                       "invoice_id": x.invoice_id, "occurrence": x.occurrence_code,
                       "kind": x.occurrence, "outcome": x.outcome.value,
                       "paid_cents": x.paid_cents, "fee_cents": x.fee_cents,
                       "message": x.message} for x in report.lines]})
        return 0
    head = "Simulação (nada aplicado)" if report.dry_run else f"Retorno {report.return_id}"
    print(f"{head}: {report.filename}, {report.bank_name} CNAB {report.file_format[-3:]}, "
          f"profile {report.profile_name}, gerado em {format_date(report.generated_on)}.")
    for outcome, n in sorted(report.counts.items(), key=lambda kv: kv[0].label):
        print(f"  {outcome.label}: {n}")
    print(f"  Liquidado: {format_money(report.settled_cents)}; tarifas: "
          f"{format_money(report.fee_cents)}.")
    for x in report.lines:
        if x.message:
            print(f"  linha {x.line_number}, nosso número {x.our_number}: {x.message}")
    return 0
