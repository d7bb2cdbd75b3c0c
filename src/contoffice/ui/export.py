"""Export the grid on screen (visible columns in their order, filter, sort) as XLSX or CSV."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from contoffice.core.text import fold
from contoffice.services.panels.grid_export import ExportResult, export_grid
from contoffice.ui import texts
from contoffice.ui.context import WindowContext
from contoffice.ui.operations import Operation
from contoffice.ui.widgets.grid_view import GridView

CSV_FILTER = "Texto CSV separado por ponto e vírgula (*.csv)"


def ask_path(parent: QWidget, title: str) -> Path | None:
    """Where to save the spreadsheet, XLSX or CSV by the chosen type (tests replace this)."""
    name = fold(title).replace(" ", "_") + ".xlsx"
    path, chosen = QFileDialog.getSaveFileName(
        parent, texts.EXPORT_TITLE, name, f"{texts.XLSX_FILTER};;{CSV_FILTER}")
    if not path:
        return None
    return chosen_path(path, csv=chosen == CSV_FILTER)


def chosen_path(path: str, *, csv: bool) -> Path:
    """CSV when its type was chosen or the name ends in .csv (the suggested .xlsx swapped)."""
    target = Path(path)
    if csv or target.suffix.lower() == ".csv":
        stem = target.with_suffix("") if target.suffix.lower() in (".xlsx", ".csv") else target
        return stem.with_name(stem.name + ".csv")
    return target if target.suffix.lower() == ".xlsx" else target.with_name(target.name + ".xlsx")


def visible_columns(grid: GridView) -> list[str]:
    """Column keys as the clerk sees them: visual order, hidden ones left out."""
    header = grid.table.horizontalHeader()
    keys = []
    for visual in range(header.count()):
        logical = header.logicalIndex(visual)
        if not header.isSectionHidden(logical):
            keys.append(grid.model.columns[logical].key)
    return keys


def export_view(parent: QWidget, ctx: WindowContext, grid: GridView, key: str, title: str,
                person_id: int | None = None) -> Operation | None:
    """Ask for a file and export in the background; returns the running operation."""
    path = ask_path(parent, title)
    if path is None:
        return None
    request, columns = grid.model.request(), visible_columns(grid)
    db, actor = ctx.db, ctx.actor
    operation = Operation(parent, lambda progress: export_grid(
        db, actor, key, path, request=request, person_id=person_id, column_keys=columns,
        title=title, progress=progress), title=texts.EXPORT_TITLE)

    def done(result: ExportResult) -> None:
        ctx.notify(texts.EXPORT_DONE.format(n=result.rows, path=result.path))

    operation.on_success(done).run()
    return operation
