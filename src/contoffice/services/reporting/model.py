"""What every report returns: a table (columns and rows) and the series its chart draws."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any

from contoffice.core.due_dates import add_months
from contoffice.core.grids import ColumnSpec
from contoffice.errors import InvalidInput
from contoffice.services.reporting import messages

VIEW, AUDIT = "reports.view", "reports.audit"
MAX_MONTHS = 60  # five years of months is still a readable chart


class Chart(StrEnum):
    BARS = "bars"  # vertical bars, one set per series
    HBARS = "hbars"  # horizontal bars (long category names: clients)
    LINE = "line"


class Unit(StrEnum):
    MONEY = "money"  # integer cents
    PERCENT = "percent"  # basis points (100 = 1%)
    COUNT = "count"


@dataclass(frozen=True, slots=True)
class Series:
    """One line or set of bars: a value per category, all in the same unit."""

    name: str
    values: tuple[int, ...]
    unit: Unit = Unit.MONEY


@dataclass(frozen=True, slots=True)
class Report:
    """A report ready to show: its chart (categories and series) and its table."""

    title: str
    chart: Chart
    categories: tuple[str, ...]
    series: tuple[Series, ...]
    columns: tuple[ColumnSpec, ...]
    rows: tuple[Any, ...]  # dataclasses whose attributes are the column keys
    note: str = ""  # how the numbers were counted, in the clerk's words
    total: int | None = None  # rows matched when the table shows only the first ones
    filters: tuple[str, ...] = field(default_factory=tuple)  # what was asked, for the sheet
    permission: str = VIEW  # the key that lets an operator see (and export) it

    def values(self) -> list[list[Any]]:
        """The table's raw values, one list per row in column order."""
        return [[getattr(row, c.key) for c in self.columns] for row in self.rows]


def month_start(d: date) -> date:
    """The first day of d's month."""
    return d.replace(day=1)


def months_between(first: date, last: date) -> list[date]:
    """The first days of every month from first's month to last's, both included."""
    start, end = month_start(first), month_start(last)
    if end < start:
        raise InvalidInput(messages.MONTHS_INVERTED)
    count = (end.year - start.year) * 12 + end.month - start.month + 1
    if count > MAX_MONTHS:
        raise InvalidInput(messages.MONTHS_AT_MOST.format(most=MAX_MONTHS))
    return [add_months(start, n) for n in range(count)]


def rate_bp(part: int, whole: int) -> int:
    """part/whole in basis points, rounded half up (0 when nothing was due)."""
    return (part * 10_000 * 2 + whole) // (whole * 2) if whole > 0 else 0
