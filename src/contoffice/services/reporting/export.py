"""A report's table to XLSX or CSV through the house exporter (title line, typed cells)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from contoffice.core.format import SAO_PAULO
from contoffice.core.os_errors import describe
from contoffice.db.uow import UnitOfWork
from contoffice.exports.table import Table, write_table
from contoffice.services.admin import office
from contoffice.services.kernel.permissions import Actor, require
from contoffice.services.panels.grid_export import ExportFailed
from contoffice.services.reporting.model import Report


def title_line(office_name: str, report: Report, now: datetime | None = None) -> str:
    """Office · report · what was asked · date and time of the export."""
    moment = (now or datetime.now(SAO_PAULO)).astimezone(SAO_PAULO)
    parts = [office_name, report.title, *report.filters,
             f"Exportado em {moment:%d/%m/%Y %H:%M}"]
    return " · ".join(p for p in parts if p)


def export_report(uow: UnitOfWork, actor: Actor, report: Report, path: Path) -> int:
    """Write the table as shown (its columns, its rows in order); `.csv` is CSV, else XLSX."""
    with uow:
        require(actor, report.permission)
        name = office.identity(uow).name
    table = Table(report.title, title_line(name, report), report.columns)
    try:
        return write_table(path, table, report.values())
    except OSError as error:  # a path the clerk chose: said in pt-BR, nothing left behind
        raise ExportFailed(describe(error)) from None
