"""A return's report as a spreadsheet (Exportar planilha of the report)."""

from __future__ import annotations

from pathlib import Path

from contoffice.core.grids import ColumnKind, ColumnSpec
from contoffice.exports.xlsx import write_grid
from contoffice.services.bank_files.report import ReturnReport

COLUMNS = (
    ColumnSpec("line_number", "Linha", ColumnKind.INT, width=60),
    ColumnSpec("our_number", "Nosso número", width=120),
    ColumnSpec("invoice_id", "Fatura", ColumnKind.INT, width=70),
    ColumnSpec("occurrence_code", "Ocorrência", width=80),
    ColumnSpec("occurrence_label", "Tipo", width=130),
    ColumnSpec("outcome", "Resultado", width=130),
    ColumnSpec("face_cents", "Valor do título", ColumnKind.MONEY),
    ColumnSpec("paid_cents", "Valor pago", ColumnKind.MONEY),
    ColumnSpec("interest_cents", "Juros/multa", ColumnKind.MONEY),
    ColumnSpec("discount_cents", "Desconto/abatimento", ColumnKind.MONEY),
    ColumnSpec("fee_cents", "Tarifa", ColumnKind.MONEY),
    ColumnSpec("occurrence_date", "Data da ocorrência", ColumnKind.DATE),
    ColumnSpec("credit_date", "Data do crédito", ColumnKind.DATE),
    ColumnSpec("message", "Observação", width=300),
)


def export_report(report: ReturnReport, path: Path) -> int:
    """Write one row per record; the rows written."""
    rows = ([x.line_number, x.our_number, x.invoice_id, x.occurrence_code, x.occurrence_label,
             x.outcome.label, x.face_cents, x.paid_cents, x.interest_cents, x.discount_cents,
             x.fee_cents, x.occurrence_date, x.credit_date, x.message] for x in report.lines)
    return write_grid(path, f"Retorno {report.return_id or ''}".strip(), COLUMNS, rows)
