"""Every row of a grid, as filtered and sorted on screen, through one streaming query.

The grid's own query builds its statement; `capturing` takes it before the page
window is applied, so the export reads the very rows the grid shows, in its
order, with a server-side cursor (PostgreSQL) or a lazy cursor (SQLite) instead
of OFFSET pages.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator, Sequence
from operator import itemgetter
from typing import Any

from sqlalchemy.orm import Session

from contoffice.core.paging import PageRequest
from contoffice.db.queries.common import MAX_WINDOW, capturing, count
from contoffice.services.panels.grids import GRIDS, full_request

BATCH = 2000  # rows per fetch of the cursor


@dataclasses.dataclass(frozen=True, slots=True)
class GridRows:
    """How many rows will come (for the progress bar) and, per row, the wanted values."""

    total: int
    rows: Iterator[Sequence[Any]]


def stream_rows(session: Session, key: str, request: PageRequest, keys: Sequence[str], *,
                person_id: int | None = None) -> GridRows:
    """The values of columns `keys` of every row of grid `key` (the request's window ignored).

    Read lazily: iterate while `session` is open.
    """
    spec = GRIDS[key]
    if spec.query is None:
        return GridRows(0, iter(()))
    whole = full_request(spec, request.with_window(0, MAX_WINDOW), person_id)
    with capturing() as captured:
        page = spec.query(session, whole)
    if not captured:  # computed in Python (recurrence) or refused early: already complete
        return GridRows(page.total, _attributes(iter(page.rows), keys))
    found = captured[0]
    stmt = found.stmt if found.cap is None else found.stmt.limit(found.cap)
    total = count(session, found.stmt, found.cap)

    def rows() -> Iterator[Sequence[Any]]:
        result = session.execute(stmt.execution_options(yield_per=BATCH))
        if _plain(found.make, keys, list(result.keys())):
            # The row class only stores what the query selected: skip building it.
            pick = itemgetter(*[list(result.keys()).index(k) for k in keys])
            single = len(keys) == 1
            for row in result:  # a Row is a tuple
                yield (pick(row),) if single else pick(row)
            return
        yield from _attributes((found.make(**m) for m in result.mappings()), keys)

    return GridRows(total, rows())


def _attributes(rows: Iterator[Any], keys: Sequence[str]) -> Iterator[Sequence[Any]]:
    for row in rows:
        yield [getattr(row, k) for k in keys]


def _plain(make: Callable[..., Any], keys: Sequence[str], selected: list[str]) -> bool:
    """Whether `make` is a dataclass that keeps each selected value under its own name."""
    if not (isinstance(make, type) and dataclasses.is_dataclass(make)):
        return False
    if hasattr(make, "__post_init__") or any(k not in selected for k in keys):
        return False
    return {f.name for f in dataclasses.fields(make)} == set(selected)
