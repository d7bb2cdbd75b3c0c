"""What a clerk types in a date or money column filter, as an inclusive range.

Dates: `15/10/2026`, `10/2026` (the month), `2026` (the year), `01/10/2026-15/10/2026`
(or `… a …`), and `>=`, `<=`, `>`, `<` before any of them. Money: `935`, `935,00`,
`1.234,56`, a range `100-200` (or `100 a 200`) and the same operators. Text that is
not (yet) one of these gives None: the grid keeps its rows while the clerk types.
"""

from __future__ import annotations

import re
from calendar import monthrange
from datetime import date, timedelta

from contoffice.core.money import Money
from contoffice.core.text import is_ascii_digits
from contoffice.core.validation import ValidationError

Range = tuple[date | None, date | None]
CentsRange = tuple[int | None, int | None]
_OPERATOR = re.compile(r"^\s*(>=|<=|>|<)\s*(.+)$")
_RANGE = re.compile(r"^(.+?)\s*(?:\s-\s|-|\sa\s)\s*(.+)$")
_FIRST_YEAR, _LAST_YEAR = 1900, 2199  # the years core.format.parse_date accepts


def _period(text: str) -> Range | None:
    """The first and last day `text` names (a day, a month or a year)."""
    parts = text.strip().split("/")
    if not all(is_ascii_digits(part) for part in parts):
        return None  # "٢٠٢٦" or "2026a" is no period
    if not _FIRST_YEAR <= int(parts[-1][:4]) <= _LAST_YEAR:
        return None  # ">31/12/9999" would step past the last date Python has
    try:
        if len(parts) == 3 and len(parts[2]) == 4:
            day = date(int(parts[2]), int(parts[1]), int(parts[0]))
            return day, day
        if len(parts) == 2 and len(parts[1]) == 4:
            year, month = int(parts[1]), int(parts[0])
            return date(year, month, 1), date(year, month, monthrange(year, month)[1])
        if len(parts) == 1 and len(parts[0]) == 4:
            year = int(parts[0])
            return date(year, 1, 1), date(year, 12, 31)
    except ValueError:
        return None
    return None


def date_range(text: str) -> Range | None:
    """The inclusive date range a date-column filter asks for, or None."""
    text = text.strip()
    if not text:
        return None
    operator = _OPERATOR.match(text)
    if operator:
        op, rest = operator.groups()
        period = _period(rest)
        if period is None:
            return None
        start, end = period
        return {
            ">=": (start, None),
            ">": (end + timedelta(days=1), None),  # type: ignore[operator]
            "<=": (None, end),
            "<": (None, start - timedelta(days=1)),  # type: ignore[operator]
        }[op]
    span = _RANGE.match(text)
    if span and "/" in text:
        first, last = _period(span.group(1)), _period(span.group(2))
        if first and last:
            return first[0], last[1]
    return _period(text)


def _cents(text: str) -> int | None:
    try:
        return Money.parse(text).cents
    except ValidationError:
        return None


def money_range(text: str) -> CentsRange | None:
    """The inclusive range of cents a money-column filter asks for, or None."""
    text = text.strip()
    if not text:
        return None
    operator = _OPERATOR.match(text)
    if operator:
        op, rest = operator.groups()
        cents = _cents(rest)
        if cents is None:
            return None
        return {
            ">=": (cents, None),
            ">": (cents + 1, None),
            "<=": (None, cents),
            "<": (None, cents - 1),
        }[op]
    span = _RANGE.match(text)
    if span and not text.startswith("-"):
        low, high = _cents(span.group(1)), _cents(span.group(2))
        if low is not None and high is not None:
            return low, high
    cents = _cents(text)
    return None if cents is None else (cents, cents)
