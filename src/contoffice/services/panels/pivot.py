"""Informações sintéticas: counts of registrations by the row and column fields chosen."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from contoffice.core.vocab import PersonKind, role_label
from contoffice.db.queries import pivot
from contoffice.db.uow import UnitOfWork

# The fields the clerk can drag into rows or columns, in the order the list shows them.
PIVOT_FIELDS: dict[str, str] = {
    "kind": "Tipo de pessoa",
    "roles": "Classificação",
    "city": "Cidade",
    "district": "Bairro",
    "state": "UF",
    "active": "Situação",
    "year": "Ano de cadastro",
}
TOTAL = "Total"


@dataclass(frozen=True, slots=True)
class PivotTable:
    """Row and column headings (label tuples) and counts[row][column]."""

    row_fields: tuple[str, ...]
    column_fields: tuple[str, ...]
    rows: list[tuple[str, ...]]
    columns: list[tuple[str, ...]]
    counts: list[list[int]]
    total: int


def label(field: str, value: Any) -> str:
    """The pt-BR text of one grouped value."""
    if value is None or value == "":
        return "(vazio)"
    if field == "kind":
        return PersonKind(value).label
    if field == "roles":
        return role_label(int(value))
    if field == "active":
        return "Ativo" if value else "Inativo"
    if field == "year":
        return str(int(value))
    return str(value)


def pivot_counts(uow: UnitOfWork, row_fields: Sequence[str], column_fields: Sequence[str],
                 filters: Mapping[str, Any] | None = None) -> PivotTable:
    """Count registrations for every combination of the row and column fields."""
    fields = [*row_fields, *column_fields]
    with uow:
        groups = pivot.counts(uow.session, fields, filters or {})
    n_rows = len(row_fields)
    cells: dict[tuple[tuple[str, ...], tuple[str, ...]], int] = {}
    rows: dict[tuple[str, ...], None] = {}
    columns: dict[tuple[str, ...], None] = {}
    for values, n in groups:
        labels = tuple(label(f, v) for f, v in zip(fields, values, strict=True))
        r, c = labels[:n_rows] or (TOTAL,), labels[n_rows:] or (TOTAL,)
        rows.setdefault(r)
        columns.setdefault(c)
        cells[r, c] = cells.get((r, c), 0) + n
    row_list, column_list = list(rows), list(columns)
    counts = [[cells.get((r, c), 0) for c in column_list] for r in row_list]
    return PivotTable(tuple(row_fields), tuple(column_fields), row_list, column_list, counts,
                      sum(n for _v, n in groups))
