"""What the client-panel page queries share: per-column filter builders and one page call."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from sqlalchemy import ColumnElement, Select, String, cast, false
from sqlalchemy.orm import Session

from contoffice.core.filters import date_range, money_range
from contoffice.core.grids import codes_for_label
from contoffice.core.paging import Page, PageRequest
from contoffice.core.text import ascii_digits, database_text
from contoffice.db.queries.common import apply_sort, page

Condition = Callable[[Any], ColumnElement[bool] | None]


def contains(column: Any) -> Condition:
    """Case-insensitive "contains" over a text column (per-client tables are small)."""
    return lambda value: column.ilike(f"%{_escape(str(value).strip())}%", escape="\\")


def number(column: Any) -> Condition:
    """Equality on an integer column; text that is no number matches nothing."""

    def condition(value: Any) -> ColumnElement[bool]:
        digits = ascii_digits(str(value))
        # More than 18 digits is no code and would overflow a BIGINT on either database.
        return column == int(digits) if 0 < len(digits) <= 18 else false()

    return condition


def equals(column: Any) -> Condition:
    """Plain equality (ids, direction codes)."""
    return lambda value: column == value


def one_of(column: Any) -> Condition:
    """Membership in a list of codes (a single code is accepted too)."""
    return lambda value: column.in_([value] if isinstance(value, str) else list(value))


def label(column: Any, labels: Mapping[str, str]) -> Condition:
    """What the clerk typed matched against the pt-BR labels of a code column."""
    return lambda value: column.in_(codes_for_label(str(value), labels))


def as_text(column: Any) -> Condition:
    """ "Contains" over a number column seen as text (codes typed partially)."""
    return lambda value: cast(column, String).like(f"%{_escape(str(value).strip())}%", escape="\\")


def dates(column: Any) -> Condition:
    """A day, month, year, range or >=/<= bound typed in a date column (core.filters)."""

    def condition(value: Any) -> ColumnElement[bool] | None:
        found = date_range(str(value))
        return None if found is None else _between(column, *found)

    return condition


def money(column: Any) -> Condition:
    """An amount, range or >=/<= bound typed in a money column, in cents."""

    def condition(value: Any) -> ColumnElement[bool] | None:
        found = money_range(str(value))
        return None if found is None else _between(column, *found)

    return condition


def _between(column: Any, low: Any, high: Any) -> ColumnElement[bool]:
    if low is not None and high is not None:
        return column.between(low, high)
    return column >= low if low is not None else column <= high


def range_filters(
    sorts: Mapping[str, Any], *, date_keys: tuple[str, ...] = (), money_keys: tuple[str, ...] = ()
) -> dict[str, Condition]:
    """Filters for date and money columns over the same expressions the page sorts by."""
    found: dict[str, Condition] = {k: dates(sorts[k]) for k in date_keys}
    found.update({k: money(sorts[k]) for k in money_keys})
    return found


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def filtered(
    stmt: Select[Any], filters: Mapping[str, Any], conditions: Mapping[str, Condition]
) -> Select[Any]:
    """Apply every non-empty filter; an unknown key is a programming error."""
    for key, value in filters.items():
        if value is None or value == "":
            continue
        if key not in conditions:
            raise KeyError(f"unknown filter {key!r}")
        condition = conditions[key](database_text(value) if isinstance(value, str) else value)
        if condition is not None:
            stmt = stmt.where(condition)
    return stmt


def run(
    session: Session,
    stmt: Select[Any],
    request: PageRequest,
    conditions: Mapping[str, Condition],
    sorts: Mapping[str, Any],
    tiebreak: Any,
    default_order: tuple[Any, ...],
    make: Callable[..., Any],
) -> Page[Any]:
    """Filter, sort (the request's keys, else the page's default order) and page."""
    stmt = filtered(stmt, request.filters, conditions)
    if request.sort:
        stmt = apply_sort(stmt, request, sorts, tiebreak)
    else:
        stmt = stmt.order_by(*default_order, tiebreak)
    return page(session, stmt, request, make)
