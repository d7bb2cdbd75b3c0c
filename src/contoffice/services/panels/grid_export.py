"""Export a grid, as filtered on screen, to XLSX (the window and `contoffice export`)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from contoffice.core.paging import PageRequest
from contoffice.core.progress import NullProgress, Progress, check_cancelled
from contoffice.db.uow import Database
from contoffice.exports.xlsx import write_grid
from contoffice.services.kernel.permissions import Actor, require
from contoffice.services.panels.grids import GRIDS, fetch_page

CHUNK = 2000


@dataclass(frozen=True, slots=True)
class ExportResult:
    path: Path
    rows: int


def export_grid(db: Database, actor: Actor, key: str, path: Path, *,
                request: PageRequest | None = None, person_id: int | None = None,
                column_keys: Sequence[str] | None = None, title: str | None = None,
                progress: Progress | None = None) -> ExportResult:
    """Write every row the grid's filter matches, in its sort, with the chosen columns."""
    if key.startswith("finder."):
        require(actor, "people.export")
    spec = GRIDS[key]
    progress = progress or NullProgress()
    request = request or PageRequest()
    columns = [spec.column(k) for k in column_keys] if column_keys else list(spec.columns)

    def rows() -> Iterator[list[Any]]:
        offset = 0
        while True:
            page = fetch_page(db.uow(), key, request.with_window(offset, CHUNK),
                              person_id=person_id)
            for row in page.rows:
                yield [getattr(row, c.key) for c in columns]
            offset += len(page.rows)
            progress.step(offset, page.total, "Exportando")
            check_cancelled(progress)
            if not page.rows or offset >= page.total:
                return

    written = write_grid(path, title or spec.title, columns, rows())
    return ExportResult(path, written)
