"""A grid's raw values as spreadsheet cells (XLSX) and as pt-BR text fields (CSV)."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from contoffice.core.grids import ColumnKind, ColumnSpec

Convert = Callable[[Any], Any]
# What the XLSX format cannot hold (a pasted \x01): dropped rather than escaped as _x0001_.
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
# What a spreadsheet program may read as the start of a formula (or a DDE command).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_TEXT_KINDS = (ColumnKind.TEXT, ColumnKind.LABEL)


def clean_text(value: str) -> str:
    """Text without the control characters a sheet cannot hold."""
    # isprintable() answers in C for the usual text; only the rest pays for the regex.
    if value.isprintable() or not _ILLEGAL.search(value):
        return value
    return _ILLEGAL.sub("", value)


def _money_number(cents: Any) -> float | None:
    # int / 100 is the double nearest the decimal amount: reads back as 1870.5, shows R$ 1.870,50.
    return None if cents is None else int(cents) / 100


def _int(value: Any) -> int | None:
    return None if value is None else int(value)


def _text(value: Any) -> str | None:
    return None if value is None else clean_text(str(value))


def xlsx_converter(column: ColumnSpec) -> Convert:
    """The function turning a raw value of `column` into the typed cell value."""
    if column.kind is ColumnKind.MONEY:
        return _money_number
    if column.kind is ColumnKind.INT:
        return _int
    if column.kind is ColumnKind.TEXT:
        return _text
    cell = column.cell
    return lambda value: _text_or(cell(value))


def _text_or(value: Any) -> Any:
    return clean_text(value) if isinstance(value, str) else value


def money_text(cents: Any) -> str:
    """Cents as a plain decimal-comma amount, no thousands dot nor "R$" (imports read it)."""
    if cents is None or cents == "":
        return ""
    cents = int(cents)
    whole, part = divmod(abs(cents), 100)
    return f"{'-' if cents < 0 else ''}{whole},{part:02d}"


def csv_converter(column: ColumnSpec) -> Convert:
    """The function turning a raw value of `column` into its CSV field (pt-BR text)."""
    if column.kind is ColumnKind.MONEY:
        return money_text
    if column.kind is ColumnKind.INT:
        return lambda value: "" if value is None else str(int(value))
    display = column.display
    if column.kind in _TEXT_KINDS:
        return lambda value: _no_formula(display(value))
    return display


def _no_formula(text: str) -> str:
    # A leading apostrophe keeps "=HYPERLINK(…)" typed by a client from running in Excel.
    return "'" + text if text.startswith(FORMULA_STARTS) else text
