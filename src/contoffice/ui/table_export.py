"""Exportar planilha for the tables that are no grid: what the table shows, off the GUI thread."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QTableView, QTableWidget, QWidget

from contoffice.services.admin.setup import Database
from contoffice.services.panels.grid_export import ExportResult
from contoffice.services.panels.table_export import Sheet, export_table
from contoffice.ui import export, texts
from contoffice.ui.operations import Operation


def visible_sections(table: QTableView) -> list[int]:
    """Logical column positions as the clerk sees them: visual order, hidden ones left out."""
    header = table.horizontalHeader()
    logical = (header.logicalIndex(visual) for visual in range(header.count()))
    return [i for i in logical if not header.isSectionHidden(i)]


def headers(table: QTableWidget) -> list[str]:
    """Every column's header text, by logical position."""
    return [(table.horizontalHeaderItem(i).text() if table.horizontalHeaderItem(i) else "")
            for i in range(table.columnCount())]


def export_sheet(parent: QWidget, sheet: Callable[[], Sheet], *, db: Database | None,
                 notify: Callable[[str], None] | None = None) -> Operation | None:
    """Ask where, then write the sheet in a worker; returns the running operation."""
    built = sheet()  # read on the GUI thread: the widget's rows as they are now
    path = export.ask_path(parent, built.title)
    if path is None:
        return None
    operation = Operation(parent, lambda progress: export_table(
        built, path, db=db, progress=progress), title=texts.EXPORT_TITLE)

    def done(result: ExportResult) -> None:
        if notify is not None:
            notify(texts.EXPORT_DONE.format(n=result.rows, path=result.path))

    operation.on_success(done).run()
    return operation
