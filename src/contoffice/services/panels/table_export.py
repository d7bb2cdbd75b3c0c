"""Export a table that is no grid (pivot, cancellations, run refusals, history) as shown.

The window hands over what the clerk sees (headers in order, the rows it holds); the
builders here give each column its kind so the sheet is typed (counts as numbers, moments
as dates), and `export_table` writes it through the house writer (title row, XLSX or CSV).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol

from contoffice.core.format import SAO_PAULO
from contoffice.core.grids import ColumnKind, ColumnSpec
from contoffice.core.os_errors import describe
from contoffice.core.progress import NullProgress, Progress, check_cancelled
from contoffice.db.uow import Database
from contoffice.exports.table import Table, write_table
from contoffice.services.panels.export_title import office_name
from contoffice.services.panels.grid_export import LABEL, STEP, ExportFailed, ExportResult
from contoffice.services.panels.pivot import PIVOT_FIELDS, TOTAL, PivotTable

_TEXT, _INT, _MOMENT = ColumnKind.TEXT, ColumnKind.INT, ColumnKind.DATETIME


@dataclass(frozen=True, slots=True)
class Sheet:
    """A table as the window shows it: its name, typed columns and raw rows (one per line)."""

    title: str
    columns: Sequence[ColumnSpec]
    rows: Sequence[Sequence[Any]]
    detail: str = ""  # what the title row adds (the competência of a run…)

    def select(self, visible: Sequence[int]) -> Sheet:
        """Only the columns at these positions, in this order (the clerk's on-screen order)."""
        columns = [self.columns[i] for i in visible]
        rows = [[row[i] for i in visible] for row in self.rows]
        return replace(self, columns=columns, rows=rows)


def _columns(headers: Sequence[str], kinds: Sequence[ColumnKind]) -> list[ColumnSpec]:
    return [ColumnSpec(f"c{i}", header, kind, width=max(70, 8 * len(header)))
            for i, (header, kind) in enumerate(zip(headers, kinds, strict=True))]


def pivot_sheet(table: PivotTable, title: str) -> Sheet:
    """The pivot with its total column and total row, the row headings as the first column."""
    heading = " / ".join(PIVOT_FIELDS[f] for f in table.row_fields) or TOTAL
    headers = [heading, *(" / ".join(c) for c in table.columns), TOTAL]
    kinds = [_TEXT, *[_INT] * (len(headers) - 1)]
    rows: list[list[Any]] = [[" / ".join(r), *counts, sum(counts)]
                             for r, counts in zip(table.rows, table.counts, strict=True)]
    totals = [sum(c[i] for c in table.counts) for i in range(len(table.columns))]
    rows.append([TOTAL, *totals, table.total])
    fields = " × ".join(" / ".join(PIVOT_FIELDS[f] for f in part)
                        for part in (table.row_fields, table.column_fields) if part)
    return Sheet(title, _columns(headers, kinds), rows, fields)


class CancellationLike(Protocol):
    """What the cancellation manager lists (services.contracts.status.CancellationRow)."""

    id: int
    contract_id: int
    person_name: str
    plan: str
    reason: str
    requested_at: datetime
    retention_notes: str


def cancellations_sheet(title: str, headers: Sequence[str],
                        requests: Sequence[CancellationLike]) -> Sheet:
    """Solicitação, contrato, cliente, plano, motivo, quando, tratativa: as listed."""
    rows = [(r.id, r.contract_id, r.person_name, r.plan, r.reason, r.requested_at,
             r.retention_notes) for r in requests]
    kinds = (_INT, _INT, _TEXT, _TEXT, _TEXT, _MOMENT, _TEXT)
    return Sheet(title, _columns(headers, kinds), rows)


class RefusalLike(Protocol):
    """A contract a billing run refused (services.billing.run.RefusedContract)."""

    contract_id: int
    person_id: int
    message: str


def refusals_sheet(title: str, headers: Sequence[str], refused: Sequence[RefusalLike],
                   detail: str = "") -> Sheet:
    """Contrato, cliente, motivo of every contract the run did not bill."""
    rows = [(r.contract_id, r.person_id, r.message) for r in refused]
    return Sheet(title, _columns(headers, (_INT, _INT, _TEXT)), rows, detail)


class HistoryLike(Protocol):
    """One history line (services.invoices.actions.HistoryItem)."""

    at: datetime
    operator: str
    label: str
    text: str


def history_sheet(title: str, headers: Sequence[str], entries: Sequence[HistoryLike]) -> Sheet:
    """Data e hora, operador, ação, descrição of every entry, oldest first."""
    rows = [(e.at, e.operator, e.label, e.text) for e in entries]
    return Sheet(title, _columns(headers, (_MOMENT, _TEXT, _TEXT, _TEXT)), rows)


def _title_line(office: str, sheet: Sheet, now: datetime | None = None) -> str:
    moment = (now or datetime.now(SAO_PAULO)).astimezone(SAO_PAULO)
    parts = [office, sheet.title, sheet.detail, f"Exportado em {moment:%d/%m/%Y %H:%M}"]
    return " · ".join(p for p in parts if p)


def export_table(sheet: Sheet, path: Path, *, db: Database | None = None,
                 progress: Progress | None = None) -> ExportResult:
    """Write the sheet (`.csv` is CSV, anything else XLSX); the office name comes from `db`."""
    progress = progress or NullProgress()
    office = ""
    if db is not None:
        with db.uow() as uow:
            office = office_name(uow.session)
    total = len(sheet.rows)

    def rows() -> Iterator[Sequence[Any]]:
        for done, row in enumerate(sheet.rows, start=1):
            yield row
            if done % STEP == 0:
                progress.step(done, total, LABEL)
                check_cancelled(progress)
        progress.step(total, total, LABEL)

    check_cancelled(progress)
    table = Table(sheet.title, _title_line(office, sheet), sheet.columns)
    try:
        written = write_table(path, table, rows())
    except OSError as error:  # a path the clerk chose: said in pt-BR, nothing left behind
        raise ExportFailed(describe(error)) from None
    return ExportResult(path, written)
