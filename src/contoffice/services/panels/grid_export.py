"""Export a grid, as filtered and sorted on screen, to XLSX or CSV (window and `contoffice export`).

One streaming query feeds the writer (no OFFSET pages); the file appears only once
complete, so a cancel or an error leaves nothing behind.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from contoffice.core.os_errors import describe
from contoffice.core.paging import PageRequest
from contoffice.core.progress import NullProgress, Progress, check_cancelled
from contoffice.db.uow import Database
from contoffice.errors import ContofficeError
from contoffice.exports.table import Table, write_table
from contoffice.services.kernel.permissions import Actor, require
from contoffice.services.panels.export_title import title_line
from contoffice.services.panels.grid_stream import stream_rows
from contoffice.services.panels.grids import GRIDS

STEP = 2000  # rows between progress reports and cancel checks
LABEL = "Exportando"


class ExportFailed(ContofficeError):
    """The file could not be written (folder missing or closed, disk full): pt-BR message."""


@dataclass(frozen=True, slots=True)
class ExportResult:
    path: Path
    rows: int


def export_grid(db: Database, actor: Actor, key: str, path: Path, *,
                request: PageRequest | None = None, person_id: int | None = None,
                column_keys: Sequence[str] | None = None, title: str | None = None,
                progress: Progress | None = None) -> ExportResult:
    """Write every row the grid's filter matches, in its sort, with the chosen columns.

    The format follows the extension: `.csv` is CSV, anything else XLSX.
    """
    if key.startswith("finder."):
        require(actor, "people.export")
    spec = GRIDS[key]
    progress = progress or NullProgress()
    request = request or PageRequest()
    columns = [spec.column(k) for k in column_keys] if column_keys else list(spec.columns)
    uow = db.uow()
    with uow:
        keys = [c.key for c in columns]
        found = stream_rows(uow.session, key, request, keys, person_id=person_id)
        table = Table(title or spec.title,
                      title_line(uow.session, spec, title or spec.title, request), columns)

        def rows() -> Iterator[Sequence[Any]]:
            done = 0
            for row in found.rows:
                yield row
                done += 1
                if done % STEP == 0:
                    progress.step(done, found.total, LABEL)
                    check_cancelled(progress)
            progress.step(done, max(done, found.total), LABEL)

        check_cancelled(progress)
        try:
            written = write_table(path, table, rows())
        except OSError as error:  # a path the clerk chose: said in pt-BR, nothing left
            raise ExportFailed(describe(error)) from None
    return ExportResult(path, written)
