"""Column specs of every grid: header, kind, filter and sort keys, screen and sheet values.

Declared once and used by the window (header, alignment, per-column filter,
sort), by the spreadsheet export (typed cells) and by `contoffice export`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from decimal import Decimal
from enum import StrEnum
from typing import Any

from contoffice.core.documents import format_document
from contoffice.core.format import (
    SAO_PAULO,
    format_competence,
    format_date,
    format_datetime,
    format_money,
)
from contoffice.core.phone import format_phone
from contoffice.core.postal import format_cep
from contoffice.core.text import fold


class ColumnKind(StrEnum):
    TEXT = "text"
    INT = "int"
    MONEY = "money"  # integer cents
    DATE = "date"
    DATETIME = "datetime"  # UTC, shown in America/Sao_Paulo
    COMPETENCE = "competence"
    DOCUMENT = "document"  # CPF/CNPJ, kept as text in sheets (leading zeros, letters)
    PHONE = "phone"
    POSTAL = "postal"
    BOOL = "bool"
    LABEL = "label"  # a code shown through `labels`


YES, NO = "Sim", "Não"


@dataclass(frozen=True, slots=True)
class ColumnSpec:
    """One column: `key` is the row attribute; filter/sort keys go to the query."""

    key: str
    header: str
    kind: ColumnKind = ColumnKind.TEXT
    filter_key: str | None = None
    sort_key: str | None = None
    labels: Mapping[str, str] = field(default_factory=dict)
    width: int = 120

    @property
    def numeric(self) -> bool:
        """Right-aligned on screen."""
        return self.kind in (ColumnKind.INT, ColumnKind.MONEY)

    def display(self, value: Any) -> str:
        """The pt-BR text of a value (formatting through core.format)."""
        if value is None or value == "":
            return ""
        kind = self.kind
        if kind is ColumnKind.MONEY:
            return format_money(int(value))
        if kind is ColumnKind.DATE:
            return format_date(value)
        if kind is ColumnKind.DATETIME:
            return format_datetime(value)
        if kind is ColumnKind.COMPETENCE:
            return format_competence(value)
        if kind is ColumnKind.DOCUMENT:
            return format_document(str(value))
        if kind is ColumnKind.PHONE:
            return format_phone(str(value))
        if kind is ColumnKind.POSTAL:
            return format_cep(str(value))
        if kind is ColumnKind.BOOL:
            return YES if value else NO
        if kind is ColumnKind.LABEL:
            return self.labels.get(str(value), str(value))
        return str(value)

    def cell(self, value: Any) -> Any:
        """The typed spreadsheet value: dates as dates, money as Decimal, documents as text."""
        if value is None:
            return None
        kind = self.kind
        if kind is ColumnKind.MONEY:
            return Decimal(int(value)).scaleb(-2)
        if kind is ColumnKind.DATE:
            return value if isinstance(value, date) else None
        if kind is ColumnKind.DATETIME:
            if isinstance(value, datetime):
                # Spreadsheets have no time zones: write the local wall-clock time.
                return _local_naive(value)
            return None
        if kind is ColumnKind.COMPETENCE:
            return value if isinstance(value, date) else None
        if kind is ColumnKind.INT:
            return int(value)
        if kind is ColumnKind.BOOL:
            return YES if value else NO
        return self.display(value)


def _local_naive(value: datetime) -> datetime:
    aware = value if value.tzinfo is not None else value.replace(tzinfo=UTC)
    return aware.astimezone(SAO_PAULO).replace(tzinfo=None)


def codes_for_label(text: str, labels: Mapping[str, str]) -> list[str]:
    """Codes whose pt-BR label starts with (or contains) what the clerk typed."""
    wanted = fold(text.strip())
    return [code for code, label in labels.items() if wanted in fold(label)]
