"""Helpers every read query shares: prefix ranges, sorting, paging, counting."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, Select, func, select
from sqlalchemy.orm import Session

from contoffice.core.paging import Page, PageRequest

R = TypeVar("R")
# A window past this many rows is no real grid; the bound keeps OFFSET/LIMIT inside a BIGINT.
MAX_WINDOW = 10**9


@dataclass(frozen=True, slots=True)
class Captured:
    """The filtered, sorted statement a page query would have windowed, and its row maker."""

    stmt: Select[Any]
    make: Callable[..., Any]
    cap: int | None


_CAPTURE: ContextVar[list[Captured] | None] = ContextVar("contoffice_capture", default=None)


@contextmanager
def capturing() -> Iterator[list[Captured]]:
    """While open, `page` records its statement and returns an empty page instead of reading.

    The export streams every row of a grid through the very statement the grid pages
    over (same filters, same sort) without each query module growing a second entry.
    """
    sink: list[Captured] = []
    token = _CAPTURE.set(sink)
    try:
        yield sink
    finally:
        _CAPTURE.reset(token)


def prefix(column: Any, text: str) -> ColumnElement[bool]:
    """`column` starts with `text`, as a range both SQLite and PostgreSQL serve from an index."""
    # LIKE 'x%' is only indexable on SQLite with NOCASE columns; a range always is.
    return (column >= text) & (column < text + "\U0010ffff")


def apply_sort(
    stmt: Select[Any], request: PageRequest, columns: Mapping[str, Any], tiebreak: Any
) -> Select[Any]:
    """ORDER BY the request's sort keys (unknown keys ignored), then a unique tiebreak."""
    order = []
    for sort in request.sort:
        column = columns.get(sort.key)
        if column is not None:
            order.append(column.desc() if sort.descending else column.asc())
    order.append(tiebreak.desc() if request.sort and request.sort[-1].descending else tiebreak)
    return stmt.order_by(*order)


def count(session: Session, stmt: Select[Any], cap: int | None = None) -> int:
    """Rows the filtered statement matches (at most `cap`), without loading them."""
    inner = stmt.order_by(None)
    if cap is not None:
        inner = inner.limit(cap)
    return session.scalar(select(func.count()).select_from(inner.subquery())) or 0


def page(
    session: Session,
    stmt: Select[Any],
    request: PageRequest,
    make: Callable[..., R],
    *,
    cap: int | None = None,
) -> Page[R]:
    """One window of rows plus the total, each row built by `make(**mapping)`."""
    sink = _CAPTURE.get()
    if sink is not None:
        sink.append(Captured(stmt, make, cap))
        return Page([], 0, 0)
    offset = min(max(request.offset, 0), MAX_WINDOW)
    limit = min(max(request.limit, 0), MAX_WINDOW)
    if cap is not None:
        limit = max(0, min(limit, cap - offset))
    rows = session.execute(stmt.offset(offset).limit(limit)).mappings().all()
    return Page([make(**row) for row in rows], count(session, stmt, cap), offset)
